import { SafetyCertificateOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Statistic } from 'antd';
import type { TIntegrityResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';

type Props = {
  result: TIntegrityResponse | undefined;
  /** When the shown result was computed (client clock). */
  checkedAt: string | undefined;
  error: unknown;
  loading: boolean;
  onVerify: () => void;
};

/** 完整 / 已被篡改 (with the first bad record and why), the counts, the latest checkpoint, and "verify now". */
export function IntegrityCard({ result, checkedAt, error, loading, onVerify }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();

  let body;
  if (!result) {
    body = error !== undefined ? <ApiErrorAlert error={error} onRetry={onVerify} testId="audit-integrity-error" /> : <Skeleton active />;
  } else {
    const reason = result.reason ? t(`audit.failureReasons.${result.reason}`) : t('audit.integrity.statusBad');
    const latest = result.latestCheckpoint;
    body = (
      <>
        {error !== undefined && <ApiErrorAlert error={error} testId="audit-integrity-error" className="sb-audit-alert" />}
        <div className={result.ok ? 'sb-integrity-status is-ok' : 'sb-integrity-status is-bad'}>
          {result.ok ? <SafetyCertificateOutlined aria-hidden="true" /> : <WarningOutlined aria-hidden="true" />}
          <div>
            <strong data-testid="audit-integrity-status" data-ok={String(result.ok)}>
              {result.ok ? t('audit.integrity.statusOk') : t('audit.integrity.statusBad')}
            </strong>
            <p>
              {result.ok
                ? t('audit.integrity.okBody', { count: result.checkedRecords, checkpoints: result.checkedCheckpoints })
                : result.firstBadSeq !== undefined
                  ? t('audit.integrity.badBody', { seq: result.firstBadSeq, reason })
                  : t('audit.integrity.badBodyNoSeq', { reason })}
            </p>
          </div>
        </div>
        {!result.ok && <Alert type="error" showIcon title={t('audit.integrity.badAdvice')} className="sb-audit-alert" />}
        <div className="sb-integrity-stats">
          <Statistic title={t('audit.integrity.size')} value={result.size} />
          <Statistic title={t('audit.integrity.checkedRecords')} value={result.checkedRecords} />
          <Statistic title={t('audit.integrity.checkedCheckpoints')} value={result.checkedCheckpoints} />
          <Statistic title={t('audit.integrity.externalCheckpoints')} value={result.externalCheckpoints ?? 0} />
          <div className="sb-integrity-latest">
            <span className="sb-muted">{t('audit.integrity.latestCheckpoint')}</span>
            <span>
              {latest
                ? t('audit.integrity.latestCheckpointValue', {
                    time: formatDateTime(latest.createdAt, locale, { seconds: true }),
                    size: latest.size,
                  })
                : t('audit.integrity.noCheckpoint')}
            </span>
          </div>
        </div>
        {checkedAt && (
          <p className="sb-muted">{t('audit.integrity.checkedAt', { time: formatDateTime(checkedAt, locale, { seconds: true }) })}</p>
        )}
      </>
    );
  }

  return (
    <Card
      title={t('audit.integrity.resultTitle')}
      data-testid="audit-integrity"
      extra={
        <Button type="primary" icon={<SyncOutlined />} loading={loading} onClick={onVerify} data-testid="audit-verify">
          {t('audit.integrity.verifyNow')}
        </Button>
      }
    >
      {body}
    </Card>
  );
}
