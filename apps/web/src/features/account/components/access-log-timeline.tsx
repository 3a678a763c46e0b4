import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useAuditLabels } from '../../../shared/ui/use-audit-labels.ts';
import type { TAccessLogEntry } from '../api/access-log-api.ts';

/**
 * A reading under a disclosure grant, in words: "买家 B-7K3QX2（已签署保密协议）查看了 公司名称…" — or, for a seller
 * reading a buyer's contacts (L3), "挂牌 SB-… 的卖方查看了 …". The buyer is named by their alias for this listing only.
 */
function CounterpartyLine({ entry }: { entry: TAccessLogEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = entry.counterparty;
  if (!c) return null;
  const fields = entry.fields.map((f) => f.label[locale]).join(t('disclosure.listSeparator'));
  const text =
    c.alias === 'seller'
      ? t('disclosure.accessLog.seller', { code: c.listingCode, fields })
      : t(c.ndaSignatureId ? 'disclosure.accessLog.buyerWithNda' : 'disclosure.accessLog.buyer', { alias: c.alias, fields });
  return (
    <p className="sb-access-counterparty" data-testid="access-log-counterparty" data-alias={c.alias} data-listing-code={c.listingCode}>
      <strong>{text}</strong>
      {c.alias !== 'seller' && <span className="sb-muted"> · {t('disclosure.accessLog.listing', { code: c.listingCode })}</span>}
    </p>
  );
}

/** One access: when, what was done, by which role and staff number, to which fields, why, and whether it was allowed. */
function AccessLogEntry({ entry }: { entry: TAccessLogEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAuditLabels();
  const denied = entry.decision === 'denied';
  const roles = labels.roles(entry.actorRole);
  return (
    <li
      className={denied ? 'sb-access-entry is-denied' : 'sb-access-entry'}
      data-testid="access-log-entry"
      data-decision={entry.decision}
      data-action={entry.action}
    >
      <span className="sb-access-dot" aria-hidden="true">
        {denied ? <StopOutlined /> : <CheckCircleOutlined />}
      </span>
      <div className="sb-access-body">
        <div className="sb-access-head">
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale, { seconds: true })}</time>
          <strong>{labels.action(entry.action)}</strong>
          <Tag color={denied ? 'error' : 'success'} variant="filled" data-testid="access-log-decision">
            {labels.decision(entry.decision)}
          </Tag>
        </div>
        {entry.counterparty && <CounterpartyLine entry={entry} />}
        <dl className="sb-access-facts">
          <div>
            <dt>{t('account.accessLog.actor')}</dt>
            <dd data-testid="access-log-actor">
              {roles.length > 0 ? roles.join(' / ') : t('account.accessLog.unknownActor')}
              {entry.staffNo && <span className="sb-access-staff">{t('account.accessLog.staffNo', { no: entry.staffNo })}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('account.accessLog.fields')}</dt>
            <dd data-testid="access-log-fields">
              {entry.fields.length === 0
                ? t('account.accessLog.noFields')
                : entry.fields.map((field) => (
                    <Tag key={field.key} className="sb-access-field">
                      {field.label[locale]}
                    </Tag>
                  ))}
            </dd>
          </div>
          <div>
            <dt>{t('account.accessLog.purpose')}</dt>
            <dd data-testid="access-log-purpose">{entry.purpose ? labels.purpose(entry.purpose) : t('account.accessLog.noPurpose')}</dd>
          </div>
        </dl>
        {denied && <p className="sb-access-denied-hint">{t('account.accessLog.deniedHint')}</p>}
      </div>
    </li>
  );
}

/** The accesses, newest first, as a vertical timeline. */
export function AccessLogTimeline({ entries }: { entries: readonly TAccessLogEntry[] }) {
  return (
    <ol className="sb-access-log">
      {entries.map((entry) => (
        <AccessLogEntry key={entry.seq} entry={entry} />
      ))}
    </ol>
  );
}
