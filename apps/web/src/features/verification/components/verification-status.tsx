import { Descriptions, Tag } from 'antd';
import type { TMyVerificationResponse, VerificationStatus } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';

const COLOR: Record<VerificationStatus, string> = { unverified: 'default', pending: 'processing', verified: 'success', rejected: 'error' };

export function VerificationStatusTag({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="verification-status" data-status={status}>
      {t(`verification.statuses.${status}`)}
    </Tag>
  );
}

/** The customer's status with times, the masked name and ID number, and a rejection's reason and note. */
export function VerificationStatusCard({ mine }: { mine: TMyVerificationResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hint =
    mine.status === 'pending'
      ? 'pendingHint'
      : mine.status === 'verified'
        ? 'verifiedHint'
        : mine.status === 'rejected'
          ? 'rejectedHint'
          : undefined;
  return (
    <div>
      <p>
        <VerificationStatusTag status={mine.status} /> {hint && <span className="sb-muted">{t(`verification.mine.${hint}`)}</span>}
      </p>
      {mine.status !== 'unverified' && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('verification.fields.fullName')}>
            <FieldViewValue view={mine.fullName} testId="verification-my-name" />
          </Descriptions.Item>
          <Descriptions.Item label={t('verification.fields.idNumber')}>
            <FieldViewValue view={mine.idNumber} testId="verification-my-id-number" />
          </Descriptions.Item>
        </Descriptions>
      )}
      {mine.submittedAt && (
        <p className="sb-muted">{t('verification.mine.submittedAt', { time: formatDateTime(mine.submittedAt, locale) })}</p>
      )}
      {mine.decidedAt && <p className="sb-muted">{t('verification.mine.decidedAt', { time: formatDateTime(mine.decidedAt, locale) })}</p>}
      {mine.reason && (
        <p data-testid="verification-reason">{t('verification.mine.reason', { reason: t(`verification.reasons.${mine.reason}`) })}</p>
      )}
      {mine.note && <p data-testid="verification-note">{t('verification.mine.note', { note: mine.note })}</p>}
    </div>
  );
}
