import '../login.css';
import { Card, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../../../shared/ui/brand-mark.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { RegisterForm } from '../components/register-form.tsx';

/** `/login/reset` — a forgotten password: a code to the registered mobile or e-mail, then a new password. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  useDocumentTitle('reset');
  const [done, setDone] = useState(false);
  return (
    <div className="sb-login">
      <Card className="sb-login-card sb-register-card">
        <div className="sb-login-head">
          <BrandMark size={48} />
          <h1>{t('security.reset.title')}</h1>
          <p>{t('security.reset.subtitle')}</p>
        </div>
        {done ? (
          <Result
            status="success"
            title={t('security.reset.doneTitle')}
            subTitle={t('security.reset.doneBody')}
            extra={
              <ButtonLink type="primary" to="/login">
                {t('security.register.loginLink')}
              </ButtonLink>
            }
            data-testid="reset-done"
          />
        ) : (
          <RegisterForm onReset={() => setDone(true)} />
        )}
        <p className="sb-login-alt">
          <Link to="/login">{t('security.reset.back')}</Link>
        </p>
      </Card>
    </div>
  );
}
