import './pending-consent-banner.css';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { getPendingConsents } from '../../privacy/api/consent-api.ts';
import { isCustomer, useSession } from '../../auth/session/session-context.ts';

function Banner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const query = useApiQuery((s) => getPendingConsents(s), `pending-banner-${pathname}`);
  const count = query.data?.pending.length ?? 0;
  if (count === 0 || pathname.startsWith('/account/privacy')) return null;
  return (
    <div className="sb-container sb-pending-banner">
      <Alert
        type="info"
        showIcon
        data-testid="pending-consent-banner"
        title={t('consent.my.banner', { count })}
        action={<Link to="/account/privacy">{t('consent.my.bannerAction')}</Link>}
      />
    </div>
  );
}

/** At each visit a signed-in customer is asked about what is pending (never asked, purpose changed, cool-down over). */
export function PendingConsentBanner() {
  const session = useSession();
  if (session.status !== 'authenticated' || !isCustomer(session.account)) return null;
  return <Banner />;
}
