import {
  AuditOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HeartOutlined,
  IdcardOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { isStaff, pendingStepPath, useSession } from '../../features/auth/session/session-context.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import type { zhCN } from '../../locales/zh-CN.ts';
import { ButtonLink } from '../../shared/ui/button-link.tsx';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';

type AccountLink = { key: string; to: string; icon: ReactNode; label: NavKey | 'deals.navMine' | 'disputes.nav'; inBar: boolean };
type NavKey = `nav.${keyof typeof zhCN.nav}`;

/** The main navigation: in the header bar on every width, and again at the top of the phone drawer. */
const MAIN_NAV: readonly { key: string; to: string; label: NavKey }[] = [
  { key: 'home', to: '/', label: 'nav.home' },
  { key: 'listings', to: '/listings', label: 'nav.listings' },
  { key: 'privacy', to: '/privacy', label: 'nav.privacy' },
];

/** The customer's pages, by role: the header bar shows most of them, the phone menu all of them (text labels). */
function customerLinks(roles: readonly string[]): AccountLink[] {
  const seller = roles.includes('seller');
  const buyer = roles.includes('buyer');
  const links: (AccountLink | false)[] = [
    seller && { key: 'my-listings', to: '/account/listings', icon: <ShopOutlined />, label: 'nav.myListings', inBar: true },
    seller && { key: 'buyer-requests', to: '/account/buyer-requests', icon: <TeamOutlined />, label: 'nav.buyerRequests', inBar: true },
    buyer && { key: 'inquiries', to: '/account/inquiries', icon: <FileSearchOutlined />, label: 'nav.inquiries', inBar: true },
    { key: 'watchlist', to: '/account/watchlist', icon: <HeartOutlined />, label: 'nav.watchlist', inBar: false },
    { key: 'messages', to: '/account/messages', icon: <MessageOutlined />, label: 'nav.messages', inBar: true },
    { key: 'dataroom', to: '/account/dataroom', icon: <FolderOpenOutlined />, label: 'nav.dataroom', inBar: true },
    { key: 'my-deals', to: '/account/deals', icon: <SolutionOutlined />, label: 'deals.navMine', inBar: true },
    { key: 'my-disputes', to: '/account/disputes', icon: <SolutionOutlined />, label: 'disputes.nav', inBar: false },
    { key: 'my-data', to: '/account/profile', icon: <SafetyCertificateOutlined />, label: 'nav.myData', inBar: true },
    { key: 'access-log', to: '/account/access-log', icon: <AuditOutlined />, label: 'nav.accessLog', inBar: true },
    { key: 'security', to: '/account/security', icon: <LockOutlined />, label: 'nav.security', inBar: true },
    { key: 'my-privacy', to: '/account/privacy', icon: <SafetyOutlined />, label: 'nav.myPrivacy', inBar: true },
    { key: 'verification', to: '/account/verification', icon: <IdcardOutlined />, label: 'nav.verification', inBar: true },
    { key: 'adviser', to: '/account/adviser', icon: <CustomerServiceOutlined />, label: 'nav.adviser', inBar: false },
    { key: 'notifications', to: '/account/notifications', icon: <BellOutlined />, label: 'nav.notifications', inBar: false },
  ];
  return links.filter((link): link is AccountLink => link !== false);
}

/** The phone menu: main navigation, the account's pages (text labels, real links) and sign-out, in a drawer. */
function AccountDrawer({ links, onSignOut }: { links: readonly AccountLink[]; onSignOut: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  const close = () => setOpen(false);
  return (
    <>
      <Button
        type="text"
        className="sb-header-menu"
        icon={<MenuOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('nav.menu')}
        aria-expanded={open}
        data-testid="nav-menu"
      />
      <Drawer open={open} onClose={close} placement="right" size={300} title={t('nav.menu')} rootClassName="sb-nav-drawer">
        <nav aria-label={t('nav.label')} className="sb-drawer-links">
          {MAIN_NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === '/'} onClick={close} data-testid={`menu-main-${item.key}`}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <nav aria-label={t('nav.menu')} className="sb-drawer-links">
          {links.map((link) => (
            <NavLink key={link.key} to={link.to} onClick={close} data-testid={`menu-${link.key}`}>
              {link.icon} {t(link.label)}
            </NavLink>
          ))}
          <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut} data-testid="menu-logout" className="sb-drawer-logout">
            {t('nav.logout')}
          </Button>
        </nav>
      </Drawer>
    </>
  );
}

function AccountArea() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (session.status !== 'authenticated' || !session.account) {
    return (
      <span className="sb-header-account">
        <ButtonLink type="text" to="/register" data-testid="nav-register">
          {t('nav.register')}
        </ButtonLink>
        {/* Signing in brings the visitor back to this page (return-path.ts decides which pages qualify). */}
        <ButtonLink type="primary" to="/login" state={{ from: `${location.pathname}${location.search}` }} data-testid="nav-login">
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
  if (isStaff(session.account)) {
    return (
      <span className="sb-header-account">
        <ButtonLink type="primary" to="/console">
          {t('nav.console')}
        </ButtonLink>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('nav.logout')} />
      </span>
    );
  }
  const links = customerLinks(session.account.roles);
  return (
    <span className="sb-header-account">
      <span className="sb-header-user">
        <UserOutlined /> {session.account.displayName}
      </span>
      <NotificationBell to="/account/notifications" />
      {/* Wide screens: one button per page (icons only below 1600 px, each with an aria-label and a tooltip). */}
      <span className="sb-header-links">
        {links
          .filter((link) => link.inBar)
          .map((link) => (
            <ButtonLink
              key={link.key}
              type={link.key === 'my-data' ? 'default' : 'text'}
              to={link.to}
              icon={link.icon}
              aria-label={t(link.label)}
              title={t(link.label)}
              data-testid={`nav-${link.key}`}
            >
              {link.key === 'my-data' ? t(link.label) : <span className="sb-header-label">{t(link.label)}</span>}
            </ButtonLink>
          ))}
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('nav.logout')} />
      </span>
      {/* Below a wide screen: a drawer with the main navigation and every account page as a text link. */}
      <AccountDrawer links={links} onSignOut={() => void signOut()} />
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
          {MAIN_NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === '/'} className={navClass}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <div className="sb-header-actions">
          <LanguageSwitch />
          <AccountArea />
        </div>
      </div>
    </Layout.Header>
  );
}
