import type { TDataroom } from '@sealbridge/contracts';
import { Button, Card, Empty, Skeleton, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';
import { BarChart } from '../../../shared/ui/bar-chart.tsx';

/** Views and dwell time per viewer, document, page and day; the CSV export is audited on the server. */
export function AnalyticsPanel({ room }: { room: TDataroom }) {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => dataroomApi.analytics(room.listingId, signal), `analytics-${room.listingId}`);
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  const data = query.data;
  if (!data) return <Skeleton active />;
  const dwell = (ms: number) =>
    ms >= 120_000
      ? t('dataroom.analytics.minutes', { value: Math.round(ms / 60_000) })
      : t('dataroom.analytics.seconds', { value: Math.round(ms / 1000) });
  const who = (v: string) => (v === 'seller' ? t('dataroom.analytics.seller') : v === 'broker' ? t('dataroom.analytics.broker') : v);
  const title = (id: string) => data.byDocument.find((d) => d.documentId === id)?.title ?? id;
  return (
    <div className="sb-dr-analytics" data-testid="analytics">
      <p className="sb-dr-hint">{t('dataroom.analytics.intro')}</p>
      <Button icon={<DownloadOutlined />} href={dataroomApi.analyticsCsvUrl(room.listingId)} data-testid="analytics-csv">
        {t('dataroom.analytics.exportCsv')}
      </Button>
      {data.byViewer.length === 0 ? (
        <Empty description={t('dataroom.analytics.empty')} />
      ) : (
        <div className="sb-dr-analytics-grid">
          <Card size="small" title={t('dataroom.analytics.byViewer')}>
            <BarChart items={data.byViewer.map((v) => ({ label: who(v.viewer), value: v.views }))} testId="chart-viewers" />
            <Table
              size="small"
              rowKey="viewer"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.byViewer}
              columns={[
                { title: t('dataroom.analytics.viewer'), dataIndex: 'viewer', render: who },
                { title: t('dataroom.analytics.views'), dataIndex: 'views' },
                { title: t('dataroom.analytics.dwell'), dataIndex: 'dwellMs', render: dwell },
                {
                  title: t('dataroom.analytics.lastViewed'),
                  dataIndex: 'lastViewedAt',
                  render: (v: string | null) => (v ? formatDateTime(v, currentLocale()) : '—'),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('dataroom.analytics.byDocument')}>
            <BarChart items={data.byDocument.map((d) => ({ label: d.title, value: d.dwellMs }))} format={dwell} testId="chart-documents" />
          </Card>
          <Card size="small" title={t('dataroom.analytics.byDay')}>
            <BarChart items={data.byDay.map((d) => ({ label: d.day, value: d.views }))} />
          </Card>
          <Card size="small" title={t('dataroom.analytics.byPage')}>
            <Table
              size="small"
              rowKey={(r) => `${r.documentId}:${r.page}`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={data.byPage}
              columns={[
                { title: t('dataroom.matrix.document'), dataIndex: 'documentId', render: title },
                { title: t('dataroom.analytics.page'), dataIndex: 'page' },
                { title: t('dataroom.analytics.views'), dataIndex: 'views' },
                { title: t('dataroom.analytics.dwell'), dataIndex: 'dwellMs', render: dwell },
              ]}
            />
          </Card>
        </div>
      )}
    </div>
  );
}
