import { Segmented, Tag } from 'antd';
import type { TTransferRecord } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getTransfers } from '../api/vendors-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

type Transfer = TTransferRecord;

/** The gateway's record: every transfer, allowed or refused with its reason. */
export function TransfersTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [outcome, setOutcome] = useState<'all' | 'allowed' | 'refused'>('all');
  const [page, setPage] = useState(1);
  const query = useApiQuery((s) => getTransfers({ ...(outcome === 'all' ? {} : { outcome }), page }, s), `transfers-${outcome}-${page}`);
  return (
    <div data-testid="transfers">
      <Segmented
        value={outcome}
        onChange={(v) => {
          setOutcome(v as typeof outcome);
          setPage(1);
        }}
        options={(['all', 'allowed', 'refused'] as const).map((v) => ({ value: v, label: t(`vendors.transfers.${v}`) }))}
      />
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      <ResponsiveTable<Transfer>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 820 }}
        pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('vendors.transfers.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
          { title: t('vendors.transfers.recipient'), key: 'r', render: (_v, r) => `${r.vendorKey} · ${r.country}` },
          {
            title: t('vendors.transfers.purpose'),
            dataIndex: 'purpose',
            render: (v: string) => t(`codes.purposes.${v}`, { defaultValue: v }),
          },
          { title: t('vendors.transfers.channel'), dataIndex: 'channel' },
          {
            title: t('vendors.transfers.outcome'),
            dataIndex: 'outcome',
            render: (v: Transfer['outcome']) => <Tag color={v === 'allowed' ? 'green' : 'red'}>{t(`vendors.transfers.${v}`)}</Tag>,
          },
          {
            title: t('vendors.transfers.reason'),
            dataIndex: 'reason',
            render: (v: Transfer['reason']) => t(`vendors.transfers.reasons.${v}`),
          },
          { title: t('vendors.transfers.retainUntil'), dataIndex: 'retainUntil', render: (v: string) => formatDateTime(v, locale) },
        ]}
      />
    </div>
  );
}
