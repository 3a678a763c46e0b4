/**
 * Roles (DESIGN.md) and the permission registry. Every API route declares exactly one permission;
 * `public` and `authenticated` are the two that need no role. A drift test fails on a route without one,
 * and on a permission here that no role holds and no route uses.
 */
export const ROLES = ['seller', 'buyer', 'broker', 'privacy_officer', 'security_officer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['broker', 'privacy_officer', 'security_officer', 'auditor', 'admin'];

export const PERMISSIONS = {
  public: 'Anyone, signed in or not',
  authenticated: 'Any signed-in account, for its own data',
  'console.access': 'Open the staff console',
  'platform.jobs.read': 'See background job status',
  'personal_data.lookup': 'Find customers by exact mobile, e-mail or ID number (blind index)',
  'personal_data.reveal': 'Reveal a customer\'s personal field for a stated purpose',
  'clients.assign': 'Assign a customer to a broker',
  'audit.read': 'Search the audit trail and check its integrity',
  'audit.export': 'Export a range of the audit trail',
  'delivery.outbox.read': 'See the delivery outbox: masked recipient, template, status and time of each message',
  'listings.sell': 'Draft, submit and withdraw one\'s own company listings',
  'listings.watch': 'Save listings and searches and receive alerts for new matches',
  'listings.review': 'Review the listings of assigned sellers, and record letters of intent and deposits',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  seller: ['listings.sell', 'listings.watch'],
  buyer: ['listings.watch'],
  broker: ['console.access', 'personal_data.lookup', 'personal_data.reveal', 'listings.review'],
  // Privacy and security officers see metadata by default; break-glass access comes with identity (issue 5).
  privacy_officer: ['console.access', 'audit.read', 'audit.export'],
  security_officer: ['console.access', 'platform.jobs.read', 'audit.read'],
  auditor: ['console.access', 'audit.read', 'audit.export'],
  admin: ['console.access', 'platform.jobs.read', 'delivery.outbox.read', 'clients.assign'],
};

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  if (permission === 'public') return true;
  if (permission === 'authenticated') return roles.length > 0;
  return roles.some((role) => (ROLE_PERMISSIONS[role as Role] ?? []).includes(permission));
}
