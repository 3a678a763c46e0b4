import { Tag } from 'antd';
import type { TObligationRow } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getObligations } from '../api/vendors-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

export const RAG_COLOR = { green: 'green', amber: 'orange', red: 'red' } as const;

/** Every row of the obligations table with its live check (PRIVACY-LAW.md). */
export function ObligationsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useApiQuery((s) => getObligations(s), 'obligations');
  return (
    <div data-testid="obligations-map">
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {query.data ? <p className="sb-muted">{t('vendors.checkedAt', { at: formatDateTime(query.data.checkedAt, locale) })}</p> : null}
      <ResponsiveTable<TObligationRow>
        rowKey="row"
        size="small"
        pagination={false}
        loading={query.loading}
        dataSource={query.data?.rows ?? []}
        scroll={{ x: 720 }}
        columns={[
          { title: '#', dataIndex: 'row', width: 48 },
          { title: t('vendors.obligation'), key: 'o', render: (_v, r) => r.obligation[locale] },
          {
            title: t('vendors.status'),
            dataIndex: 'status',
            render: (v: TObligationRow['status']) => <Tag color={RAG_COLOR[v]}>{t(`vendors.rag.${v}`)}</Tag>,
          },
          { title: t('vendors.evidence'), key: 'e', render: (_v, r) => <span className="sb-break">{r.evidence[locale]}</span> },
          { title: t('vendors.source'), dataIndex: 'source' },
        ]}
      />
    </div>
  );
}
