import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  value: string;
  /** Shorten long hashes to their ends; the copy button copies all of it. */ truncate?: boolean;
  testId?: string;
};

/** An id or hash: monospace, optionally shortened, with a copy button. */
export function MonoValue({ value, truncate = false, testId }: Props) {
  const { t } = useTranslation();
  const shown = truncate && value.length > 24 ? `${value.slice(0, 12)}…${value.slice(-8)}` : value;
  return (
    <Typography.Text
      className="sb-mono"
      title={value}
      copyable={{ text: value, tooltips: [t('audit.copy'), t('audit.copied')] }}
      data-testid={testId}
    >
      {shown}
    </Typography.Text>
  );
}
