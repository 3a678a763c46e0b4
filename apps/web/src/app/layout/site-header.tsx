import { MessageOutlined } from '@ant-design/icons';
import { AuditOutlined, IdcardOutlined, LockOutlined, LogoutOutlined, SafetyCertificateOutlined, SafetyOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { isStaff, pendingStepPath, useSession } from '../../features/auth/session/session-context.ts';
import { ButtonLink } from '../../shared/ui/button-link.tsx';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';

function AccountArea() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session.status !== 'authenticated' || !session.account) {
    return (
      <span className="sb-header-account">
        <ButtonLink type="text" to="/register" data-testid="nav-register">
          {t('nav.register')}
        </ButtonLink>
        <ButtonLink type="primary" to="/login">
          {t('nav.login')}
        </ButtonLink>
      </span>
    );
  }
  // Leave the page first: a customer-only page would otherwise see the session end and send the visitor to
  // the log-in page instead of home.
  const signOut = async () => {
    await navigate('/');
    await session.signOut().catch(() => undefined);
  };
  const pending = pendingStepPath(session);
  if (pending) {
    // The password was accepted but a step is still owed: nothing else to offer than finishing it or leaving.
    return (
      <span className="sb-header-account">
        <ButtonLink type="primary" to={pending} data-testid="nav-continue-sign-in">
          {t('nav.continueSignIn')}
        </ButtonLink>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('nav.logout')} />
      </span>
    );
  }
  return (
    <span className="sb-header-account">
      {isStaff(session.account) ? (
        <ButtonLink type="primary" to="/console">
          {t('nav.console')}
        </ButtonLink>
      ) : (
        <>
          <span className="sb-header-user">
            <UserOutlined /> {session.account.displayName}
          </span>
          {session.account.roles.includes('seller') && (
            <ButtonLink type="text" to="/account/listings" icon={<ShopOutlined />} aria-label={t('nav.myListings')} title={t('nav.myListings')} data-testid="nav-my-listings">
              <span className="sb-header-label">{t('nav.myListings')}</span>
            </ButtonLink>
          )}
          <ButtonLink type="text" to="/account/messages" icon={<MessageOutlined />} aria-label={t('nav.messages')} title={t('nav.messages')} data-testid="nav-messages">
            <span className="sb-header-label">{t('nav.messages')}</span>
          </ButtonLink>
          <ButtonLink to="/account/profile" icon={<SafetyCertificateOutlined />} aria-label={t('nav.myData')} data-testid="nav-my-data">
            {t('nav.myData')}
          </ButtonLink>
          <ButtonLink
            type="text"
            to="/account/access-log"
            icon={<AuditOutlined />}
            aria-label={t('nav.accessLog')} title={t('nav.accessLog')}
            data-testid="nav-access-log"
          >
            <span className="sb-header-label">{t('nav.accessLog')}</span>
          </ButtonLink>
          <ButtonLink
            type="text"
            to="/account/security"
            icon={<LockOutlined />}
            aria-label={t('nav.security')} title={t('nav.security')}
            data-testid="nav-security"
          >
            <span className="sb-header-label">{t('nav.security')}</span>
          </ButtonLink>
          <ButtonLink type="text" to="/account/privacy" icon={<SafetyOutlined />} aria-label={t('nav.myPrivacy')} title={t('nav.myPrivacy')} data-testid="nav-my-privacy">
            <span className="sb-header-label">{t('nav.myPrivacy')}</span>
          </ButtonLink>
          <ButtonLink
            type="text"
            to="/account/verification"
            icon={<IdcardOutlined />}
            aria-label={t('nav.verification')} title={t('nav.verification')}
            data-testid="nav-verification"
          >
            <span className="sb-header-label">{t('nav.verification')}</span>
          </ButtonLink>
        </>
      )}
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('nav.logout')} />
    </span>
  );
}

/** Brand, main navigation, language switch and sign-in, on every public page. */
export function SiteHeader() {
  const { t } = useTranslation();
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'sb-nav-link is-active' : 'sb-nav-link');
  return (
    <Layout.Header className="sb-header">
      <div className="sb-container sb-header-inner">
        <BrandLink />
        <nav className="sb-nav" aria-label={t('nav.label')}>
          <NavLink to="/" end className={navClass}>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/listings" className={navClass}>
            {t('nav.listings')}
          </NavLink>
          <NavLink to="/privacy" className={navClass}>
            {t('nav.privacy')}
          </NavLink>
        </nav>
        <div className="sb-header-actions">
          <LanguageSwitch />
          <AccountArea />
        </div>
      </div>
    </Layout.Header>
  );
}
