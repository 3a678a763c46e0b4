import { MessageOutlined } from '@ant-design/icons';
import {
  AlertOutlined,
  SolutionOutlined,
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  ClusterOutlined,
  FileProtectOutlined,
  FileDoneOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DesktopOutlined,
  DownloadOutlined,
  EditOutlined,
  MailOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  InboxOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { FolderOpenOutlined } from '@ant-design/icons';
import { ReadOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import { ROLE_PERMISSIONS, ROLES } from '@sealbridge/contracts';
import type { Permission, Role } from '@sealbridge/contracts';
import type { TFunction } from 'i18next';
import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

/**
 * THE list of console pages. A feature module adds its page by appending one entry here: the entry becomes a
 * route under /console and, for users holding one of `roles`, a menu item. Nothing else needs editing.
 * Menu visibility is a convenience only — the API enforces every permission on its own.
 */
export type ConsoleEntry = {
  /** Unique key; also the menu key. */
  key: string;
  /** Path below /console; '' is the dashboard (index route). */
  path: string;
  label: (t: TFunction) => string;
  icon: ReactNode;
  Page: LazyExoticComponent<ComponentType>;
  /** Shown only to accounts holding at least one of these roles; omit for every staff member. */
  roles?: readonly string[];
};

/** The roles holding a permission, so a menu entry follows the contracts' role table instead of repeating it. */
function rolesHolding(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export const CONSOLE_ENTRIES: readonly ConsoleEntry[] = [
  {
    key: 'dashboard',
    path: '',
    label: (t) => t('console.menuDashboard'),
    icon: <DashboardOutlined />,
    Page: lazy(() => import('../../features/dashboard/pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    key: 'customer-lookup',
    path: 'customers/lookup',
    label: (t) => t('console.menuCustomerLookup'),
    icon: <FileSearchOutlined />,
    Page: lazy(() => import('../../features/customers/pages/customer-lookup-page.tsx').then((m) => ({ default: m.CustomerLookupPage }))),
    roles: ['broker'],
  },
  {
    key: 'audit-log',
    path: 'audit/log',
    label: (t) => t('console.menuAuditLog'),
    icon: <AuditOutlined />,
    Page: lazy(() => import('../../features/audit/pages/audit-log-page.tsx').then((m) => ({ default: m.AuditLogPage }))),
    roles: rolesHolding('audit.read'),
  },
  {
    key: 'audit-integrity',
    path: 'audit/integrity',
    label: (t) => t('console.menuAuditIntegrity'),
    icon: <SafetyCertificateOutlined />,
    Page: lazy(() => import('../../features/audit/pages/audit-integrity-page.tsx').then((m) => ({ default: m.AuditIntegrityPage }))),
    roles: rolesHolding('audit.read'),
  },
  {
    key: 'audit-export',
    path: 'audit/export',
    label: (t) => t('console.menuAuditExport'),
    icon: <DownloadOutlined />,
    Page: lazy(() => import('../../features/audit/pages/audit-export-page.tsx').then((m) => ({ default: m.AuditExportPage }))),
    roles: rolesHolding('audit.export'),
  },
  {
    key: 'account-security',
    path: 'account/security',
    label: (t) => t('console.menuSecurity'),
    icon: <LockOutlined />,
    Page: lazy(() => import('../../features/security/pages/security-page.tsx').then((m) => ({ default: m.ConsoleSecurityPage }))),
  },
  {
    key: 'account-sessions',
    path: 'account/sessions',
    label: (t) => t('console.menuSessions'),
    icon: <DesktopOutlined />,
    Page: lazy(() => import('../../features/security/pages/sessions-page.tsx').then((m) => ({ default: m.ConsoleSessionsPage }))),
  },
  {
    key: 'privacy-tickets',
    path: 'privacy/tickets',
    label: (t) => t('consent.console.menuTickets'),
    icon: <InboxOutlined />,
    Page: lazy(() => import('../../features/privacy/pages/privacy-tickets-page.tsx').then((m) => ({ default: m.PrivacyTicketsPage }))),
    roles: rolesHolding('privacy.tickets.manage'),
  },
  {
    key: 'privacy-rights',
    path: 'rights',
    label: (t) => t('rights.console.menu'),
    icon: <InboxOutlined />,
    Page: lazy(() => import('../../features/rights/pages/rights-queue-page.tsx').then((m) => ({ default: m.RightsQueuePage }))),
    roles: rolesHolding('privacy.tickets.manage'),
  },
  {
    key: 'mediation',
    path: 'mediation',
    label: (t) => t('disputes.menu'),
    icon: <SolutionOutlined />,
    Page: lazy(() => import('../../features/disputes/pages/mediation-page.tsx').then((m) => ({ default: m.MediationPage }))),
    roles: rolesHolding('disputes.mediate'),
  },
  {
    key: 'education',
    path: 'education',
    label: (t) => t('education.menu'),
    icon: <ReadOutlined />,
    Page: lazy(() =>
      import('../../features/education/pages/console-education-page.tsx').then((m) => ({ default: m.ConsoleEducationPage })),
    ),
    roles: rolesHolding('program.manage'),
  },
  {
    key: 'vendors',
    path: 'vendors',
    label: (t) => t('vendors.menu'),
    icon: <ClusterOutlined />,
    Page: lazy(() => import('../../features/vendors/pages/vendors-page.tsx').then((m) => ({ default: m.VendorsPage }))),
    roles: rolesHolding('vendors.manage'),
  },
  // Security monitoring (issue 18): alerts and dashboard for the security officer; incidents for both officers.
  {
    key: 'security-alerts',
    path: 'security/alerts',
    label: (t) => t('monitoring.menuAlerts'),
    icon: <AlertOutlined />,
    Page: lazy(() => import('../../features/monitoring/pages/alerts-page.tsx').then((m) => ({ default: m.AlertsPage }))),
    roles: rolesHolding('security.monitor'),
  },
  {
    key: 'security-incidents',
    path: 'security/incidents',
    label: (t) => t('monitoring.menuIncidents'),
    icon: <ThunderboltOutlined />,
    Page: lazy(() => import('../../features/monitoring/pages/incidents-page.tsx').then((m) => ({ default: m.IncidentsPage }))),
    roles: rolesHolding('security.incidents'),
  },
  {
    key: 'security-dashboard',
    path: 'security/dashboard',
    label: (t) => t('monitoring.menuDashboard'),
    icon: <DashboardOutlined />,
    Page: lazy(() => import('../../features/monitoring/pages/dashboard-page.tsx').then((m) => ({ default: m.SecurityDashboardPage }))),
    roles: rolesHolding('security.monitor'),
  },
  {
    key: 'retention',
    path: 'retention',
    label: (t) => t('retention.menu'),
    icon: <FileDoneOutlined />,
    Page: lazy(() => import('../../features/retention/pages/retention-page.tsx').then((m) => ({ default: m.RetentionPage }))),
    roles: rolesHolding('retention.manage'),
  },
  {
    key: 'transparency',
    path: 'transparency',
    label: (t) => t('transparency.console.menu'),
    icon: <BarChartOutlined />,
    Page: lazy(() =>
      import('../../features/transparency/pages/transparency-console-page.tsx').then((m) => ({ default: m.TransparencyConsolePage })),
    ),
    roles: rolesHolding('transparency.manage'),
  },
  {
    key: 'privacy-notice',
    path: 'privacy/notice',
    label: (t) => t('consent.console.menuNotice'),
    icon: <EditOutlined />,
    Page: lazy(() =>
      import('../../features/privacy/pages/privacy-notice-editor-page.tsx').then((m) => ({ default: m.PrivacyNoticeEditorPage })),
    ),
    roles: rolesHolding('privacy.notice.manage'),
  },
  {
    key: 'verification-review',
    path: 'verifications',
    label: (t) => t('console.menuVerificationReview'),
    icon: <IdcardOutlined />,
    Page: lazy(() =>
      import('../../features/verification/pages/verification-review-page.tsx').then((m) => ({ default: m.VerificationReviewPage })),
    ),
    roles: rolesHolding('verification.review'),
  },
  {
    key: 'staff-admin',
    path: 'staff',
    label: (t) => t('staff.menu.admin'),
    icon: <TeamOutlined />,
    Page: lazy(() => import('../../features/staff/pages/staff-admin-page.tsx').then((m) => ({ default: m.StaffAdminPage }))),
    roles: rolesHolding('staff.manage'),
  },
  {
    key: 'access-reviews',
    path: 'staff/reviews',
    label: (t) => t('staff.menu.reviews'),
    icon: <CheckSquareOutlined />,
    Page: lazy(() => import('../../features/staff/pages/access-review-page.tsx').then((m) => ({ default: m.AccessReviewPage }))),
    roles: rolesHolding('staff.review'),
  },
  {
    key: 'my-training',
    path: 'my/training',
    label: (t) => t('staff.menu.training'),
    icon: <BookOutlined />,
    Page: lazy(() => import('../../features/staff/pages/my-training-page.tsx').then((m) => ({ default: m.MyTrainingPage }))),
    roles: rolesHolding('staff.training'),
  },
  {
    key: 'privacy-program',
    path: 'program',
    label: (t) => t('staff.menu.program'),
    icon: <ReadOutlined />,
    Page: lazy(() => import('../../features/staff/pages/privacy-program-page.tsx').then((m) => ({ default: m.PrivacyProgramPage }))),
    roles: rolesHolding('program.manage'),
  },
  {
    key: 'break-glass',
    path: 'break-glass',
    label: (t) => t('staff.menu.breakGlass'),
    icon: <ThunderboltOutlined />,
    Page: lazy(() => import('../../features/staff/pages/break-glass-page.tsx').then((m) => ({ default: m.BreakGlassPage }))),
    roles: rolesHolding('breakglass.request'),
  },
  {
    key: 'break-glass-alerts',
    path: 'break-glass/alerts',
    label: (t) => t('staff.menu.alerts'),
    icon: <AlertOutlined />,
    Page: lazy(() => import('../../features/staff/pages/break-glass-alerts-page.tsx').then((m) => ({ default: m.BreakGlassAlertsPage }))),
    roles: rolesHolding('breakglass.review'),
  },
  {
    key: 'listing-review',
    path: 'listings/review',
    label: (t) => t('console.menuListingReview'),
    icon: <ShopOutlined />,
    Page: lazy(() => import('../../features/listings/pages/broker-review-page.tsx').then((m) => ({ default: m.BrokerReviewPage }))),
    roles: rolesHolding('listings.review'),
  },
  {
    key: 'outbox',
    path: 'outbox',
    label: (t) => t('outbox.title'),
    icon: <MailOutlined />,
    Page: lazy(() => import('../../features/outbox/pages/outbox-page.tsx').then((m) => ({ default: m.OutboxPage }))),
    roles: rolesHolding('delivery.outbox.read'),
  },
  // The disclosure path (issue 11).
  {
    key: 'broker-inquiries',
    path: 'inquiries',
    label: (t) => t('disclosure.menu.inquiries'),
    icon: <FileDoneOutlined />,
    Page: lazy(() => import('../../features/disclosure/pages/broker-inquiries-page.tsx').then((m) => ({ default: m.BrokerInquiriesPage }))),
    roles: rolesHolding('disclosure.review'),
  },
  {
    key: 'advisers',
    path: 'advisers',
    label: (t) => t('disclosure.menu.advisers'),
    icon: <ClusterOutlined />,
    Page: lazy(() => import('../../features/advisers/pages/advisers-admin-page.tsx').then((m) => ({ default: m.AdvisersAdminPage }))),
    roles: rolesHolding('clients.assign'),
  },
  {
    key: 'nda-templates',
    path: 'nda',
    label: (t) => t('disclosure.menu.nda'),
    icon: <FileProtectOutlined />,
    Page: lazy(() => import('../../features/disclosure/pages/nda-templates-page.tsx').then((m) => ({ default: m.NdaTemplatesPage }))),
    roles: rolesHolding('nda.manage'),
  },
  {
    key: 'notifications',
    path: 'notifications',
    label: (t) => t('disclosure.menu.notifications'),
    icon: <BellOutlined />,
    Page: lazy(() =>
      import('../../features/notifications/pages/notifications-page.tsx').then((m) => ({ default: m.ConsoleNotificationsPage })),
    ),
  },
  {
    key: 'messages',
    path: 'messages',
    label: (t) => t('console.menuMessages'),
    icon: <MessageOutlined />,
    Page: lazy(() => import('../../features/messages/pages/broker-messages-page.tsx').then((m) => ({ default: m.BrokerMessagesPage }))),
    roles: rolesHolding('messages.moderate'),
  },
  {
    key: 'deals',
    path: 'deals',
    label: (t) => t('deals.menu'),
    icon: <SolutionOutlined />,
    Page: lazy(() => import('../../features/deals/pages/console-deals-page.tsx').then((m) => ({ default: m.ConsoleDealsPage }))),
    roles: rolesHolding('deals.manage'),
  },
  {
    key: 'dataroom',
    path: 'dataroom',
    label: (t) => t('dataroom.title'),
    icon: <FolderOpenOutlined />,
    Page: lazy(() => import('../../features/dataroom/pages/console-dataroom-page.tsx').then((m) => ({ default: m.ConsoleDataroomPage }))),
    roles: ['broker'],
  },
];

/** The entries an account may see in the menu. */
export function visibleEntries(roles: readonly string[]): ConsoleEntry[] {
  return CONSOLE_ENTRIES.filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)));
}

/** The URL of an entry. */
export function entryHref(entry: ConsoleEntry): string {
  return entry.path ? `/console/${entry.path}` : '/console';
}

/** The entry whose page is showing at `pathname` (longest match wins). */
export function activeEntry(pathname: string, entries: readonly ConsoleEntry[]): ConsoleEntry | undefined {
  const rest = pathname.replace(/^\/console\/?/, '');
  return [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((entry) => (entry.path === '' ? rest === '' : rest === entry.path || rest.startsWith(`${entry.path}/`)));
}
