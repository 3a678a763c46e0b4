import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '@sealbridge/contracts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';

/**
 * The authorization matrix (issue 5): every API route × every role → allowed or denied, written out by hand here —
 * independent of ROLE_PERMISSIONS, so widening a role's grants, or a route declaring a looser permission, fails this
 * test until someone decides it on purpose. A route missing from the table fails it too.
 *
 * `anyone`: visitors too. `signed-in`: every role, not visitors. Otherwise the roles listed.
 */
type Who = 'anyone' | 'signed-in' | readonly Role[];

const CUSTOMERS: readonly Role[] = ['seller', 'buyer'];
const STAFF: readonly Role[] = ['broker', 'privacy_officer', 'security_officer', 'auditor', 'admin'];
const AUDIT_READERS: readonly Role[] = ['privacy_officer', 'security_officer', 'auditor'];

export const EXPECTED: Record<string, Who> = {
  'GET /api/openapi.json': 'anyone',
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'GET /api/meta': 'anyone',
  'POST /api/auth/login': 'anyone',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'GET /api/me/sessions': 'signed-in',
  'DELETE /api/me/sessions/:id': 'signed-in',
  'POST /api/me/sessions/end-others': 'signed-in',
  'POST /api/auth/register/start': 'anyone',
  'POST /api/auth/register/complete': 'anyone',
  'POST /api/auth/password-reset/start': 'anyone',
  'POST /api/auth/password-reset/complete': 'anyone',
  'GET /api/staff/outbox': ['admin'],
  'GET /api/listings': 'anyone',
  'GET /api/market/stats': 'anyone',
  'GET /api/privacy/data-map': 'anyone',
  'GET /api/me/profile': 'signed-in',
  'PUT /api/me/profile': 'signed-in',
  'POST /api/me/profile/reveal': 'signed-in',
  'POST /api/staff/customers/lookup': ['broker'],
  'POST /api/staff/assignments': ['admin'],
  'POST /api/staff/customers/:accountId/reveal': ['broker'],
  'GET /api/me/factors': 'signed-in',
  'POST /api/me/factors/totp': 'signed-in',
  'POST /api/me/factors/totp/confirm': 'signed-in',
  'DELETE /api/me/factors/:id': 'signed-in',
  'POST /api/me/factors/recovery-codes': 'signed-in',
  'POST /api/me/factors/webauthn/register/options': 'signed-in',
  'POST /api/me/factors/webauthn/register/verify': 'signed-in',
  'POST /api/auth/step-up/webauthn/options': 'signed-in',
  'POST /api/auth/step-up': 'signed-in',
  'GET /api/audit/checkpoint': 'anyone',
  'POST /api/audit/search': AUDIT_READERS,
  'GET /api/audit/integrity': AUDIT_READERS,
  'GET /api/audit/export': ['privacy_officer', 'auditor'],
  // Staff are data subjects too; without a customer profile their access log is empty.
  'GET /api/me/access-log': 'signed-in',
  // Consent, notices and the privacy center (issue 7).
  'GET /api/privacy/center': 'anyone',
  'GET /api/privacy/notices': 'anyone',
  'GET /api/privacy/notices/current': 'anyone',
  'GET /api/privacy/notices/:version': 'anyone',
  'GET /api/privacy/receipt-key': 'anyone',
  'POST /api/privacy/receipts/verify': 'anyone',
  'POST /api/privacy/feedback': 'anyone',
  'GET /api/me/consents': CUSTOMERS,
  'GET /api/me/consents/pending': CUSTOMERS,
  'GET /api/me/consents/decisions': CUSTOMERS,
  'GET /api/me/consents/receipts/:id': CUSTOMERS,
  'GET /api/me/consents/receipts/:id/receipt.pdf': CUSTOMERS,
  'POST /api/me/consents': CUSTOMERS,
  'POST /api/me/consents/withdraw': CUSTOMERS,
  'GET /api/privacy/rights-export-schema': 'anyone',
  'POST /api/me/rights-requests': CUSTOMERS,
  'GET /api/me/rights-requests': CUSTOMERS,
  'GET /api/me/rights-requests/:id': CUSTOMERS,
  'POST /api/me/rights-requests/:id/confirm-identity': CUSTOMERS,
  'GET /api/me/rights-requests/:id/export.json': CUSTOMERS,
  'GET /api/me/rights-requests/:id/export.pdf': CUSTOMERS,
  'GET /api/staff/rights-requests': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/reveal': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/advance': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/answer': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/extend': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/refuse': ['privacy_officer'],
  'POST /api/staff/rights-requests/:id/execute': ['privacy_officer'],
  // Retention (issue 14 item 6).
  'GET /api/staff/retention': ['privacy_officer'],
  'POST /api/staff/retention/dry-run': ['privacy_officer'],
  'POST /api/staff/retention/holds': ['privacy_officer'],
  'POST /api/staff/retention/holds/:id/lift': ['privacy_officer'],
  'GET /api/staff/retention/certificates/:id/verify': ['privacy_officer'],
  'GET /api/staff/privacy/notice-draft': ['privacy_officer'],
  'POST /api/staff/privacy/notices': ['privacy_officer'],
  'GET /api/staff/privacy/tickets': ['privacy_officer'],
  'POST /api/staff/privacy/tickets/:id/reveal': ['privacy_officer'],
  'POST /api/staff/privacy/tickets/:id/close': ['privacy_officer'],
  'POST /api/staff/privacy/tickets/:id/answer': ['privacy_officer'],
  'POST /api/staff/privacy/tickets/:id/refuse': ['privacy_officer'],
  'POST /api/staff/privacy/tickets/:id/extend': ['privacy_officer'],
  'GET /api/me/privacy/tickets': CUSTOMERS,
  'GET /api/me/privacy/tickets/:id': CUSTOMERS,
  // Real-name verification (issue 5, item 7).
  'GET /api/me/verification': CUSTOMERS,
  'POST /api/me/verification': CUSTOMERS,
  'GET /api/staff/verifications': ['broker'],
  'POST /api/staff/verifications/:id/reveal': ['broker'],
  'POST /api/staff/verifications/:id/decision': ['broker'],
  // Staff lifecycle and break-glass (issue 5, items 5–6).
  'GET /api/staff/members': ['admin'],
  'POST /api/staff/members': ['admin'],
  'PUT /api/staff/members/:id/roles': ['admin'],
  'POST /api/staff/members/:id/offboard': ['admin'],
  'GET /api/staff/reassignments': ['admin'],
  'POST /api/staff/reassignments': ['admin'],
  'GET /api/staff/me/compliance': STAFF,
  'POST /api/staff/me/agreement': STAFF,
  'POST /api/staff/me/training': STAFF,
  'GET /api/staff/access-reviews': ['admin'],
  'POST /api/staff/access-reviews': ['admin'],
  'POST /api/staff/access-reviews/items/:id': ['admin'],
  'POST /api/staff/break-glass': ['privacy_officer', 'security_officer'],
  'GET /api/staff/break-glass/mine': ['privacy_officer', 'security_officer'],
  'POST /api/staff/break-glass/:id/reveal': ['privacy_officer', 'security_officer'],
  'GET /api/staff/break-glass/alerts': ['privacy_officer'],
  // The privacy program (issue 19).
  'GET /api/staff/me/program': STAFF,
  'GET /api/staff/me/modules/:code': STAFF,
  'POST /api/staff/me/modules/:code': STAFF,
  'GET /api/staff/me/conduct': STAFF,
  'POST /api/staff/me/conduct': STAFF,
  'GET /api/staff/privacy-metrics': STAFF,
  'GET /api/staff/program/modules': ['privacy_officer'],
  'GET /api/staff/program/standing': ['privacy_officer'],
  'PUT /api/staff/program/modules/:code': ['privacy_officer'],
  'POST /api/staff/program/conduct': ['privacy_officer'],
  'GET /api/staff/program/violations': ['privacy_officer'],
  'POST /api/staff/program/violations': ['privacy_officer'],
  'POST /api/me/disputes': ['seller', 'buyer', 'broker'],
  'GET /api/me/disputes': ['seller', 'buyer', 'broker'],
  'GET /api/disputes/:id': ['seller', 'buyer', 'broker'],
  'POST /api/disputes/:id/evidence': ['seller', 'buyer', 'broker'],
  'POST /api/disputes/:id/sessions': ['broker'],
  'POST /api/disputes/:id/close': ['broker'],
  'GET /api/education': 'anyone',
  'PUT /api/staff/education/:code': ['privacy_officer'],
  'POST /api/staff/break-glass/:id/acknowledge': ['privacy_officer'],
  // The transparency report (issue 19 item 4): published reports are public, drafts and the register are the officer's.
  'GET /api/privacy/transparency': 'anyone',
  'GET /api/privacy/transparency/:period': 'anyone',
  'GET /api/staff/transparency/reports': ['privacy_officer'],
  'GET /api/staff/transparency/reports/:period': ['privacy_officer'],
  'POST /api/staff/transparency/reports/:period/generate': ['privacy_officer'],
  'POST /api/staff/transparency/reports/:period/publish': ['privacy_officer'],
  'GET /api/staff/transparency/authority-requests': ['privacy_officer'],
  'POST /api/staff/transparency/authority-requests': ['privacy_officer'],
  // The marketplace (issue 6).
  'GET /api/listings/regions': 'anyone',
  'GET /api/listings/regions/:cityCode': 'anyone',
  'GET /api/listings/:code': 'anyone',
  'GET /api/seller/listings': ['seller'],
  'POST /api/seller/listings': ['seller'],
  'GET /api/seller/listings/:id': ['seller'],
  'PUT /api/seller/listings/:id': ['seller'],
  'POST /api/seller/listings/:id/submit': ['seller'],
  'POST /api/seller/listings/:id/withdraw': ['seller'],
  'GET /api/broker/listings': ['broker'],
  'GET /api/broker/listings/:id': ['broker'],
  'POST /api/broker/listings/:id/review': ['broker'],
  'GET /api/me/favorites': CUSTOMERS,
  'PUT /api/me/favorites/:code': CUSTOMERS,
  'DELETE /api/me/favorites/:code': CUSTOMERS,
  'GET /api/me/saved-searches': CUSTOMERS,
  'POST /api/me/saved-searches': CUSTOMERS,
  'DELETE /api/me/saved-searches/:id': CUSTOMERS,
  'GET /api/me/listing-alerts': CUSTOMERS,
  'POST /api/me/listing-alerts/read': CUSTOMERS,
  // Notifications (the deal path): every account's own notices and channel choices.
  'GET /api/me/notifications': 'signed-in',
  'POST /api/me/notifications/read': 'signed-in',
  'GET /api/me/notification-settings': 'signed-in',
  'PUT /api/me/notification-settings': 'signed-in',
  // Advisers and the disclosure path (issue 11).
  'GET /api/me/adviser': CUSTOMERS,
  'GET /api/staff/advisers': ['admin'],
  'GET /api/staff/advisers/assignments': ['admin'],
  'PUT /api/staff/advisers/assignments/:customerAccountId': ['admin'],
  'POST /api/staff/advisers/rules': ['admin'],
  'DELETE /api/staff/advisers/rules/:id': ['admin'],
  'POST /api/broker/listings/:id/company/reveal': ['broker'],
  'POST /api/listings/:code/inquiries': ['buyer'],
  'GET /api/me/inquiries': ['buyer'],
  'POST /api/me/inquiries/:id/withdraw': ['buyer'],
  'POST /api/me/inquiries/:id/levels': ['buyer'],
  'POST /api/me/inquiries/:id/consent': ['buyer'],
  'POST /api/me/inquiries/:id/proof-of-funds': ['buyer'],
  'GET /api/me/disclosures/:id': ['buyer'],
  'GET /api/me/inquiries/:id/contacts': ['buyer'],
  'GET /api/me/inquiries/:id/nda': ['buyer'],
  'POST /api/me/inquiries/:id/nda': ['buyer'],
  'GET /api/seller/inquiries': ['seller'],
  'POST /api/seller/inquiries/:id/decision': ['seller'],
  'POST /api/seller/inquiries/:id/consent': ['seller'],
  'GET /api/seller/inquiries/:id/contacts': ['seller'],
  'GET /api/seller/listings/:id/disclosure': ['seller'],
  'PUT /api/seller/listings/:id/disclosure-settings': ['seller'],
  'POST /api/seller/grants/:id/revoke': ['seller'],
  'POST /api/seller/grants/:id/renew': ['seller'],
  'GET /api/broker/inquiries': ['broker'],
  'POST /api/broker/inquiries/:id/decision': ['broker'],
  'POST /api/broker/grants/:id/decision': ['broker'],
  'POST /api/broker/grants/:id/revoke': ['broker'],
  'POST /api/broker/grants/:id/renew': ['broker'],
  'GET /api/broker/listings/:id/disclosure': ['broker'],
  'POST /api/broker/proofs/:id/reveal': ['broker'],
  'POST /api/broker/proofs/:id/review': ['broker'],
  'GET /api/nda/signatures/:id': 'signed-in',
  'GET /api/nda/signatures/:id/certificate': 'signed-in',
  'POST /api/nda/certificates/verify': 'anyone',
  'GET /api/nda/key': 'anyone',
  'GET /api/staff/nda/templates': ['admin'],
  'POST /api/staff/nda/templates': ['admin'],
  'PUT /api/staff/nda/templates/:version': ['admin'],
  'POST /api/staff/nda/templates/:version/publish': ['admin'],
  // Messages (issue 13): the buyer, the seller and the broker of a thread; flags and call-backs for brokers.
  'GET /api/me/threads': ['seller', 'buyer', 'broker'],
  'POST /api/me/threads': ['seller', 'buyer', 'broker'],
  'GET /api/me/threads/:id': ['seller', 'buyer', 'broker'],
  'GET /api/me/threads/:id/messages': ['seller', 'buyer', 'broker'],
  'POST /api/me/threads/:id/messages': ['seller', 'buyer', 'broker'],
  'POST /api/me/threads/:id/read': ['seller', 'buyer', 'broker'],
  'POST /api/me/threads/:id/callbacks': ['seller', 'buyer', 'broker'],
  'GET /api/me/messages/stream': ['seller', 'buyer', 'broker'],
  'GET /api/broker/messages/flags': ['broker'],
  'POST /api/broker/messages/flags/:id/acknowledge': ['broker'],
  'GET /api/broker/messages/callbacks': ['broker'],
  'POST /api/broker/messages/callbacks/:id/done': ['broker'],
  // Deals (issue 13): the parties and the deal's broker take part; only the broker runs it.
  'GET /api/deals': ['seller', 'buyer', 'broker'],
  'POST /api/deals': ['seller', 'buyer', 'broker'],
  'GET /api/deals/:id': ['seller', 'buyer', 'broker'],
  'PUT /api/deals/:id/checklist/:item': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/custody/:kind/photo': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/custody/:kind/confirm': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/custody/:kind/seal': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/custody/:kind/photo/reveal': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/art22': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/legal-rep': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/legal-rep/reveal': ['seller', 'buyer', 'broker'],
  'POST /api/deals/:id/advance': ['broker'],
  'POST /api/deals/:id/cancel': ['broker'],
  'PUT /api/deals/:id/custody/:kind/applicable': ['broker'],
  'POST /api/deals/:id/money': ['broker'],
  'POST /api/deals/:id/money/:milestoneId': ['broker'],
  'POST /api/deals/:id/pledge': ['broker'],
  // The data room (issue 12): the route admits the listing's parties' roles; the service then answers 404 to anyone
  // who is not this listing's seller or adviser or a buyer with an active L2 grant.
  'GET /api/dataroom/rooms': ['seller', 'buyer', 'broker'],
  'GET /api/dataroom/:listingId': ['seller', 'buyer', 'broker'],
  'POST /api/dataroom/:listingId/folders': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/documents': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/documents/:documentId/versions': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/documents/:documentId/release': ['seller', 'broker'],
  'GET /api/dataroom/:listingId/documents/:documentId/pages/:page': ['seller', 'buyer', 'broker'],
  'GET /api/dataroom/:listingId/documents/:documentId/download': ['seller', 'buyer', 'broker'],
  'GET /api/dataroom/:listingId/permissions': ['seller', 'broker'],
  'PUT /api/dataroom/:listingId/permissions': ['seller', 'broker'],
  'GET /api/dataroom/:listingId/documents/:documentId/redaction': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/documents/:documentId/redaction': ['seller', 'broker'],
  'GET /api/dataroom/:listingId/questions': ['seller', 'buyer', 'broker'],
  'POST /api/dataroom/:listingId/questions': ['seller', 'buyer', 'broker'],
  'POST /api/dataroom/:listingId/questions/:questionId/answer': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/questions/:questionId/publish': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/beacons': ['seller', 'buyer', 'broker'],
  'GET /api/dataroom/:listingId/analytics': ['seller', 'broker'],
  'POST /api/dataroom/:listingId/shred': ['seller', 'broker'],
  'POST /api/dataroom/identify': ['seller', 'broker'],
  // Issue 15: witnesses of the audit trail (outsiders, no session).
  'GET /api/audit/proof/consistency': 'anyone',
  'POST /api/audit/cosignatures': 'anyone',
  'GET /api/audit/witnesses': 'anyone',
  // Issue 17: third parties, the sharing gateway's record, cross-border, assessments, obligations — the privacy officer.
  'GET /api/staff/vendors': ['privacy_officer'],
  'POST /api/staff/vendors': ['privacy_officer'],
  'POST /api/staff/vendors/:id/contracts': ['privacy_officer'],
  'POST /api/staff/vendors/:id/security-assessment': ['privacy_officer'],
  'POST /api/staff/vendors/:id/review': ['privacy_officer'],
  'POST /api/staff/vendors/:id/end': ['privacy_officer'],
  'POST /api/staff/vendors/:id/deletion-attestation': ['privacy_officer'],
  'GET /api/staff/transfers': ['privacy_officer'],
  'GET /api/staff/cross-border': ['privacy_officer'],
  'POST /api/staff/cross-border/mechanisms': ['privacy_officer'],
  'POST /api/staff/cross-border/mechanisms/:id/filed': ['privacy_officer'],
  'GET /api/staff/impact-assessments': ['privacy_officer'],
  'POST /api/staff/impact-assessments': ['privacy_officer'],
  'GET /api/staff/obligations': ['privacy_officer'],
  // Security monitoring (issue 18): alerts and dashboard for the security officer; incidents for both officers.
  'GET /api/security/alerts': ['security_officer'],
  'POST /api/security/alerts/:id/decision': ['security_officer'],
  'GET /api/security/dashboard': ['security_officer'],
  'POST /api/security/replay': ['security_officer'],
  'GET /api/security/incidents': ['security_officer', 'privacy_officer'],
  'POST /api/security/incidents': ['security_officer', 'privacy_officer'],
  'GET /api/security/incidents/:id': ['security_officer', 'privacy_officer'],
  'POST /api/security/incidents/:id/triage': ['security_officer', 'privacy_officer'],
  'POST /api/security/incidents/:id/reported': ['security_officer', 'privacy_officer'],
  'POST /api/security/incidents/:id/containment': ['security_officer'],
  'GET /api/security/incidents/:id/blast-radius': ['security_officer', 'privacy_officer'],
  'GET /api/security/incidents/:id/notices': ['security_officer', 'privacy_officer'],
  'POST /api/security/incidents/:id/close': ['security_officer', 'privacy_officer'],
};

