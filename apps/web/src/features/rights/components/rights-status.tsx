import { Tag, Timeline } from 'antd';
import type { TRightsRequest } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const FINAL_COLORS: Record<string, string> = { refused: 'red', restricted: 'orange', identity_pending: 'gold' };

/** A request's state, clock, outcome and history — the same block for the requester and the officer. */
export function RightsStatus({ request }: { request: TRightsRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = request;
  return (
    <div className="sb-rights-status">
      <p>
        <Tag color={FINAL_COLORS[r.status] ?? (r.workingDaysLeft === null ? 'green' : 'blue')}>{t(`rights.statuses.${r.status}`)}</Tag>
        {r.workingDaysLeft === null ? null : r.overdue ? (
          <Tag color="red">{t('rights.my.overdue', { count: Math.abs(r.workingDaysLeft) })}</Tag>
        ) : (
          <Tag color={r.workingDaysLeft <= 3 ? 'orange' : 'default'}>{t('rights.my.daysLeft', { count: r.workingDaysLeft })}</Tag>
        )}
      </p>
      <p className="sb-muted">
        {t('rights.my.due')}: {formatDateTime(r.dueAt, locale)} {r.dueProvisional ? t('rights.my.provisional') : null}
      </p>
      {r.extension ? <p>{t('rights.my.extension', { days: r.extension.workingDays, reason: r.extension.reason })}</p> : null}
      {r.answer ? (
        <p className="sb-break">
          <strong>{t('rights.my.answer')}：</strong>
          {r.answer}
        </p>
      ) : null}
      {r.refusal ? (
        <p className="sb-break">
          <strong>{t('rights.my.refusal')}：</strong>
          {t(`rights.refusals.${r.refusal.code}`)} — {r.refusal.text}
        </p>
      ) : null}
      {r.outcome?.erased ? <p>{t('rights.my.erased')}</p> : null}
      {r.outcome && !r.outcome.erased && !r.outcome.restrictedUntil && r.outcome.restrictedAfterDealEnd ? (
        <p>
          {t('rights.my.restrictedAfterDeal', {
            years: r.outcome.restrictedAfterDealEnd.years,
            reason: t(`rights.reasons.${r.outcome.restrictedReason ?? 'transaction_records_3y'}` as 'rights.reasons.deal_records_10y'),
          })}
        </p>
      ) : null}
      {r.outcome && !r.outcome.erased && r.outcome.restrictedUntil ? (
        <p>
          {t('rights.my.restricted', {
            until: r.outcome.restrictedUntil,
            reason: t(`rights.reasons.${r.outcome.restrictedReason ?? 'transaction_records_3y'}` as 'rights.reasons.deal_records_10y'),
          })}
        </p>
      ) : null}
      <details>
        <summary>{t('rights.my.historyTitle')}</summary>
        <Timeline
          items={r.history.map((h) => ({
            children: `${formatDateTime(h.at, locale)} · ${t(`rights.history.${h.event}`)} · ${t(`rights.statuses.${h.status}`)}`,
          }))}
        />
      </details>
    </div>
  );
}
