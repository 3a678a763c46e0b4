import '../login.css';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../../shared/ui/brand-mark.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import type { SecondFactorMethod, TAccountResponse } from '@sealbridge/contracts';
import { returnPath } from '../api/return-path.ts';
import { LoginForm } from '../components/login-form.tsx';
import { SecondFactorForm } from '../components/second-factor-form.tsx';
import { useSession } from '../session/session-context.ts';

/** The preferred order of the second step's methods: a passkey first, then the app, recovery codes last. */
const ORDER: readonly SecondFactorMethod[] = ['webauthn', 'totp', 'recovery'];

/** `/login` — the password, then (when the server says so) the second step; staff without a factor go to enrolment. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle('login');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;

  const proceed = (response: TAccountResponse) => {
    if (response.stage === 'active') void navigate(returnPath(response.account, from), { replace: true });
    // second_factor: this page re-renders with the second step; enrol_factor: the Navigate below takes over.
  };
  const onSignedIn = (response: TAccountResponse) => {
    session.signedIn(response);
    proceed(response);
  };
  const onVerified = async () => {
    const response = await session.reload();
    if (response) proceed(response);
  };
  const signInAsAnother = () => void session.signOut().catch(() => undefined);

  if (session.status === 'loading') return <PageSpinner />;
  if (session.status === 'authenticated' && session.stage === 'enrol_factor') {
    return <Navigate to="/security/enrol" replace state={{ from }} />;
  }
  const secondStep = session.status === 'authenticated' && session.stage === 'second_factor';
  const methods = ORDER.filter((m) => session.secondFactor?.methods.includes(m));

  return (
    <div className="sb-login">
      <Card className="sb-login-card">
        <div className="sb-login-head">
          <BrandMark size={48} />
          <h1>{secondStep ? t('security.secondStep.title') : t('auth.title')}</h1>
          <p>{secondStep ? t('security.secondStep.subtitle') : t('auth.subtitle')}</p>
        </div>
        {secondStep ? (
          <div data-testid="second-step">
            <SecondFactorForm
              methods={methods.length > 0 ? methods : ORDER}
              onVerified={onVerified}
              extra={
                <Button type="link" block onClick={signInAsAnother} data-testid="second-step-use-another">
                  {t('security.secondStep.useAnother')}
                </Button>
              }
            />
          </div>
        ) : (
          <>
            <LoginForm onSignedIn={onSignedIn} />
            <p className="sb-login-alt">
              {t('security.login.noAccount')}{' '}
              <Link to="/register" data-testid="login-register-link">
                {t('security.login.registerLink')}
              </Link>
              {' · '}
              <Link to="/login/reset" data-testid="login-reset-link">
                {t('security.reset.link')}
              </Link>
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
