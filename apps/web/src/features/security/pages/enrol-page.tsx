import '../security.css';
import '../../auth/login.css';
import { Button, Card, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../../shared/ui/brand-mark.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useSession } from '../../auth/session/session-context.ts';
import { FactorsPanel } from '../components/factors-panel.tsx';

/**
 * `/security/enrol` — the forced enrolment of a staff member signed in without a factor (session stage
 * `enrol_factor`): add an authenticator app or a passkey; the first confirmed factor makes the session active and
 * shows the recovery codes once; then on to the console.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  useDocumentTitle('enrol');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  const [finished, setFinished] = useState(false);

  if (session.status === 'loading') return <PageSpinner />;
  if (session.status !== 'authenticated' || !session.account) return <Navigate to="/login" replace />;
  if (session.stage === 'second_factor') return <Navigate to="/login" replace state={{ from }} />;

  const goOn = async () => {
    const response = await session.reload();
    const staff = response?.account.kind === 'staff';
    const target = typeof from === 'string' && from.startsWith('/console') ? from : staff ? '/console' : '/account/security';
    void navigate(target, { replace: true });
  };

  return (
    <div className="sb-login">
      <Card className="sb-login-card sb-enrol-card" data-testid="enrol-page">
        <div className="sb-login-head">
          <BrandMark size={48} />
          <h1>{t('security.enrol.title')}</h1>
          <p>{t('security.enrol.intro')}</p>
        </div>
        {session.stage === 'active' && !finished ? (
          <Result
            status="success"
            title={t('security.enrol.notNeeded')}
            extra={
              <Button type="primary" onClick={() => void goOn()}>
                {t('security.enrol.continueCustomer')}
              </Button>
            }
          />
        ) : finished ? (
          <Result
            status="success"
            title={t('security.factors.added')}
            extra={
              <Button type="primary" onClick={() => void goOn()} data-testid="enrol-continue">
                {session.account.kind === 'staff' ? t('security.enrol.continue') : t('security.enrol.continueCustomer')}
              </Button>
            }
          />
        ) : (
          <FactorsPanel enrolOnly onFactorAdded={() => setFinished(true)} />
        )}
      </Card>
    </div>
  );
}
