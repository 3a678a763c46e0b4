import { Alert, Descriptions, Drawer, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { TAuditRecord } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useAuditLabels } from '../../../shared/ui/use-audit-labels.ts';
import { AuditActor, DecisionTag } from './audit-actor.tsx';
import { MonoValue } from './mono-value.tsx';

type Props = { record: TAuditRecord | undefined; fieldLabel: (key: string) => string; onClose: () => void };

/** Everything one record holds: ids, request id, payload (names and ids only, never values) and its hashes. */
export function AuditRecordDrawer({ record, fieldLabel, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAuditLabels();
  const none = <span className="sb-muted">{t('audit.table.none')}</span>;
  const mono = (value: string | null, truncate = false) => (value ? <MonoValue value={value} truncate={truncate} /> : none);

  const items: DescriptionsProps['items'] = record
    ? [
        {
          key: 'at',
          label: t('audit.record.at'),
          children: (
            <>
              {formatDateTime(record.at, locale, { seconds: true })} <span className="sb-mono sb-muted">{record.at}</span>
            </>
          ),
        },
        {
          key: 'type',
          label: t('audit.record.type'),
          children: (
            <>
              {labels.eventType(record.type)} <span className="sb-mono sb-muted">{record.type}</span>
            </>
          ),
        },
        { key: 'action', label: t('audit.record.action'), children: labels.action(record.action) },
        { key: 'decision', label: t('audit.record.decision'), children: <DecisionTag decision={record.decision} /> },
        {
          key: 'actorRole',
          label: t('audit.record.actorRole'),
          children: <AuditActor role={record.actor.role} staffNo={record.actor.staffNo} />,
        },
        { key: 'actorAccount', label: t('audit.record.actorAccount'), children: mono(record.actor.accountId) },
        { key: 'purpose', label: t('audit.record.purpose'), children: record.purpose ? labels.purpose(record.purpose) : none },
        { key: 'subjectId', label: t('audit.record.subjectId'), children: mono(record.subjectId) },
        {
          key: 'fields',
          label: t('audit.record.fields'),
          children:
            record.fields.length === 0
              ? none
              : record.fields.map((key) => (
                  <Tag key={key} className="sb-audit-field">
                    {fieldLabel(key)} <span className="sb-mono sb-muted">{key}</span>
                  </Tag>
                )),
        },
        { key: 'requestId', label: t('audit.record.requestId'), children: mono(record.requestId) },
        {
          key: 'data',
          label: t('audit.record.data'),
          children: (
            <>
              {!record.dataValid && <Alert type="warning" showIcon title={t('audit.record.dataInvalid')} className="sb-audit-data-alert" />}
              <pre className="sb-mono sb-audit-data" data-testid="audit-record-data">
                {JSON.stringify(record.data, null, 2)}
              </pre>
            </>
          ),
        },
        { key: 'prevHash', label: t('audit.record.prevHash'), children: mono(record.prevHash, true) },
        { key: 'leafHash', label: t('audit.record.leafHash'), children: mono(record.leafHash, true) },
      ]
    : [];

  return (
    <Drawer
      open={record !== undefined}
      onClose={onClose}
      size="large"
      title={record ? t('audit.record.title', { seq: record.seq }) : undefined}
      destroyOnHidden
      data-testid="audit-record"
    >
      <Descriptions column={1} bordered size="small" items={items} className="sb-audit-record" />
      <p className="sb-muted sb-audit-hash-hint">{t('audit.record.hashHint')}</p>
    </Drawer>
  );
}
