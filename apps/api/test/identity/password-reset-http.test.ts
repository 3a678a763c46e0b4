import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, sessionFrom } from '../helpers/test-app.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';

const OLD = 'Seal-bridge harbour 42 lanterns';
const NEW = 'Quiet river 7 paper cranes at dusk';

for (const dialect of DIALECTS) {
  describe(`password reset with a one-time code on ${dialect}`, () => {
    let t: IdentityTestApp;
    let second: FastifyInstance;
    before(async () => {
      t = await createIdentityTestApp(dialect);
      const { identity, profiles } = t.app.services;
      const customer = await identity.createAccount({
        kind: 'customer',
        loginName: 'reset-me',
        accountNo: 'C-8101',
        roles: ['seller'],
        password: OLD,
      });
      await profiles.updateOwn(
        { accountId: customer.id, sessionId: 'test', kind: 'customer', roles: customer.roles, csrfToken: '', stage: 'active' },
        { mobile: '13930000001' },
      );
      const other = await identity.createAccount({
        kind: 'customer',
        loginName: 'reset-two',
        accountNo: 'C-8102',
        roles: ['buyer'],
        password: OLD,
      });
      await profiles.updateOwn(
        { accountId: other.id, sessionId: 'test', kind: 'customer', roles: other.roles, csrfToken: '', stage: 'active' },
        { mobile: '13930000002' },
      );
      second = await t.secondInstance();
    });
    after(async () => t.close());

    const post = (url: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url, remoteAddress: nextClientAddress(), payload });
    const login = (password: string) => post('/api/auth/login', { loginName: '13930000001', password });

    test('a known and an unknown address get the same answer; only the owner receives a code', async () => {
      const known = await post('/api/auth/password-reset/start', { channel: 'mobile', address: '139 3000 0001' });
      const unknown = await post('/api/auth/password-reset/start', { channel: 'mobile', address: '13930000999' });
      assert.equal(known.statusCode, 202);
      assert.deepEqual(known.json(), unknown.json());
      assert.equal(t.outbox.lastTo('+8613930000001')?.template, 'password_reset_code');
      assert.equal(t.outbox.lastTo('+8613930000999')?.template, 'password_reset_no_account');
      assert.equal(t.outbox.lastTo('+8613930000999')?.params['code'], undefined);
    });

    test('a weak password does not spend the code; a wrong code is refused; the right one sets the password and ends every session', async () => {
      const before = sessionFrom(await login(OLD));
      assert.equal((await second.inject({ url: '/api/auth/me', headers: authHeaders(before) })).statusCode, 200);
      const code = t.outbox.codeFor('+8613930000001');
      const weak = await post('/api/auth/password-reset/complete', {
        channel: 'mobile',
        address: '13930000001',
        code,
        password: 'password123',
      });
      assert.equal(weak.json().code, 'WEAK_PASSWORD');
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await post('/api/auth/password-reset/complete', {
        channel: 'mobile',
        address: '13930000001',
        code: wrongCode,
        password: NEW,
      });
      assert.equal(wrong.json().code, 'INVALID_CODE');
      const done = await post('/api/auth/password-reset/complete', { channel: 'mobile', address: '13930000001', code, password: NEW });
      assert.equal(done.statusCode, 204, done.body);
      assert.equal(
        (await second.inject({ url: '/api/auth/me', headers: authHeaders(before) })).statusCode,
        401,
        'the old session ended on every instance',
      );
      assert.equal((await login(OLD)).statusCode, 401);
      assert.equal((await login(NEW)).statusCode, 200);
      const reused = await post('/api/auth/password-reset/complete', { channel: 'mobile', address: '13930000001', code, password: OLD });
      assert.equal(reused.json().code, 'INVALID_CODE', 'a code is single use');
    });

    test('a reset never bypasses the second factor: the next sign-in still waits for it', async () => {
      const session = sessionFrom(await post('/api/auth/login', { loginName: '13930000002', password: OLD }));
      const started = await t.app.inject({ method: 'POST', url: '/api/me/factors/totp', headers: authHeaders(session) });
      assert.equal(started.statusCode, 200, started.body);
      const { factorId, secret } = started.json() as { factorId: string; secret: string };
      const confirmed = await t.app.inject({
        method: 'POST',
        url: '/api/me/factors/totp/confirm',
        headers: authHeaders(session),
        payload: { factorId, code: await generate({ secret }) },
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal((await post('/api/auth/password-reset/start', { channel: 'mobile', address: '13930000002' })).statusCode, 202);
      const code = t.outbox.codeFor('+8613930000002');
      const done = await post('/api/auth/password-reset/complete', { channel: 'mobile', address: '13930000002', code, password: NEW });
      assert.equal(done.statusCode, 204, done.body);
      const next = await post('/api/auth/login', { loginName: '13930000002', password: NEW });
      assert.equal(next.statusCode, 200);
      assert.equal(next.json().stage, 'second_factor');
      const factor = await t.database.db.selectFrom('factors').select('status').where('id', '=', factorId).executeTakeFirst();
      assert.equal(factor?.status, 'active');
    });
  });
}
