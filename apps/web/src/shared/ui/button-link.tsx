import { Button } from 'antd';
import type { ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router';

/** `state` travels with the navigation (e.g. where the log-in page sends the visitor back to). */
type Props = Omit<ButtonProps, 'href' | 'onClick'> & { to: string; state?: unknown };

/**
 * An antd Button that is a real link (<a href>): middle-click and "open in new tab" work, while a plain click
 * navigates inside the app without reloading. Avoids the invalid <a><button> nesting.
 */
export function ButtonLink({ to, state, ...props }: Props) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLElement>(to, { state });
  return <Button {...props} href={href} onClick={onClick} />;
}
