import { Card, Select, Tag, Typography } from 'antd';
import { DELIVERY_STATUSES } from '@sealbridge/contracts';
import type { DeliveryStatus, TOutboxMessage } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getOutbox } from '../api/outbox-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

const STATUS_COLOR: Record<DeliveryStatus, string> = { outbox_only: 'default', queued: 'processing', sent: 'success', failed: 'error' };
const PAGE_SIZE = 20;

/**
 * 发送记录 (admins): what the platform sent, or would have sent without a transport — recipient masked, the
 * template's name, status and times. The text itself (codes included) stays sealed in the vault.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle('outbox');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const query = useApiQuery((signal) => getOutbox({ page, pageSize: PAGE_SIZE, status }, signal), `outbox-${page}-${status ?? ''}`);
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  return (
    <Card
      // The card is the whole page: its title is the page's h1.
      title={<h1 className="sb-card-page-title">{t('outbox.title')}</h1>}
      data-testid="outbox-page"
      extra={
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('outbox.allStatuses')}
          aria-label={t('outbox.allStatuses')}
          value={status}
          onChange={(value: DeliveryStatus | undefined) => {
            setStatus(value);
            setPage(1);
          }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
          data-testid="outbox-status-filter"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('outbox.intro')}</Typography.Paragraph>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} testId="outbox-error" /> : null}
      <ResponsiveTable<TOutboxMessage>
        rowKey="id"
        size="middle"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('outbox.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => time(v) },
          { title: t('outbox.columns.channel'), dataIndex: 'channel', render: (v: TOutboxMessage['channel']) => t(`outbox.channels.${v}`) },
          {
            title: t('outbox.columns.recipient'),
            dataIndex: 'recipient',
            render: (v: TOutboxMessage['recipient']) => <FieldViewValue view={v} />,
          },
          {
            title: t('outbox.columns.template'),
            dataIndex: 'template',
            render: (v: TOutboxMessage['template']) => t(`outbox.templates.${v}`),
          },
          {
            title: t('outbox.columns.status'),
            dataIndex: 'status',
            render: (v: DeliveryStatus) => <Tag color={STATUS_COLOR[v]}>{t(`outbox.statuses.${v}`)}</Tag>,
          },
          { title: t('outbox.columns.dispatchedAt'), dataIndex: 'dispatchedAt', render: (v: string | null) => time(v) },
        ]}
        data-testid="outbox-table"
      />
    </Card>
  );
}
