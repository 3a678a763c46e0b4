import '../security.css';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { SessionsPanel } from '../components/sessions-panel.tsx';

function Header() {
  const { t } = useTranslation();
  return (
    <header className="sb-page-header">
      <h1>{t('security.sessions.title')}</h1>
    </header>
  );
}

/** `/account/sessions` — a customer's signed-in devices. */
export function SessionsPage() {
  useDocumentTitle('sessions');
  return (
    <div className="sb-container sb-page" data-testid="sessions-page">
      <Header />
      <CustomerGate path="/account/sessions" errorTestId="sessions-gate-error">
        <SessionsPanel />
      </CustomerGate>
    </div>
  );
}

/** `/console/account/sessions` — a staff member's signed-in devices. */
export function ConsoleSessionsPage() {
  useDocumentTitle('sessions');
  return (
    <div data-testid="sessions-page">
      <Header />
      <SessionsPanel />
    </div>
  );
}
