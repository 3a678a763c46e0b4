import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  CODE_MAX_ATTEMPTS,
  createContactDirectory,
  createRegistrationRepo,
  createRegistrationService,
} from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, sessionFrom } from '../helpers/test-app.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';

const STRONG = 'Seal-bridge harbour 42 lanterns';

for (const dialect of DIALECTS) {
  describe(`customer registration with a one-time code on ${dialect}`, () => {
    let t: IdentityTestApp;
    before(async () => {
      t = await createIdentityTestApp(dialect);
    });
    after(async () => t.close());

    const start = (channel: 'mobile' | 'email', address: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/register/start', remoteAddress: nextClientAddress(), payload: { channel, address } });
    const complete = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/auth/register/complete', remoteAddress: nextClientAddress(), payload });

    test('a new customer registers with a mobile number and code, is signed in, and sees the number masked in their profile', async () => {
      const sent = await start('mobile', '139 1000 0001');
      assert.equal(sent.statusCode, 202, sent.body);
      assert.deepEqual(sent.json(), { status: 'sent', channel: 'mobile', expiresInSeconds: 600, resendAfterSeconds: 60 });
      const message = t.outbox.lastTo('+8613910000001');
      assert.equal(message?.template, 'registration_code');
      assert.match(message?.text ?? '', /^【封桥】您的注册验证码为 \d{6}/);

      const done = await complete({
        channel: 'mobile',
        address: '13910000001',
        code: t.outbox.codeFor('+8613910000001'),
        password: STRONG,
        roles: ['seller', 'buyer'],
      });
      assert.equal(done.statusCode, 201, done.body);
      const account = done.json().account;
      assert.equal(account.kind, 'customer');
      assert.deepEqual(account.roles, ['seller', 'buyer']);
      assert.match(account.displayName, /^C-\d{8}$/);

      const session = sessionFrom(done);
      const me = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) });
      assert.equal(me.json().account.id, account.id);
      const profile = await t.app.inject({ url: '/api/me/profile', headers: authHeaders(session) });
      assert.deepEqual(profile.json().fields.mobile, { state: 'masked', value: '139****0001' });
      assert.deepEqual(profile.json().fields.email, { state: 'absent' });
    });

    test('a customer who registered by e-mail signs in with that address in any letter case', async () => {
      await start('email', 'Li.Hua@Example.com');
      const done = await complete({
        channel: 'email',
        address: 'li.hua@example.com',
        code: t.outbox.codeFor('li.hua@example.com'),
        password: STRONG,
        roles: ['buyer'],
      });
      assert.equal(done.statusCode, 201, done.body);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextClientAddress(),
        payload: { loginName: 'LI.HUA@example.COM', password: STRONG },
      });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().account.id, done.json().account.id);
    });

    test('the start answer is the same for a registered and a new address; only the message differs', async () => {
      // An existing customer whose profile holds the number (as the demo seed writes it).
      const existing = await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'existing-2',
        accountNo: 'C-2',
        roles: ['buyer'],
        password: STRONG,
      });
      await t.app.services.profiles.updateOwn(
        { accountId: existing.id, sessionId: 'test', kind: 'customer', roles: existing.roles, csrfToken: '', stage: 'active' },
        { mobile: '+86 139 1000 0002' },
      );

      const registered = await start('mobile', '13910000002');
      const fresh = await start('mobile', '13910000003');
      assert.equal(registered.statusCode, fresh.statusCode);
      assert.deepEqual(registered.json(), fresh.json());
      assert.deepEqual(Object.keys(registered.headers).sort(), Object.keys(fresh.headers).sort());
      assert.equal(t.outbox.lastTo('+8613910000002')?.template, 'registration_already_registered');
      assert.equal(t.outbox.lastTo('+8613910000002')?.params['code'], undefined, 'no code goes to a registered address');
      assert.equal(t.outbox.lastTo('+8613910000003')?.template, 'registration_code');
    });

    test('an expired code is refused', async () => {
      await start('mobile', '13910000004');
      const code = t.outbox.codeFor('+8613910000004');
      await t.database.db
        .updateTable('identity_verification_codes')
        .set({ expires_at: '2000-01-01T00:00:00.000Z' })
        .where('consumed_at', 'is', null)
        .execute();
      const res = await complete({ channel: 'mobile', address: '13910000004', code, password: STRONG, roles: ['buyer'] });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'INVALID_CODE');
    });

    test('a code works once: the second use is refused and no second account appears', async () => {
      await start('mobile', '13910000005');
      const code = t.outbox.codeFor('+8613910000005');
      const first = await complete({ channel: 'mobile', address: '13910000005', code, password: STRONG, roles: ['buyer'] });
      assert.equal(first.statusCode, 201);
      const before = await t.app.services.identity.countAccounts();
      const again = await complete({ channel: 'mobile', address: '13910000005', code, password: STRONG, roles: ['seller'] });
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().code, 'INVALID_CODE');
      assert.equal(await t.app.services.identity.countAccounts(), before);
    });

    test(`after ${CODE_MAX_ATTEMPTS} wrong guesses even the right code is refused`, async () => {
      await start('mobile', '13910000006');
      const code = t.outbox.codeFor('+8613910000006');
      const wrong = code === '000000' ? '111111' : '000000';
      const left: number[] = [];
      for (let i = 0; i < CODE_MAX_ATTEMPTS; i++) {
        const res = await complete({ channel: 'mobile', address: '13910000006', code: wrong, password: STRONG, roles: ['buyer'] });
        assert.equal(res.json().code, 'INVALID_CODE');
        left.push(res.json().details.attemptsLeft);
      }
      assert.deepEqual(left, [4, 3, 2, 1, 0]);
      const right = await complete({ channel: 'mobile', address: '13910000006', code, password: STRONG, roles: ['buyer'] });
      assert.equal(right.statusCode, 422);
      assert.equal(right.json().code, 'INVALID_CODE');
    });

    test('a new code replaces the previous one', async () => {
      // A service without send limits stands in for the minute that must pass between two codes.
      const services = t.app.services;
      const unlimited = createRegistrationService({
        repo: createRegistrationRepo(t.database.db),
        vault: services.vault,
        contacts: createContactDirectory({ repo: createRegistrationRepo(t.database.db), vault: services.vault }),
        delivery: services.delivery,
        audit: services.auditLog,
        limiter: { hit: async () => ({ allowed: true, retryAfterMs: 0 }) },
        sessions: services.identity,
      });
      await unlimited.start({ channel: 'email', address: 'replace@example.com' }, { clientIp: nextClientAddress() });
      const old = t.outbox.codeFor('replace@example.com');
      let latest = old;
      while (latest === old) {
        await unlimited.start({ channel: 'email', address: 'replace@example.com' }, { clientIp: nextClientAddress() });
        latest = t.outbox.codeFor('replace@example.com');
      }
      const stale = await complete({ channel: 'email', address: 'replace@example.com', code: old, password: STRONG, roles: ['buyer'] });
      assert.equal(stale.json().code, 'INVALID_CODE');
      const fresh = await complete({ channel: 'email', address: 'replace@example.com', code: latest, password: STRONG, roles: ['buyer'] });
      assert.equal(fresh.statusCode, 201, fresh.body);
    });

    test('a common password is refused with the policy problems and zxcvbn feedback codes, and the code stays usable', async () => {
      await start('mobile', '13910000007');
      const code = t.outbox.codeFor('+8613910000007');
      const common = await complete({ channel: 'mobile', address: '13910000007', code, password: 'password123', roles: ['buyer'] });
      assert.equal(common.statusCode, 422);
      const body = common.json();
      assert.equal(body.code, 'WEAK_PASSWORD');
      assert.ok(body.details.problems.includes('common'));
      assert.ok(body.details.problems.includes('guessable'));
      assert.equal(body.details.warning, 'common');
      assert.ok(Array.isArray(body.details.suggestions) && body.details.suggestions.length > 0);
      assert.ok(body.details.score < 3);
      assert.doesNotMatch(common.body, /password123/, 'the password is never echoed');

      const short = await complete({ channel: 'mobile', address: '13910000007', code, password: 'Zq8#pL2', roles: ['buyer'] });
      assert.deepEqual(short.json().details.problems, ['too_short', 'guessable']);

      const own = await complete({ channel: 'mobile', address: '13910000007', code, password: '13910000007abc', roles: ['buyer'] });
      assert.equal(own.json().code, 'WEAK_PASSWORD', "a password built on the person's own number is guessable");

      const ok = await complete({ channel: 'mobile', address: '13910000007', code, password: STRONG, roles: ['buyer'] });
      assert.equal(ok.statusCode, 201, 'weak attempts did not spend the code');
    });

    test('a second code for one address within a minute is refused with 429 and Retry-After, whether or not it is registered', async () => {
      const first = await start('email', 'limit@example.com');
      assert.equal(first.statusCode, 202);
      const second = await start('email', 'limit@example.com');
      assert.equal(second.statusCode, 429);
      assert.equal(second.json().code, 'RATE_LIMITED');
      const retryAfter = Number(second.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);

      const existing = await t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'existing-9',
        accountNo: 'C-9',
        roles: ['seller'],
        password: STRONG,
      });
      await t.app.services.profiles.updateOwn(
        { accountId: existing.id, sessionId: 'test', kind: 'customer', roles: existing.roles, csrfToken: '', stage: 'active' },
        { email: 'limit-registered@example.com' },
      );
      assert.equal((await start('email', 'limit-registered@example.com')).statusCode, 202);
      const registered = await start('email', 'limit-registered@example.com');
      assert.equal(registered.statusCode, 429);
      assert.deepEqual({ ...(registered.json() as object), requestId: '' }, { ...(second.json() as object), requestId: '' });
    });

    test('more than five code requests a minute from one client are refused with 429 and Retry-After', async () => {
      const remoteAddress = nextClientAddress();
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await t.app.inject({
          method: 'POST',
          url: '/api/auth/register/start',
          remoteAddress,
          payload: { channel: 'email', address: `burst${i}@example.com` },
        });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
      assert.equal(last?.json().code, 'RATE_LIMITED');
      assert.ok(Number(last?.headers['retry-after']) > 0);
    });

    test('an address that is not a mobile number or e-mail is refused naming the field only', async () => {
      const res = await start('mobile', '12345');
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'INVALID_IDENTIFIER');
      assert.deepEqual(res.json().details, { fields: ['address'] });
    });

    test('staff roles cannot be chosen at registration', async () => {
      const res = await complete({ channel: 'mobile', address: '13910000008', code: '123456', password: STRONG, roles: ['admin'] });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'VALIDATION_FAILED');
    });

    test('the audit trail records requests, refusals and the new account by channel, never the address or code', async () => {
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select(['type', 'data', 'fields', 'subject_id'])
        .where('type', 'like', 'identity.%')
        .execute();
      const types = new Set(rows.map((r) => r.type));
      for (const type of [
        'identity.registration_code_requested',
        'identity.registration_code_rejected',
        'identity.account_registered',
        'identity.signed_in',
      ]) {
        assert.ok(types.has(type), type);
      }
      const registered = rows.find((r) => r.type === 'identity.account_registered');
      assert.deepEqual(JSON.parse(registered?.fields ?? '[]'), ['account_profiles.mobile']);
      assert.ok(registered?.subject_id);
      const text = JSON.stringify(rows);
      assert.doesNotMatch(text, /1391000000\d|@example\.com/);
      const notices = rows.filter((r) => r.type === 'identity.registration_code_requested').map((r) => JSON.parse(r.data).notice);
      assert.ok(notices.includes('already_registered') && notices.includes('code'));
    });

    test('codes and addresses are stored only as keyed digests', async () => {
      const rows = await sql<{
        address_hash: string;
        code_hash: string;
      }>`select address_hash, code_hash from identity_verification_codes`.execute(t.database.db);
      assert.ok(rows.rows.length > 0);
      for (const row of rows.rows) {
        assert.match(row.address_hash, /^[0-9a-f]{12}$/);
        assert.match(row.code_hash, /^[0-9a-f]{12}$/);
      }
    });
  });
}
