import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api/api-error.ts';
import { useLocale } from '../i18n/use-locale.ts';

type Props = {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
  className?: string;
};

/**
 * Shows a failed call as the translated text of its error code, re-translated when the language changes; the request
 * id (for support) follows in small secondary text, never as the message.
 */
export function ApiErrorAlert({ error, onRetry, testId, className }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      className={className}
      data-testid={testId}
      title={errorText(error, locale)}
      description={
        requestId ? (
          <Typography.Text type="secondary" className="sb-request-id">
            {t('common.requestId', { id: requestId })}
          </Typography.Text>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
