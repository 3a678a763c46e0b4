import '../disclosure.css';
import { Card, Empty, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { sellerApi } from '../../listings/api/listings-api.ts';
import { sellerDisclosureApi } from '../api/disclosure-api.ts';
import { SellerRequestCard } from '../components/seller-request-card.tsx';

function BuyerRequests() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const listingId = params.get('listingId') ?? undefined;
  const listings = useApiQuery((signal) => sellerApi.mine(signal), 'seller-listings');
  const query = useApiQuery((signal) => sellerDisclosureApi.inquiries(listingId, signal), `seller-inquiries-${listingId ?? ''}`);
  return (
    <>
      <div className="sb-filter-bar">
        <Select
          value={listingId ?? ''}
          onChange={(v: string) => setParams(v ? { listingId: v } : {}, { replace: true })}
          aria-label={t('disclosure.seller.listingFilter')}
          options={[
            { value: '', label: t('disclosure.seller.allListings') },
            ...(listings.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.title}` })),
          ]}
          data-testid="requests-listing-filter"
        />
      </div>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {!query.data && query.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <Card>
            <Empty description={t('disclosure.seller.empty')} data-testid="buyer-requests-empty" />
          </Card>
        ) : (
          <div className="sb-inquiry-list" data-testid="buyer-requests">
            {query.data.items.map((inquiry) => (
              <SellerRequestCard key={inquiry.id} inquiry={inquiry} onChanged={query.reload} />
            ))}
          </div>
        ))}
    </>
  );
}

/** `/account/buyer-requests` — 意向买家: requests on the seller's listings, the buyer by alias only. */
export function BuyerRequestsPage() {
  const { t } = useTranslation();
  useDocumentTitle('buyerRequests');
  return (
    <div className="sb-container sb-page" data-testid="buyer-requests-page">
      <header className="sb-page-header">
        <h1>{t('disclosure.seller.title')}</h1>
        <p>{t('disclosure.seller.intro')}</p>
      </header>
      <CustomerGate path="/account/buyer-requests" errorTestId="buyer-requests-error">
        <BuyerRequests />
      </CustomerGate>
    </div>
  );
}
