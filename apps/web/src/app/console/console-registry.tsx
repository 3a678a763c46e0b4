import { DashboardOutlined } from '@ant-design/icons';
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

export const CONSOLE_ENTRIES: readonly ConsoleEntry[] = [
  {
    key: 'dashboard',
    path: '',
    label: (t) => t('console.menuDashboard'),
    icon: <DashboardOutlined />,
    Page: lazy(() =>
      import('../../features/dashboard/pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
    ),
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
