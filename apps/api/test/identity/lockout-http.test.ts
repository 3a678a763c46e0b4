import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';
import { lockSecondsAfter, LOCKOUT } from '../../src/modules/identity/index.ts';

const PASSWORD = 'Lantern-harbour 77 quietly';

describe('the progressive lockout schedule', () => {
  test('five failures lock for a minute, each further failure doubles it, and an hour is the most', () => {
    assert.deepEqual([1, 2, 3, 4].map(lockSecondsAfter), [0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8, 9, 10, 11, 12].map(lockSecondsAfter), [60, 120, 240, 480, 960, 1920, 3600, 3600]);
    assert.equal(LOCKOUT.afterFailures, 5);
  });
});

for (const dialect of DIALECTS) {
  describe(`sign-in lockout and contact sign-in on ${dialect}`, () => {
    let t: IdentityTestApp;
    let customerId: string;
    before(async () => {
      t = await createIdentityTestApp(dialect);
      const { identity, profiles } = t.app.services;
      const customer = await identity.createAccount({
        kind: 'customer',
        loginName: 'lock-me',
        accountNo: 'C-31',
        roles: ['buyer'],
        password: PASSWORD,
      });
      customerId = customer.id;
      await profiles.updateOwn(
        { accountId: customer.id, sessionId: 'test', kind: 'customer', roles: customer.roles, csrfToken: '', stage: 'active' },
        { mobile: '13920000001', email: 'Zhou.Min@example.com' },
      );
      await identity.createAccount({ kind: 'customer', loginName: 'other', accountNo: 'C-32', roles: ['seller'], password: PASSWORD });
    });
    after(async () => t.close());

    // A fresh client address per attempt: these tests are about the per-name lockout, not the per-client limit.
    const login = (app: IdentityTestApp['app'], loginName: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: nextClientAddress(), payload: { loginName, password } });

    test('a customer signs in with their mobile number in any common format', async () => {
      for (const name of ['13920000001', '139 2000 0001', '+86 139-2000-0001']) {
        const res = await login(t.app, name, PASSWORD);
        assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
        assert.equal(res.json().account.id, customerId);
      }
    });

    test('a customer signs in with their e-mail address', async () => {
      const res = await login(t.app, 'zhou.min@EXAMPLE.com', PASSWORD);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().account.id, customerId);
    });

    test('a wrong password by mobile gets the same answer as an unknown mobile', async () => {
      const wrong = await login(t.app, '13920000001', 'not the password at all');
      const unknown = await login(t.app, '13920009999', 'not the password at all');
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual({ ...(wrong.json() as object), requestId: '' }, { ...(unknown.json() as object), requestId: '' });
    });

    test('after five failures a known name is locked with 429 and Retry-After, even for the right password, and an unknown name behaves the same', async () => {
      const run = async (name: string) => {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await login(t.app, name, `wrong-${i}`)).statusCode);
        const locked = await login(t.app, name, PASSWORD);
        return { statuses, locked };
      };
      const known = await run('other');
      const unknown = await run('nobody-at-all');
      assert.deepEqual(known.statuses, [401, 401, 401, 401, 401]);
      assert.deepEqual(unknown.statuses, known.statuses);
      for (const { locked } of [known, unknown]) {
        assert.equal(locked.statusCode, 429);
        assert.equal(locked.json().code, 'ACCOUNT_LOCKED');
        const retryAfter = Number(locked.headers['retry-after']);
        assert.ok(retryAfter > 50 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      }
      assert.deepEqual({ ...(known.locked.json() as object), requestId: '' }, { ...(unknown.locked.json() as object), requestId: '' });
    });

    test('the lock is in the database, so a second instance refuses the name too', async () => {
      const second = await t.secondInstance();
      const res = await login(second, 'other', PASSWORD);
      assert.equal(res.statusCode, 429);
      assert.equal(res.json().code, 'ACCOUNT_LOCKED');
    });

    test('when the lock has passed, the next failure locks for twice as long', async () => {
      await t.database.db.updateTable('identity_login_throttle').set({ locked_until: '2000-01-01T00:00:00.000Z' }).execute();
      const failed = await login(t.app, 'other', 'wrong-again');
      assert.equal(failed.statusCode, 401);
      const locked = await login(t.app, 'other', PASSWORD);
      assert.equal(locked.statusCode, 429);
      const retryAfter = Number(locked.headers['retry-after']);
      assert.ok(retryAfter > 110 && retryAfter <= 120, `Retry-After ${retryAfter}`);
    });

    test('a success clears the failures of that name', async () => {
      // One failure by mobile above already counts against the account: three more stay under the limit.
      for (let i = 0; i < 3; i++) await login(t.app, 'lock-me', `wrong-${i}`);
      assert.equal((await login(t.app, 'lock-me', PASSWORD)).statusCode, 200);
      for (let i = 0; i < 4; i++) await login(t.app, 'lock-me', `wrong-${i}`);
      assert.equal((await login(t.app, 'lock-me', PASSWORD)).statusCode, 200, 'four more failures do not lock');
    });

    test('the throttle stores keyed digests of names, never the names, and locking is audited', async () => {
      const rows = await t.database.db.selectFrom('identity_login_throttle').selectAll().execute();
      assert.ok(rows.length >= 2);
      for (const row of rows) assert.match(row.key_hash, /^[0-9a-f]{12}$/);
      assert.doesNotMatch(JSON.stringify(rows), /other|nobody|lock-me/);
      const locks = await t.database.db
        .selectFrom('audit_log')
        .select(['data', 'actor_account_id'])
        .where('type', '=', 'identity.sign_in_locked')
        .execute();
      assert.ok(locks.length >= 2);
      assert.deepEqual(JSON.parse(locks[0]?.data ?? '{}'), { failures: 5, lockedSeconds: 60 });
    });

    test('the eleventh sign-in attempt a minute from one client is refused with 429 and a Retry-After header', async () => {
      const remoteAddress = nextClientAddress();
      let last;
      for (let i = 0; i < 11; i++) {
        last = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          payload: { loginName: `flood-${i}`, password: 'x' },
        });
      }
      assert.equal(last?.statusCode, 429);
      assert.equal(last?.json().code, 'RATE_LIMITED');
      assert.ok(Number(last?.headers['retry-after']) > 0);
    });
  });
}
