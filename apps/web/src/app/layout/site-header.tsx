import {
  AuditOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
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
import { Button, Dropdown, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { isStaff, pendingStepPath, useSession } from '../../features/auth/session/session-context.ts';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import type { zhCN } from '../../locales/zh-CN.ts';
import { ButtonLink } from '../../shared/ui/button-link.tsx';
import { BrandLink } from './brand-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';

type AccountLink = { key: string; to: string; icon: ReactNode; label: NavKey | 'deals.navMine'; inBar: boolean };
type NavKey = `nav.${keyof typeof zhCN.nav}`;

/** The customer's pages, by role: the header bar shows most of them, the phone menu all of them (text labels). */
function customerLinks(roles: readonly string[]): AccountLink[] {
  const seller = roles.includes('seller');
  const buyer = roles.includes('buyer');
  const links: (AccountLink | false)[] = [
    seller && { key: 'my-listings', to: '/account/listings', icon: <ShopOutlined />, label: 'nav.myListings', inBar: true },
    seller && { key: 'buyer-requests', to: '/account/buyer-requests', icon: <TeamOutlined />, label: 'nav.buyerRequests', inBar: true },
    buyer && { key: 'inquiries', to: '/account/inquiries', icon: <FileSearchOutlined />, label: 'nav.inquiries', inBar: true },
    { key: 'messages', to: '/account/messages', icon: <MessageOutlined />, label: 'nav.messages', inBar: true },
    { key: 'dataroom', to: '/account/dataroom', icon: <FolderOpenOutlined />, label: 'nav.dataroom', inBar: true },
    { key: 'my-deals', to: '/account/deals', icon: <SolutionOutlined />, label: 'deals.navMine', inBar: true },
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
      {/* Phones: the same pages as a menu with text labels, so the header never scrolls sideways. */}
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            ...links.map((link) => ({ key: link.key, icon: link.icon, label: t(link.label), 'data-testid': `menu-${link.key}` })),
            { type: 'divider' as const },
            { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), 'data-testid': 'menu-logout' },
          ],
          onClick: ({ key }) => {
            if (key === 'logout') void signOut();
            else {
              const link = links.find((l) => l.key === key);
              if (link) void navigate(link.to);
            }
          },
        }}
      >
        <Button type="text" className="sb-header-menu" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="nav-menu" />
      </Dropdown>
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
