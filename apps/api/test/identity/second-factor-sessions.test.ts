import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { DEVICE_COOKIE } from '../../src/modules/identity/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authenticatorOf, authHeaders, nextTotpCode, sessionFrom, signIn } from '../helpers/test-app.ts';
import { createIdentityTestApp, nextClientAddress, type IdentityTestApp } from '../helpers/identity-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

const PASSWORD = 'Seal-bridge harbour 42 lanterns';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50';

const login = (app: FastifyInstance, loginName: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    remoteAddress: nextClientAddress(),
    payload: { loginName, password: PASSWORD },
  });

const variants = DIALECTS.flatMap((dialect) => [
  { dialect, cache: 'no cache', env: {} as Record<string, string> },
  ...(process.env.REDIS_URL ? [{ dialect, cache: 'the Redis session cache', env: { REDIS_URL: process.env.REDIS_URL } }] : []),
]);

for (const { dialect, cache, env } of variants) {
  describe(`second factor at sign-in and sessions on ${dialect} with ${cache}`, () => {
    let t: IdentityTestApp;
    let second: FastifyInstance;
    let customerId = '';
    before(async () => {
      t = await createIdentityTestApp(dialect, { env });
      const { identity, profiles } = t.app.services;
      await identity.createAccount({
        kind: 'staff',
        loginName: 'auditor-new',
        accountNo: 'S-7001',
        roles: ['auditor'],
        password: PASSWORD,
      });
      const brokerTwo = await identity.createAccount({
        kind: 'staff',
        loginName: 'broker-two',
        accountNo: 'S-7002',
        roles: ['broker'],
        password: PASSWORD,
      });
      await completeStaffTraining(t.app.services, brokerTwo.id);
      const customer = await identity.createAccount({
        kind: 'customer',
        loginName: 'cust-a',
        accountNo: 'C-7003',
        roles: ['buyer'],
        password: PASSWORD,
      });
      customerId = customer.id;
      await profiles.updateOwn(
        { accountId: customer.id, sessionId: 'test', kind: 'customer', roles: customer.roles, csrfToken: '', stage: 'active' },
        { email: 'cust.a@example.com' },
      );
      second = await t.secondInstance();
    });
    after(async () => t.close());

    test('a staff member without a second factor gets an enrolment-only session until a factor is confirmed', async () => {
      const res = await login(t.app, 'auditor-new');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().stage, 'enrol_factor');
      const session = sessionFrom(res);
      const refused = await t.app.inject({ method: 'POST', url: '/api/audit/search', headers: authHeaders(session), payload: {} });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'FACTOR_ENROLMENT_REQUIRED');
      const me = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) });
      assert.equal(me.json().stage, 'enrol_factor');

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
      assert.equal(confirmed.json().recoveryCodes.length, 10);
      // The stage change replaced the session token and the CSRF token; the old ones are dead.
      const active = sessionFrom(confirmed);
      assert.notEqual(active.cookie, session.cookie);
      assert.notEqual(active.csrf, session.csrf);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 401);
      const now = await t.app.inject({ url: '/api/auth/me', headers: authHeaders(active) });
      assert.equal(now.json().stage, 'active');
      const oldCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/audit/search',
        headers: authHeaders({ cookie: active.cookie, csrf: session.csrf }),
        payload: {},
      });
      assert.equal(oldCsrf.json().code, 'CSRF_REJECTED');
      const allowed = await t.app.inject({ method: 'POST', url: '/api/audit/search', headers: authHeaders(active), payload: {} });
      assert.equal(allowed.statusCode, 200, allowed.body);
    });

    test('an account with a factor signs in in two steps; until the second, every other route answers SECOND_FACTOR_PENDING', async () => {
      const first = await signIn(t.app, 'broker-two', PASSWORD); // enrols TOTP
      assert.ok(first.cookie);
      const accountId = (await t.app.inject({ url: '/api/auth/me', headers: authHeaders(first) })).json().account.id as string;
      const res = await login(t.app, 'broker-two');
      assert.equal(res.json().stage, 'second_factor');
      assert.deepEqual(res.json().secondFactor.methods, ['totp', 'recovery']);
      const pending = sessionFrom(res);
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        headers: authHeaders(pending),
        payload: { email: 'cust.a@example.com', purpose: 'deal_execution' },
      });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().code, 'SECOND_FACTOR_PENDING');
      const enrol = await t.app.inject({ method: 'POST', url: '/api/me/factors/totp', headers: authHeaders(pending) });
      assert.equal(enrol.json().code, 'SECOND_FACTOR_PENDING', 'a half-signed-in session cannot add factors');
      const byPassword = await t.app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: authHeaders(pending),
        payload: { method: 'password', password: PASSWORD },
      });
      assert.equal(byPassword.statusCode, 409, 'the password never stands in for an enrolled factor');

      const code = await nextTotpCode(accountId);
      const stepped = await t.app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: authHeaders(pending),
        payload: { method: 'totp', code },
      });
      assert.equal(stepped.statusCode, 200, stepped.body);
      assert.equal(stepped.json().session, undefined, 'the new token travels only as a cookie');
      const full = sessionFrom(stepped);
      assert.notEqual(full.cookie, pending.cookie);
      const stale = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        headers: authHeaders(pending),
        payload: { email: 'cust.a@example.com', purpose: 'deal_execution' },
      });
      assert.equal(stale.statusCode, 401, 'the half-signed-in token does not live on as a full session');
      const lookup = await t.app.inject({
        method: 'POST',
        url: '/api/staff/customers/lookup',
        headers: authHeaders(full),
        payload: { email: 'cust.a@example.com', purpose: 'deal_execution' },
      });
      assert.equal(lookup.statusCode, 200, lookup.body);
      const sessions = (await t.app.inject({ url: '/api/me/sessions', headers: authHeaders(full) })).json().sessions as {
        current: boolean;
        stage: string;
      }[];
      assert.ok(sessions.some((x) => x.current && x.stage === 'active'));

      // The same code cannot finish another sign-in (single use, RFC 6238 replay).
      const again = sessionFrom(await login(t.app, 'broker-two'));
      const replay = await t.app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: authHeaders(again),
        payload: { method: 'totp', code },
      });
      assert.equal(replay.statusCode, 422);
      assert.equal(replay.json().code, 'SECOND_FACTOR_INVALID');
      const recovery = authenticatorOf(accountId)?.recovery.shift() ?? '';
      const viaRecovery = await t.app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: authHeaders(again),
        payload: { method: 'recovery', code: recovery },
      });
      assert.equal(viaRecovery.statusCode, 200, viaRecovery.body);
    });

    test('a customer without a second factor signs in straight to a full session', async () => {
      const res = await login(t.app, 'cust-a');
      assert.equal(res.json().stage, 'active');
      assert.equal(res.json().secondFactor, null);
    });

    test('a person lists their sessions with coarse device labels and ends one; it is refused at once on both instances', async () => {
      const phone = sessionFrom(await login(t.app, 'cust-a', { 'user-agent': WECHAT }));
      const desk = sessionFrom(await login(t.app, 'cust-a', { 'user-agent': CHROME }));
      // The second instance has read (and, with Redis, cached) the phone's session before it is ended.
      assert.equal((await second.inject({ url: '/api/auth/me', headers: authHeaders(phone) })).statusCode, 200);
      const listed = await t.app.inject({ url: '/api/me/sessions', headers: authHeaders(desk) });
      assert.equal(listed.statusCode, 200, listed.body);
      const sessions = listed.json().sessions as { id: string; current: boolean; device: { browser: string; os: string } }[];
      const current = sessions.find((s) => s.current);
      assert.deepEqual(current?.device, { browser: 'Chrome 156', os: 'Windows' });
      const other = sessions.find((s) => s.device.browser === '微信 8');
      assert.equal(other?.device.os, 'iOS');
      assert.doesNotMatch(listed.body, /Mozilla|AppleWebKit|MicroMessenger/, 'the whole User-Agent is never stored or shown');

      const ended = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${other?.id ?? ''}`, headers: authHeaders(desk) });
      assert.equal(ended.statusCode, 204);
      const started = performance.now();
      const onSecond = await second.inject({ url: '/api/auth/me', headers: authHeaders(phone) });
      assert.equal(onSecond.statusCode, 401, 'the ended session is refused by the other instance');
      assert.ok(performance.now() - started < 1000);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(phone) })).statusCode, 401);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: authHeaders(desk) })).statusCode, 200);
    });

    test('someone else\'s session id cannot be ended, and "end all others" keeps only the current session', async () => {
      const mine = sessionFrom(await login(t.app, 'cust-a'));
      const other = await signIn(t.app, 'broker-two', PASSWORD);
      const brokerSessions = (await t.app.inject({ url: '/api/me/sessions', headers: authHeaders(other) })).json().sessions as {
        id: string;
      }[];
      const foreign = await t.app.inject({
        method: 'DELETE',
        url: `/api/me/sessions/${brokerSessions[0]?.id ?? ''}`,
        headers: authHeaders(mine),
      });
      assert.equal(foreign.statusCode, 404);
      const kept = await second.inject({ method: 'POST', url: '/api/me/sessions/end-others', headers: authHeaders(mine) });
      assert.equal(kept.statusCode, 200);
      assert.ok(kept.json().ended >= 1);
      const left = (await t.app.inject({ url: '/api/me/sessions', headers: authHeaders(mine) })).json().sessions as unknown[];
      assert.equal(left.length, 1);
    });

    test('ending every session of an account (offboarding) and disabling it is refused everywhere at once', async () => {
      const session = await signIn(t.app, 'broker-two', PASSWORD);
      assert.equal((await second.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 200);
      const accountId = (await t.app.inject({ url: '/api/auth/me', headers: authHeaders(session) })).json().account.id as string;
      await t.app.services.identity.setAccountStatus(accountId, 'disabled');
      assert.equal(
        (await second.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode,
        401,
        'disabled account refused on the other instance',
      );
      await t.app.services.identity.setAccountStatus(accountId, 'active');
      assert.ok((await t.app.services.identity.endAllSessions(accountId)) >= 1);
      assert.equal((await second.inject({ url: '/api/auth/me', headers: authHeaders(session) })).statusCode, 401);
      await t.app.services.identity.setAccountStatus(accountId, 'disabled');
      assert.equal((await login(t.app, 'broker-two')).statusCode, 401, 'a disabled account cannot sign in');
    });

    test('a sign-in from a new device sends the owner a notice; the first device and a known device do not', async () => {
      const before = t.outbox.messages.filter((m) => m.template === 'new_device_sign_in').length;
      const first = await login(t.app, 'cust-a', { 'user-agent': CHROME });
      const device = (first.cookies as { name: string; value: string }[]).find((c) => c.name === DEVICE_COOKIE)?.value ?? '';
      assert.match(device, /^[A-Za-z0-9_-]{20,}$/);
      const again = await login(t.app, 'cust-a', { 'user-agent': CHROME, cookie: `${DEVICE_COOKIE}=${device}` });
      assert.equal(again.statusCode, 200);
      const fresh = await login(t.app, 'cust-a', { 'user-agent': WECHAT });
      assert.equal(fresh.statusCode, 200);
      await t.app.services.closeDelivery().catch(() => undefined);
      const notices = t.outbox.messages.filter((m) => m.template === 'new_device_sign_in');
      assert.ok(notices.length > before, 'a notice went out for the new device');
      const last = notices.at(-1);
      assert.equal(last?.to, 'cust.a@example.com');
      assert.match(last?.text ?? '', /微信 8 \/ iOS/);
      await t.app.services.auditLog.drain();
      const opened = await t.database.db
        .selectFrom('audit_log')
        .select(['purpose', 'decision'])
        .where('type', '=', 'vault.fields_revealed')
        .where('actor_account_id', '=', customerId)
        .execute();
      assert.ok(
        opened.some((r) => r.purpose === 'account_service' && r.decision === 'allowed'),
        'the platform opening the address is on the audit trail',
      );
    });

    test("a customer's own reveal and a contact change need a recent re-authentication; the password serves when there is no factor", async () => {
      const session = sessionFrom(await login(t.app, 'cust-a'));
      const sessionHash = (
        await t.database.db
          .selectFrom('factors_step_ups')
          .select(['session_id_hash', 'stepped_up_at'])
          .where('account_id', '=', customerId)
          .orderBy('stepped_up_at', 'desc')
          .executeTakeFirstOrThrow()
      ).session_id_hash;
      const fresh = await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(session),
        payload: { fields: ['email'], purpose: 'account_service' },
      });
      assert.equal(fresh.statusCode, 200, 'a fresh sign-in counts as recent');
      await t.database.db
        .updateTable('factors_step_ups')
        .set({ stepped_up_at: new Date(Date.now() - 10 * 60_000).toISOString() })
        .where('session_id_hash', '=', sessionHash)
        .execute();
      const stale = await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(session),
        payload: { fields: ['email'], purpose: 'account_service' },
      });
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().code, 'STEP_UP_REQUIRED');
      const change = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(session),
        payload: { email: 'new.address@example.com' },
      });
      assert.equal(change.json().code, 'STEP_UP_REQUIRED');
      const stepped = await t.app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: authHeaders(session),
        payload: { method: 'password', password: PASSWORD },
      });
      assert.equal(stepped.statusCode, 200, stepped.body);
      const revealed = await t.app.inject({
        method: 'POST',
        url: '/api/me/profile/reveal',
        headers: authHeaders(session),
        payload: { fields: ['email'], purpose: 'account_service' },
      });
      assert.equal(revealed.json().fields.email.value, 'cust.a@example.com');
    });
  });
}
