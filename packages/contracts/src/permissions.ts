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
  'customer.self_service': "A customer's own consents, receipts and rights requests",
  'console.access': 'Open the staff console',
  'platform.jobs.read': 'See background job status',
  'personal_data.lookup': 'Find customers by exact mobile, e-mail or ID number (blind index)',
  'personal_data.reveal': "Reveal a customer's personal field for a stated purpose",
  'clients.assign': 'Assign a customer to a broker',
  'audit.read': 'Search the audit trail and check its integrity',
  'audit.export': 'Export a range of the audit trail',
  'delivery.outbox.read': 'See the delivery outbox: masked recipient, template, status and time of each message',
  'privacy.notice.manage': 'Edit and publish the privacy notice',
  'privacy.tickets.manage': 'Read and close privacy feedback and rights-request tickets',
  'verification.review': 'Review real-name verifications of assigned customers: queue, reveal for identity verification, approve or reject',
  'staff.manage': 'Create staff accounts, change their roles, offboard them and reassign their clients',
  'staff.review': "Run access review campaigns: recertify or revoke each staff member's roles",
  'staff.training': 'Accept the confidentiality agreement and complete privacy training (own records)',
  'breakglass.request': "Request time-boxed emergency access to one customer's personal data, with a justification",
  'breakglass.review': 'See and acknowledge break-glass alerts',
  'listings.sell': "Draft, submit and withdraw one's own company listings",
  'listings.watch': 'Save listings and searches and receive alerts for new matches',
  'listings.review': 'Review the listings of assigned sellers, and record letters of intent and deposits',
  'deals.inquire': "Ask to see a listing's details: inquiries, the NDA, proof of funds, access levels and what they open",
  'disclosure.review': "Approve, decline, renew or revoke buyers' access levels on the listings one advises; review proof of funds",
  'nda.manage': 'Write and publish the click-wrap NDA templates',
  // Messages (issue 13).
  'messages.participate': "Read and write the message threads one is a party to (the buyer, the listing's seller or its broker)",
  'messages.moderate': "See masking flags and call-back requests in the threads of one's own listings, and resolve them",
  'deals.participate': "Take part in one's own deals: see them, tick one's checklist items, confirm hand-overs, complete one's tasks",
  'deals.manage': 'Run the deals of assigned listings: advance stages, cancel, record money milestones and the equity pledge',
  'dataroom.view': "Open the data rooms one takes part in: as a buyer under an active L2 grant, as the listing's seller or adviser",
  'dataroom.manage':
    "Run a listing's data room as its seller or adviser: documents, per-grant permissions, Q&A answers, analytics, leak attribution",
  // Third parties, the sharing gateway, cross-border transfers, impact assessments (issue 17).
  'vendors.manage':
    'Run the vendor registry, impact assessments and cross-border mechanisms; read the transfer record, the cross-border ledger and the obligations map',
  // Security monitoring and incidents (issue 18).
  'security.monitor': 'See and decide security alerts, the security dashboard, and replay the detection rules over history',
  'security.incidents': 'Record and run security incidents: triage, blast radius, CAC clocks, notice drafts, post-incident review',
  'security.contain': 'Run containment from an incident: end sessions, revoke disclosure grants, disable an account, rotate keys',
  // Retention (issue 14 item 6).
  'retention.manage': 'See the retention schedule, runs and destruction certificates; run a dry run; place and lift legal holds',
  // The privacy program (issue 19).
  'program.manage': 'Edit training modules, publish the code of conduct, record violations and their handling',
  'disputes.participate': 'Open disputes about one’s own listings and deals, see the cases one is a party to or mediates, cite evidence',
  'disputes.mediate': 'Mediate the disputes of one’s listings and clients: record sessions, close with an outcome or refer',
  // The transparency report (issue 19 item 4).
  'transparency.manage': 'Generate, review and publish the quarterly transparency report; keep the register of authority requests',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  seller: [
    'customer.self_service',
    'listings.sell',
    'listings.watch',
    'messages.participate',
    'deals.participate',
    'dataroom.view',
    'dataroom.manage',
    'disputes.participate',
  ],
  buyer: [
    'customer.self_service',
    'listings.watch',
    'deals.inquire',
    'messages.participate',
    'deals.participate',
    'dataroom.view',
    'disputes.participate',
  ],
  broker: [
    'console.access',
    'personal_data.lookup',
    'personal_data.reveal',
    'verification.review',
    'staff.training',
    'listings.review',
    'disclosure.review',
    'messages.participate',
    'messages.moderate',
    'deals.participate',
    'deals.manage',
    'dataroom.view',
    'dataroom.manage',
    'disputes.participate',
    'disputes.mediate',
  ],
  // Privacy and security officers see metadata by default; personal data only through a break-glass grant.
  privacy_officer: [
    'console.access',
    'audit.read',
    'audit.export',
    'privacy.notice.manage',
    'privacy.tickets.manage',
    'staff.training',
    'breakglass.request',
    'breakglass.review',
    'vendors.manage',
    'program.manage',
    'retention.manage',
    'security.incidents',
    'transparency.manage',
  ],
  security_officer: [
    'console.access',
    'platform.jobs.read',
    'audit.read',
    'staff.training',
    'breakglass.request',
    'security.monitor',
    'security.incidents',
    'security.contain',
  ],
  auditor: ['console.access', 'audit.read', 'audit.export', 'staff.training'],
  admin: [
    'console.access',
    'platform.jobs.read',
    'delivery.outbox.read',
    'clients.assign',
    'staff.training',
    'staff.manage',
    'staff.review',
    'nda.manage',
  ],
};

export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  if (permission === 'public') return true;
  if (permission === 'authenticated') return roles.length > 0;
  return roles.some((role) => (ROLE_PERMISSIONS[role as Role] ?? []).includes(permission));
}
