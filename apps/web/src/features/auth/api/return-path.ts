import type { TAccount } from '@sealbridge/contracts';

/** A listing page, optionally asking it to open the 申请查看详情 form at once. */
const LISTING_PAGE = /^\/listings\/[A-Za-z0-9-]{1,40}(\?apply=1)?$/;
/** The search page with its filters in the query string (no slash, so no path can hide in it). */
const SEARCH_PAGE = /^\/listings(\?[A-Za-z0-9_=&%,.+-]{0,500})?$/;

/**
 * Where to go after signing in: back to the page that sent the visitor here, when it is an in-app page of the
 * account's side — the console for staff; /account/... or a listing page for customers — else the console or the
 * marketplace. Anything else (another origin, `//host`, a backslash trick, an unknown path) is never followed.
 */
export function returnPath(account: Pick<TAccount, 'kind'>, from: unknown): string {
  const staff = account.kind === 'staff';
  const fallback = staff ? '/console' : '/';
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || /[\\\s]/.test(from)) return fallback;
  const home = staff ? '/console' : '/account';
  if (from === home || from.startsWith(`${home}/`)) return from;
  if (!staff && (LISTING_PAGE.test(from) || SEARCH_PAGE.test(from) || from === '/privacy')) return from;
  return fallback;
}