const ROLES_UNDER_TEST: readonly Role[] = ['seller', 'buyer', 'broker', 'privacy_officer', 'security_officer', 'auditor', 'admin'];
const PASSWORD = 'Seal-bridge harbour 42 lanterns';

function allows(who: Who, role: Role | 'visitor'): boolean {
  if (who === 'anyone') return true;
  if (role === 'visitor') return false;
  return who === 'signed-in' || who.includes(role);
}

/** A path with its parameters filled by placeholders (the guard decides before any look-up). */
const concrete = (url: string) => url.replace(/:([A-Za-z]+)/g, 'matrix-$1');

for (const dialect of DIALECTS) {
  describe(`the authorization matrix on ${dialect}`, () => {
    let t: IdentityTestApp;
    const sessions = new Map<Role, Session>();
    const accounts = new Map<Role, string>();
    async function sessionOf(role: Role): Promise<Session> {
      const known = sessions.get(role);
      if (known) return known;
      const session = await signIn(t.app, `matrix-${role}`, PASSWORD);
      sessions.set(role, session);
      return session;
    }

    before(async () => {
      t = await createIdentityTestApp(dialect);
      for (const role of ROLES_UNDER_TEST) {
        const kind = role === 'seller' || role === 'buyer' ? 'customer' : 'staff';
        const created = await t.app.services.identity.createAccount({
          kind,
          loginName: `matrix-${role}`,
          accountNo: `M-${role}`,
          roles: [role],
          password: PASSWORD,
        });
        accounts.set(role, created.id);
      }
    });
    after(async () => t.close());

    test('every API route has a row in the matrix, and every row is a route', () => {
      const routes = t.app.routeTable
        .filter((r) => (r.url.startsWith('/api') && !r.url.startsWith('/api/docs')) || r.url === '/healthz' || r.url === '/readyz')
        .filter((r) => r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(routes.filter((r) => !Object.hasOwn(EXPECTED, r)).sort(), [], 'routes without an expected row');
      assert.deepEqual(
        Object.keys(EXPECTED)
          .filter((r) => !routes.includes(r))
          .sort(),
        [],
        'rows for routes that do not exist',
      );
    });

    test('each route admits exactly the roles in its row, and refuses the others with 401 or 403', async () => {
      const failures: string[] = [];
      for (const [route, who] of Object.entries(EXPECTED)) {
        const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
        for (const role of ['visitor', ...ROLES_UNDER_TEST] as const) {
          // Signing out would end the session the rest of the matrix uses: it gets a throwaway one.
          const session =
            role === 'visitor'
              ? undefined
              : route === 'POST /api/auth/logout'
                ? await signIn(t.app, `matrix-${role}`, PASSWORD)
                : await sessionOf(role);
          const res = await t.app.inject({
            method,
            url: concrete(url),
            remoteAddress: nextClientAddress(),
            headers: session ? authHeaders(session) : {},
            ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
          });
          const code = res.headers['content-type']?.toString().includes('json') ? (res.json() as { code?: string }).code : undefined;
          const refused = res.statusCode === 401 || (res.statusCode === 403 && code === 'FORBIDDEN');
          const expected = allows(who, role);
          if (expected === refused)
            failures.push(`${route} as ${role}: expected ${expected ? 'allowed' : 'refused'}, got ${res.statusCode} ${code ?? ''}`);
          if (!expected && role === 'visitor' && res.statusCode !== 401)
            failures.push(`${route} as visitor: expected 401, got ${res.statusCode}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test("a broker probing another broker's client by id (IDOR) is refused with 403, and the probe is on the audit trail", async () => {
      const other = await t.app.services.identity.createAccount({
        kind: 'staff',
        loginName: 'matrix-broker-2',
        accountNo: 'M-broker-2',
        roles: ['broker'],
        password: PASSWORD,
      });
      const customer = accounts.get('buyer') ?? '';
      await t.app.services.profiles.updateOwn(
        { accountId: customer, sessionId: 'test', kind: 'customer', roles: ['buyer'], csrfToken: '', stage: 'active' },
        { mobile: '13911112222' },
      );
      await t.app.services.profiles.assignClient(customer, other.id, accounts.get('admin') ?? '');
      const probe = await t.app.inject({
        method: 'POST',
        url: `/api/staff/customers/${customer}/reveal`,
        headers: authHeaders(await sessionOf('broker')),
        payload: { fields: ['mobile'], purpose: 'deal_execution' },
      });
      assert.equal(probe.statusCode, 403);
      assert.doesNotMatch(probe.body, /13911112222|1391111/);
      await t.app.services.auditLog.drain();
      const refused = await t.database.db
        .selectFrom('audit_log')
        .select(['type', 'decision', 'actor_account_id'])
        .where('type', '=', 'profiles.access_refused')
        .where('actor_account_id', '=', accounts.get('broker') ?? '')
        .execute();
      assert.equal(refused.length, 1);
      assert.equal(refused[0]?.decision, 'denied');
    });
  });
}
