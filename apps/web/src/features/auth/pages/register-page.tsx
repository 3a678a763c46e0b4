import '../login.css';
import { Card } from 'antd';
import type { TAccountResponse } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BrandMark } from '../../../shared/ui/brand-mark.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { RegisterForm } from '../components/register-form.tsx';
import { useSession } from '../session/session-context.ts';

/** `/register` — customers create an account and are signed in; next stop: account security (offer a second factor). */
export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle('register');
  const session = useSession();
  const navigate = useNavigate();

  const onRegistered = (response: TAccountResponse) => {
    session.signedIn(response);
    void navigate(response.stage === 'active' ? '/account/security' : '/login', { replace: true });
  };

  return (
    <div className="sb-login">
      <Card className="sb-login-card sb-register-card">
        <div className="sb-login-head">
          <BrandMark size={48} />
          <h1>{t('security.register.title')}</h1>
          <p>{t('security.register.subtitle')}</p>
        </div>
        <RegisterForm onRegistered={onRegistered} />
        <p className="sb-login-alt">
          {t('security.register.haveAccount')}{' '}
          <Link to="/login" data-testid="register-login-link">
            {t('security.register.loginLink')}
          </Link>
        </p>
      </Card>
    </div>
  );
}
