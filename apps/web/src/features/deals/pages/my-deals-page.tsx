import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { DealDetail } from '../components/deal-detail.tsx';
import { DealList } from '../components/deal-list.tsx';

/** /account/deals — a seller's or buyer's deals. */
export function MyDealsPage() {
  const { t } = useTranslation();
  useDocumentTitle('deals');
  return (
    <div className="sb-container sb-page">
      <CustomerGate path="/account/deals" errorTestId="deals-session-error">
        <header className="sb-page-header">
          <h1>{t('deals.list.title')}</h1>
          <p>{t('deals.list.intro')}</p>
        </header>
        <DealList basePath="/account/deals" />
      </CustomerGate>
    </div>
  );
}

/** /account/deals/:id — one deal, the customer's side of it. */
export function MyDealPage() {
  const { id = '' } = useParams();
  return (
    <div className="sb-container sb-page">
      <CustomerGate path={`/account/deals/${id}`} errorTestId="deals-session-error">
        <DealDetail id={id} backPath="/account/deals" />
      </CustomerGate>
    </div>
  );
}
