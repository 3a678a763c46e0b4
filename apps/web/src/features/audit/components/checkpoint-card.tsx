import { Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import type { TCheckpointResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { MonoValue } from './mono-value.tsx';

type Props = { checkpoint: TCheckpointResponse | null | undefined; error: unknown; onRetry: () => void };

/** The public signed checkpoint and the key to verify it, ready to copy for outside safekeeping. */
export function CheckpointCard({ checkpoint, error, onRetry }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();

  let body;
  if (checkpoint === undefined) {
    body = error !== undefined ? <ApiErrorAlert error={error} onRetry={onRetry} testId="audit-checkpoint-error" /> : <Skeleton active />;
  } else if (checkpoint === null) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.checkpoint.none')} data-testid="audit-checkpoint-none" />;
  } else {
    body = (
      <>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'origin', label: t('audit.checkpoint.origin'), children: <span className="sb-mono">{checkpoint.origin}</span> },
            { key: 'size', label: t('audit.checkpoint.size'), children: checkpoint.size },
            {
              key: 'createdAt',
              label: t('audit.checkpoint.createdAt'),
              children: formatDateTime(checkpoint.createdAt, locale, { seconds: true }),
            },
            { key: 'rootHash', label: t('audit.checkpoint.rootHash'), children: <MonoValue value={checkpoint.rootHash} truncate /> },
          ]}
        />
        <h2 className="sb-audit-block-title">{t('audit.checkpoint.note')}</h2>
        <Typography.Paragraph
          className="sb-mono sb-audit-copy-block"
          copyable={{ text: checkpoint.note, tooltips: [t('audit.copy'), t('audit.copied')] }}
          data-testid="audit-checkpoint-note"
        >
          <pre>{checkpoint.note}</pre>
        </Typography.Paragraph>
        <h2 className="sb-audit-block-title">{t('audit.checkpoint.verifierKey')}</h2>
        <Typography.Paragraph
          className="sb-mono sb-audit-copy-block"
          copyable={{ text: checkpoint.verifierKey, tooltips: [t('audit.copy'), t('audit.copied')] }}
          data-testid="audit-verifier-key"
        >
          <pre>{checkpoint.verifierKey}</pre>
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Card title={t('audit.checkpoint.title')} data-testid="audit-checkpoint">
      <p className="sb-audit-card-intro">{t('audit.checkpoint.intro')}</p>
      {body}
    </Card>
  );
}
