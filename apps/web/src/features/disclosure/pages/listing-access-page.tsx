import '../disclosure.css';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Card, Skeleton, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { sellerDisclosureApi } from '../api/disclosure-api.ts';
import { AccessMatrix } from '../components/access-matrix.tsx';
import { GrantHistory } from '../components/grant-history.tsx';

function ListingAccess({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const panel = useApiQuery((signal) => sellerDisclosureApi.panel(listingId, signal), `panel-${listingId}`);
  const inquiries = useApiQuery((signal) => sellerDisclosureApi.inquiries(listingId, signal), `panel-inquiries-${listingId}`);
  const reload = () => {
    panel.reload();
    inquiries.reload();
  };
  const error = panel.error ?? inquiries.error;
  if (error !== undefined && !panel.data) return <ApiErrorAlert error={error} onRetry={reload} />;
  if (!panel.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const setProof = async (on: boolean) => {
    try {
      await sellerDisclosureApi.setProofRequired(listingId, on);
      void message.success(t('disclosure.panel.proofSaved'));
      reload();
    } catch (failure) {
      void message.error(errorText(failure, locale));
    }
  };
  return (
    <div data-testid="listing-access" data-listing-code={panel.data.listingCode}>
      <p className="sb-muted">{t('listing.code', { code: panel.data.listingCode })}</p>
      <Card className="sb-inquiry-alert" size="small">
        <label className="sb-switch-row">
          <Switch checked={panel.data.requiresProofOfFunds} onChange={(on) => void setProof(on)} data-testid="proof-required" />
          <span>
            <strong>{t('disclosure.panel.proofSwitch')}</strong>
            <br />
            <span className="sb-muted">{t('disclosure.panel.proofHint')}</span>
          </span>
        </label>
      </Card>
      <AccessMatrix panel={panel.data} inquiries={inquiries.data?.items ?? []} actions={sellerDisclosureApi} onChanged={reload} />
      <GrantHistory history={panel.data.history} />
    </div>
  );
}

/** `/account/listings/:id/access` — the seller's control panel: who can see what, until when, revoke, renew, history. */
export function ListingAccessPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle('listingAccess');
  return (
    <div className="sb-container sb-page">
      <ButtonLink type="link" to="/account/listings" icon={<ArrowLeftOutlined />} className="sb-back-link">
        {t('disclosure.panel.back')}
      </ButtonLink>
      <header className="sb-page-header">
        <h1>{t('disclosure.panel.title')}</h1>
        <p>{t('disclosure.panel.intro')}</p>
      </header>
      <CustomerGate path={`/account/listings/${id}/access`} errorTestId="listing-access-error">
        <ListingAccess listingId={id} />
      </CustomerGate>
    </div>
  );
}
