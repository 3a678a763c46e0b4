import { PlusOutlined } from '@ant-design/icons';
import type { TListingSummary } from '@sealbridge/contracts';
import { Button, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { sellerApi } from '../api/listings-api.ts';

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  changes_requested: 'warning',
  published: 'success',
  under_offer: 'orange',
  sold: 'purple',
  withdrawn: 'default',
};

/** /account/listings — the seller's listings and their status. */
export function SellerListingsPage() {
  const { t } = useTranslation();
  useDocumentTitle('sellerListings');
  const query = useApiQuery((signal) => sellerApi.mine(signal), 'mine');
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('market.seller.title')}</h1>
        <p>{t('market.seller.intro')}</p>
      </header>
      <p>
        <Link to="/account/listings/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-listing">
            {t('market.seller.create')}
          </Button>
        </Link>
      </p>
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
      ) : (
        <Table<TListingSummary>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={query.loading}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('market.seller.empty')} /> }}
          pagination={false}
          columns={[
            { title: t('market.review.code'), dataIndex: 'code' },
            {
              title: t('market.review.listingTitle'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/account/listings/${row.id}`}>{title}</Link>,
            },
            {
              title: t('market.review.status'),
              dataIndex: 'status',
              render: (s: TListingSummary['status']) => (
                <Tag color={STATUS_COLORS[s]} data-testid="listing-status">
                  {t(`market.statuses.${s}`)}
                </Tag>
              ),
            },
            { title: t('market.review.updated'), dataIndex: 'updatedAt', render: (v: string) => new Date(v).toLocaleString() },
            {
              title: t('disclosure.panel.linkLabel'),
              key: 'access',
              render: (_: unknown, row) =>
                ['published', 'under_offer', 'sold'].includes(row.status) ? (
                  <Link to={`/account/listings/${row.id}/access`} data-testid={`access-${row.code}`}>
                    {t('disclosure.panel.title')}
                  </Link>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}
