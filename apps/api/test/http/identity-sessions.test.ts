import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

const PASSWORD = 'correct horse battery staple';

for (const dialect of DIALECTS) {
  describe(`sign-in and sessions on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      await identity.createAccount({ kind: 'staff', loginName: 'Broker.Li', accountNo: 'S-1234', roles: ['broker'], password: PASSWORD });
      await identity.createAccount({ kind: 'customer', loginName: 'buyer1', accountNo: 'C-1', roles: ['buyer'], password: PASSWORD });
      await t.app.ready();
    });
    after(async () => t.close());

    test('a staff member signs in with a case-insensitive log-in name and sees their account', async () => {
      const session = await signIn(t.app, 'broker.li', PASSWORD);
      const me = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json().account.roles, ['broker']);
      assert.equal(me.json().account.kind, 'staff');
    });

    test('the session cookie is HttpOnly and SameSite, the CSRF cookie is readable', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName: 'buyer1', password: PASSWORD } });
      const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const session = setCookie.find((c) => c.startsWith('sb_session='));
      const csrf = setCookie.find((c) => c.startsWith('sb_csrf='));
      assert.match(session ?? '', /HttpOnly/);
      assert.match(session ?? '', /SameSite=Lax/);
      assert.doesNotMatch(csrf ?? '', /HttpOnly/);
    });

    test('an unknown log-in name and a wrong password get the same answer', async () => {
      const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName: 'nobody', password: PASSWORD } });
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName: 'buyer1', password: 'nope' } });
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.statusCode, 401);
      const strip = (b: { requestId: string }) => ({ ...b, requestId: '' });
      assert.deepEqual(strip(unknown.json()), strip(wrong.json()));
      assert.equal(unknown.json().code, 'INVALID_CREDENTIALS');
    });

    test('me without a session is 401 UNAUTHENTICATED', async () => {
      const res = await t.app.inject('/api/auth/me');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'UNAUTHENTICATED');
    });

    test('a state change without the CSRF token is refused and changes nothing', async () => {
      const session = await signIn(t.app, 'buyer1', PASSWORD);
      const refused = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: authHeaders(session, false) });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'CSRF_REJECTED');
      const still = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) });
      assert.equal(still.statusCode, 200);
    });

    test('a cross-origin state change is refused even before sign-in', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://evil.example' },
        payload: { loginName: 'buyer1', password: PASSWORD },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'CSRF_REJECTED');
    });

    test('logging out ends the session at once', async () => {
      const session = await signIn(t.app, 'buyer1', PASSWORD);
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: authHeaders(session) });
      assert.equal(out.statusCode, 204);
      const me = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) });
      assert.equal(me.statusCode, 401);
    });

    test('the database stores a hash of the session token, never the token', async () => {
      const session = await signIn(t.app, 'buyer1', PASSWORD);
      const token = /sb_session=([^;]+)/.exec(session.cookie)?.[1] ?? '';
      const rows = await t.database.db.selectFrom('sessions').select('id_hash').execute();
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => r.id_hash !== token && /^[0-9a-f]{64}$/.test(r.id_hash)));
    });

    test('a customer is refused a staff permission', async () => {
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const session = await signIn(t.app, 'buyer1', PASSWORD);
      const principal = await identity.authenticate(/sb_session=([^;]+)/.exec(session.cookie)?.[1]);
      assert.ok(principal);
      assert.equal(identity.isAllowed(principal, 'console.access'), false);
      assert.equal(identity.isAllowed(principal, 'authenticated'), true);
    });
  });
}

describe('session housekeeping', () => {
  test('sessions expired or revoked more than a day ago are purged, live ones are kept', async () => {
    const t = await createTestApp('sqlite');
    try {
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      const account = await identity.createAccount({
        kind: 'customer',
        loginName: 'old',
        accountNo: 'C-7',
        roles: ['buyer'],
        password: PASSWORD,
      });
      const row = (id: string, expires: string, revoked: string | null) => ({
        id_hash: id,
        account_id: account.id,
        csrf_token: 'x',
        created_at: '2026-01-01T00:00:00.000Z',
        last_seen_at: '2026-01-01T00:00:00.000Z',
        expires_at: expires,
        revoked_at: revoked,
        public_id: id.slice(0, 8),
        stage: 'active' as const,
        device_browser: null,
        device_os: null,
      });
      await t.database.db
        .insertInto('sessions')
        .values([
          row('a'.repeat(64), '2026-01-01T12:00:00.000Z', null),
          row('b'.repeat(64), '2999-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
          row('c'.repeat(64), '2999-01-01T00:00:00.000Z', null),
        ])
        .execute();
      assert.equal(await identity.purgeStaleSessions(), 2);
      const left = await t.database.db.selectFrom('sessions').select('id_hash').execute();
      assert.deepEqual(
        left.map((r) => r.id_hash),
        ['c'.repeat(64)],
      );
    } finally {
      await t.close();
    }
  });
});
