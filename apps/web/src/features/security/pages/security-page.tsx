import '../security.css';
import { DesktopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { FactorsPanel } from '../components/factors-panel.tsx';

function Header({ sessionsHref }: { sessionsHref: string }) {
  const { t } = useTranslation();
  return (
    <header className="sb-page-header sb-security-header">
      <div>
        <h1>{t('security.page.title')}</h1>
        <p>{t('security.page.intro')}</p>
      </div>
      <ButtonLink to={sessionsHref} icon={<DesktopOutlined />} data-testid="security-sessions-link">
        {t('security.page.sessionsLink')}
      </ButtonLink>
    </header>
  );
}

/** `/account/security` — a customer's second factors and recovery codes. */
export function SecurityPage() {
  useDocumentTitle('security');
  return (
    <div className="sb-container sb-page" data-testid="security-page">
      <Header sessionsHref="/account/sessions" />
      <CustomerGate path="/account/security" errorTestId="security-error">
        <FactorsPanel />
      </CustomerGate>
    </div>
  );
}

/** `/console/account/security` — the same for staff (账号安全), inside the console frame. */
export function ConsoleSecurityPage() {
  useDocumentTitle('security');
  return (
    <div data-testid="security-page">
      <Header sessionsHref="/console/account/sessions" />
      <FactorsPanel />
    </div>
  );
}
