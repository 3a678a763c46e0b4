import { PlusOutlined } from '@ant-design/icons';
import type { TListingSummary } from '@sealbridge/contracts';
import { Empty, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { useSession } from '../../auth/session/session-context.ts';
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
  const session = useSession();
  const isSeller = session.account?.roles.includes('seller') ?? true;
  const query = useApiQuery((signal) => (isSeller ? sellerApi.mine(signal) : Promise.resolve({ items: [] })), `mine-${isSeller}`);
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('market.seller.title')}</h1>
        <p>{t('market.seller.intro')}</p>
      </header>
      {/* A buyer has no listings to manage: say so instead of offering a button that ends in a permission error. */}
      {!isSeller ? (
        <Result status="info" title={t('market.seller.notSeller')} data-testid="not-seller" />
      ) : (
        <p className="sb-page-actions">
          <ButtonLink type="primary" to="/account/listings/new" icon={<PlusOutlined />} data-testid="new-listing">
            {t('market.seller.create')}
          </ButtonLink>
        </p>
      )}
      {!isSeller ? null : query.error ? (
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
      ) : (
        <ResponsiveTable<TListingSummary>
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
                ) : (
                  // Buyers can ask for access only once the listing is published: an empty cell read as missing.
                  '—'
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
