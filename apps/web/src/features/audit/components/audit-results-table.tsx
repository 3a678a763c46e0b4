import { ProfileOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TAuditRecord } from '@sealbridge/contracts';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useAuditLabels } from '../../../shared/ui/use-audit-labels.ts';
import { AuditActor, DecisionTag } from './audit-actor.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

type Props = {
  records: readonly TAuditRecord[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  fieldLabel: (key: string) => string;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (record: TAuditRecord) => void;
};

/** One page of audit records; a row opens its details (hashes, request id, payload). */
export function AuditResultsTable({ records, loading, page, pageSize, total, fieldLabel, onPage, onOpen }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAuditLabels();
  const none = <span className="sb-muted">{t('audit.table.none')}</span>;

  const columns: TableColumnsType<TAuditRecord> = [
    { key: 'seq', title: t('audit.table.seq'), width: 64, render: (_, r) => <span className="sb-mono">{r.seq}</span> },
    {
      key: 'at',
      title: t('audit.table.at'),
      width: 190,
      className: 'sb-nowrap',
      render: (_, r) => <time dateTime={r.at}>{formatDateTime(r.at, locale, { seconds: true })}</time>,
    },
    {
      key: 'type',
      title: t('audit.table.type'),
      width: 190,
      render: (_, r) => (
        <span className="sb-audit-type">
          <span>{labels.eventType(r.type)}</span>
          <span className="sb-mono sb-muted">{r.type}</span>
        </span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.table.actor'),
      width: 150,
      render: (_, r) => <AuditActor role={r.actor.role} staffNo={r.actor.staffNo} />,
    },
    { key: 'purpose', title: t('audit.table.purpose'), width: 130, render: (_, r) => (r.purpose ? labels.purpose(r.purpose) : none) },
    {
      key: 'fields',
      title: t('audit.table.fields'),
      render: (_, r) =>
        r.fields.length === 0
          ? none
          : r.fields.map((key) => (
              <Tag key={key} title={key} className="sb-audit-field">
                {fieldLabel(key)}
              </Tag>
            )),
    },
    { key: 'decision', title: t('audit.table.decision'), width: 90, render: (_, r) => <DecisionTag decision={r.decision} /> },
    {
      key: 'details',
      title: t('audit.table.details'),
      width: 64,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<ProfileOutlined />}
          aria-label={t('audit.table.detailsLabel', { seq: r.seq })}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(r);
          }}
          data-testid="audit-row-details"
        />
      ),
    },
  ];

  return (
    <ResponsiveTable<TAuditRecord>
      actionsColumn="details"
      rowKey="seq"
      size="middle"
      columns={columns}
      dataSource={[...records]}
      loading={loading}
      scroll={{ x: 1000 }}
      rowClassName={(r) => (r.decision === 'denied' ? 'sb-audit-row is-denied' : 'sb-audit-row')}
      onRow={(r) =>
        ({
          'data-testid': 'audit-row',
          'data-seq': r.seq,
          'data-type': r.type,
          'data-decision': r.decision,
          onClick: () => onOpen(r),
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t('audit.search.total', { count }),
        onChange: onPage,
      }}
    />
  );
}
