import { Button } from 'antd';
import type { ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router';

type Props = Omit<ButtonProps, 'href' | 'onClick'> & { to: string };

/**
 * An antd Button that is a real link (<a href>): middle-click and "open in new tab" work, while a plain click
 * navigates inside the app without reloading. Avoids the invalid <a><button> nesting.
 */
export function ButtonLink({ to, ...props }: Props) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLElement>(to);
  return <Button {...props} href={href} onClick={onClick} />;
}
