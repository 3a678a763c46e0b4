import '../login.css';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../../shared/ui/brand-mark.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import type { TAccount } from '@sealbridge/contracts';
import { LoginForm } from '../components/login-form.tsx';
import { useSession } from '../session/session-context.ts';

/**
 * Where to go after signing in: back to the page that sent the visitor here when it belongs to the account's
 * side (the console for staff, /account for customers), else the console or the marketplace.
 */
function destination(account: TAccount, from: unknown): string {
  const home = account.kind === 'staff' ? '/console' : '/account';
  const fallback = account.kind === 'staff' ? '/console' : '/';
  return typeof from === 'string' && (from === home || from.startsWith(`${home}/`)) ? from : fallback;
}

/** `/login` */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle('login');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;

  const onSignedIn = (account: TAccount) => {
    session.signedIn(account);
    void navigate(destination(account, from), { replace: true });
  };

  return (
    <div className="sb-login">
      <Card className="sb-login-card">
        <div className="sb-login-head">
          <BrandMark size={48} />
          <h1>{t('auth.title')}</h1>
          <p>{t('auth.subtitle')}</p>
        </div>
        <LoginForm onSignedIn={onSignedIn} />
      </Card>
    </div>
  );
}
