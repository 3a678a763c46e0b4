import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEVICE_COOKIE } from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';

const PASSWORD = 'Lantern-harbour 77 quietly';

for (const dialect of DIALECTS) {
  describe(`lockout per account, with a budget of its own for a known device, on ${dialect}`, () => {
    let t: IdentityTestApp;
    before(async () => {
      t = await createIdentityTestApp(dialect);
      const { identity, profiles } = t.app.services;
      for (const [loginName, mobile, email] of [
        ['alias-owner', '13930000001', 'alias.owner@example.com'],
        ['home-owner', '13930000002', 'home.owner@example.com'],
      ] as const) {
        const a = await identity.createAccount({
          kind: 'customer',
          loginName,
          accountNo: `C-${mobile.slice(-3)}`,
          roles: ['buyer'],
          password: PASSWORD,
        });
        await profiles.updateOwn(
          { accountId: a.id, sessionId: 'test', kind: 'customer', roles: a.roles, csrfToken: '', stage: 'active' },
          { mobile, email },
        );
      }
    });
    after(async () => t.close());

    const login = (loginName: string, password: string, device?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextClientAddress(),
        payload: { loginName, password },
        ...(device ? { cookies: { [DEVICE_COOKIE]: device } } : {}),
      });

    test('failures spread over the log-in name, mobile and e-mail lock the account; its e-mail alias no longer signs in', async () => {
      for (const name of ['alias-owner', '13930000001', 'alias-owner', '13930000001', 'alias-owner']) {
        assert.equal((await login(name, 'wrong password here')).statusCode, 401);
      }
      const alias = await login('Alias.Owner@example.com', PASSWORD);
      assert.equal(alias.statusCode, 401, 'the right password through another name is refused while the account is locked');
      // …as a wrong password: the answer does not reveal that this e-mail and that log-in name are one account.
      assert.equal(alias.json().code, 'INVALID_CREDENTIALS');
      const unknown = await login('no.such.person@example.com', PASSWORD);
      assert.deepEqual({ ...(alias.json() as object), requestId: '' }, { ...(unknown.json() as object), requestId: '' });
      // A name says "locked" once its own five failures are in, exactly as an unknown name would.
      for (let i = 0; i < 2; i++) await login('alias-owner', 'wrong password here');
      assert.equal((await login('alias-owner', PASSWORD)).json().code, 'ACCOUNT_LOCKED');
      const refused = await t.database.db
        .selectFrom('audit_log')
        .select('data')
        .where('type', '=', 'identity.sign_in_failed')
        .orderBy('seq', 'desc')
        .limit(2)
        .execute();
      assert.ok(refused.every((r) => JSON.parse(r.data).reason === 'locked'));
    });

    test('a stranger exhausting the budget does not lock the owner out of the browser they signed in from before', async () => {
      const first = await login('home-owner', PASSWORD);
      assert.equal(first.statusCode, 200);
      const device = (first.cookies as { name: string; value: string }[]).find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
      assert.ok(device.length >= 20);
      for (let i = 0; i < 8; i++) await login(i % 2 ? 'home-owner' : 'home.owner@example.com', `guess ${i}`);
      assert.equal((await login('home-owner', PASSWORD)).statusCode, 401, 'a new device is locked out');
      assert.notEqual(
        (await login('home-owner', PASSWORD, 'a-device-id-the-stranger-made-up')).statusCode,
        200,
        'an unknown device cookie is just another new device',
      );
      const owner = await login('home-owner', PASSWORD, device);
      assert.equal(owner.statusCode, 200, owner.body);
    });

    test('a known device has its own budget: its failures lock that device, not the other devices of the account', async () => {
      const { identity } = t.app.services;
      await identity.createAccount({
        kind: 'customer',
        loginName: 'two-devices',
        accountNo: 'C-903',
        roles: ['buyer'],
        password: PASSWORD,
      });
      const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
        (res.cookies as { name: string; value: string }[]).find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
      const phone = cookieOf(await login('two-devices', PASSWORD));
      const laptop = cookieOf(await login('two-devices', PASSWORD));
      for (let i = 0; i < 5; i++) await login('two-devices', `typo ${i}`, phone);
      assert.equal((await login('two-devices', PASSWORD, phone)).json().code, 'ACCOUNT_LOCKED');
      assert.equal((await login('two-devices', PASSWORD, laptop)).statusCode, 200);
      assert.equal((await login('two-devices', PASSWORD)).statusCode, 200, 'nor the budget of new devices');
    });
  });
}
