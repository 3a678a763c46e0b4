import './console.css';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Result } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { errorMessage } from '@sealbridge/contracts';
import { pendingStepPath, useSession } from '../../features/auth/session/session-context.ts';
import type { TAccount } from '@sealbridge/contracts';
import { NotFoundPage } from '../../features/not-found/pages/not-found-page.tsx';
import { useLocale } from '../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../shared/ui/button-link.tsx';
import { PageSpinner } from '../../shared/ui/page-spinner.tsx';
import { useDocumentTitle } from '../../shared/ui/use-document-title.ts';
import { BrandLink } from '../layout/brand-link.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { activeEntry, entryHref, visibleEntries } from './console-registry.tsx';
import { ConsoleUser } from './console-user.tsx';

/** The signed-in frame: sider menu from the registry, header with the account, routed content. */
function ConsoleFrame({ account }: { account: TAccount }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Phones: the menu slides over the page and hides completely when closed, so the page keeps the full width.
  const phone = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(phone);
  useEffect(() => setCollapsed(phone), [phone]);
  const entries = visibleEntries(account.roles);
  const active = activeEntry(pathname, entries);

  const signOut = async () => {
    await session.signOut().catch(() => undefined);
    void navigate('/login', { replace: true });
  };

  return (
    <Layout className="sb-console">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        trigger={null}
        width={224}
        collapsedWidth={phone ? 0 : 80}
        className={phone ? 'sb-console-sider is-phone' : 'sb-console-sider'}
      >
        <div className={collapsed ? 'sb-console-brand is-collapsed' : 'sb-console-brand'}>
          <BrandLink inverted to="/console" compact={collapsed} />
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={active ? [active.key] : []}
          // Phones: the menu is either open at full width or gone, so a collapsed item's tooltip would only stay behind
          // over the page after a choice.
          items={entries.map((entry) => ({
            key: entry.key,
            icon: entry.icon,
            label: entry.label(t),
            ...(phone ? { tooltip: false as const } : {}),
          }))}
          onClick={({ key }) => {
            const entry = entries.find((e) => e.key === key);
            if (entry) void navigate(entryHref(entry));
            if (phone) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      {phone && !collapsed && <div className="sb-console-backdrop" onClick={() => setCollapsed(true)} aria-hidden="true" />}
      <Layout>
        <Layout.Header className="sb-console-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? t('console.expand') : t('console.collapse')}
            data-testid="console-menu-toggle"
          />
          <div className="sb-console-header-right">
            <NotificationBell to="/console/notifications" />
            <LanguageSwitch />
            <ConsoleUser account={account} onSignOut={() => void signOut()} />
          </div>
        </Layout.Header>
        {/* data-path: the page on screen (a navigation commits once the next page's code has loaded); tests wait on it. */}
        <Layout.Content className="sb-console-content" data-path={pathname}>
          <Suspense fallback={<PageSpinner />}>
            <Routes>
              {entries.map((entry) =>
                entry.path === '' ? (
                  <Route key={entry.key} index element={<entry.Page />} />
                ) : (
                  <Route key={entry.key} path={`${entry.path}/*`} element={<entry.Page />} />
                ),
              )}
              {/* Notices for a new client point at the customers' area: its page is the lookup. */}
              <Route path="customers" element={<Navigate to="/console/customers/lookup" replace />} />
              <Route path="*" element={<NotFoundPage homeHref="/console" />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Customers are signed in but have no console. */
function ConsoleForbidden() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('console');
  return (
    <div className="sb-container sb-page" data-testid="console-forbidden">
      <Result
        status="403"
        title="403"
        subTitle={errorMessage('FORBIDDEN', locale)}
        extra={<ButtonLink to="/">{t('common.backHome')}</ButtonLink>}
      />
    </div>
  );
}

/**
 * `/console/*` — staff only. Re-checks /api/auth/me on entry; anonymous visitors go to /login (and come back
 * here after signing in), a pending session to its second step or the forced enrolment, customers see a FORBIDDEN
 * result.
 */
export function ConsoleLayout() {
  const session = useSession();
  const { pathname } = useLocation();
  const { refresh } = session;

  const signedInAtEntry = session.status === 'authenticated';
  useEffect(() => {
    // The provider asks at start-up; when we arrive later with a session, it may have expired meanwhile.
    if (signedInAtEntry) refresh();
    // Only on entry, not on every session change.
  }, [refresh]);

  if (session.status === 'loading') return <PageSpinner />;
  if (session.status === 'anonymous') return <Navigate to="/login" replace state={{ from: pathname }} />;
  if (session.status === 'error' || !session.account) {
    return (
      <div className="sb-container sb-page">
        <ApiErrorAlert error={session.error} onRetry={refresh} testId="console-error" />
      </div>
    );
  }
  // Password accepted, but the second step or a first factor (staff must have one) is still owed.
  const pending = pendingStepPath(session);
  if (pending) return <Navigate to={pending} replace state={{ from: pathname }} />;
  if (session.account.kind !== 'staff') return <ConsoleForbidden />;
  return <ConsoleFrame account={session.account} />;
}
