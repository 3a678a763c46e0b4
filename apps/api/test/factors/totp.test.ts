import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ATTEMPT_LIMIT } from '../../src/modules/factors/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createFactorsFixture, enrolTotp, errorOf, type FactorsFixture } from './factors-fixture.ts';

const STEP = 30_000;

for (const dialect of DIALECTS) {
  describe(`TOTP second factor on ${dialect}`, () => {
    let f: FactorsFixture;
    before(async () => {
      f = await createFactorsFixture(dialect);
    });
    after(async () => f.close());

    test('an enrolment returns the secret once, as base32 and as an otpauth URI labelled with the account number', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const started = await f.service.startTotpEnrolment(actor);
      assert.match(started.secret, /^[A-Z2-7]{32}$/);
      assert.equal(started.otpauthUri.split('?')[0], `otpauth://totp/Sealbridge:${actor.accountNo}`);
      const uri = new URL(started.otpauthUri);
      assert.equal(uri.searchParams.get('issuer'), 'Sealbridge 封桥');
      assert.equal(uri.searchParams.get('secret'), started.secret);
      assert.equal(uri.searchParams.get('digits'), '6');
      assert.equal(uri.searchParams.get('period'), '30');
      const listed = await f.service.listFactors(actor.accountId);
      assert.deepEqual(listed.factors, [], 'an unconfirmed enrolment is not a factor yet');
    });

    test('the stored TOTP secret is sealed, never the base32 plaintext', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      await f.freshlySignedIn(actor);
      const started = await f.service.startTotpEnrolment(actor);
      const row = await f.db.selectFrom('factors_totp').selectAll().where('factor_id', '=', started.factorId).executeTakeFirstOrThrow();
      assert.notEqual(row.secret_sealed, started.secret);
      assert.ok(!row.secret_sealed.includes(started.secret));
      assert.ok(!Buffer.from(row.secret_sealed, 'base64url').includes(Buffer.from(started.secret)));
      assert.equal(await f.box.open(row.secret_sealed, `factors_totp.secret_sealed:${started.factorId}`), started.secret);
      await assert.rejects(f.box.open(row.secret_sealed, 'factors_totp.secret_sealed:another-factor'), 'the seal is bound to its row');
    });

    test('a first valid code confirms the enrolment and brings ten recovery codes', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      const { factorId, recoveryCodes } = await enrolTotp(f, actor);
      assert.equal(recoveryCodes?.length, 10);
      const listed = await f.service.listFactors(actor.accountId);
      assert.deepEqual(
        listed.factors.map((x) => [x.id, x.kind]),
        [[factorId, 'totp']],
      );
      assert.equal(listed.recoveryCodesRemaining, 10);
      assert.equal(listed.requirement, 'required');
    });

    test('a wrong code does not confirm an enrolment', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const started = await f.service.startTotpEnrolment(actor);
      const right = await f.codeAt(started.secret);
      const wrong = right === '000000' ? '000001' : '000000';
      assert.equal((await errorOf(f.service.confirmTotp(actor, started.factorId, wrong))).reason, 'SECOND_FACTOR_INVALID');
      assert.deepEqual((await f.service.listFactors(actor.accountId)).factors, []);
    });

    test('an enrolment left unconfirmed for more than ten minutes cannot be confirmed', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const started = await f.service.startTotpEnrolment(actor);
      f.clock.advance(11 * 60_000);
      assert.equal(
        (await errorOf(f.service.confirmTotp(actor, started.factorId, await f.codeAt(started.secret)))).reason,
        'FACTOR_NOT_ENROLLED',
      );
    });

    test('the same code is refused the second time (replay)', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { secret } = await enrolTotp(f, actor);
      f.clock.advance(5 * STEP);
      const code = await f.codeAt(secret);
      await f.service.stepUp(actor, { method: 'totp', code });
      const replay = await errorOf(f.service.stepUp(actor, { method: 'totp', code }));
      assert.equal(replay.reason, 'SECOND_FACTOR_INVALID');
      // Still refused later in the acceptance window, and from another session of the same account.
      f.clock.advance(20_000);
      const other = await f.newSession(actor);
      assert.equal((await errorOf(f.service.stepUp(other, { method: 'totp', code }))).reason, 'SECOND_FACTOR_INVALID');
      const failures = (await f.auditEvents()).filter(
        (e) => e.type === 'factors.verification_failed' && e.data['reason'] === 'wrong_or_used',
      );
      assert.ok(failures.length >= 2);
    });

    test('codes one step either side of now are accepted; two steps away are refused', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { secret } = await enrolTotp(f, actor);
      for (const offset of [-1, 0, +1]) {
        f.clock.advance(10 * STEP);
        const result = await f.service.stepUp(actor, { method: 'totp', code: await f.codeAt(secret, offset) });
        assert.equal(result.method, 'totp', `offset ${offset}`);
      }
      for (const offset of [-2, +2]) {
        f.clock.advance(10 * STEP);
        const code = await f.codeAt(secret, offset);
        // A ±2 code could coincide with one in the window by chance (1 in 10^6 per step); skip that case.
        const inWindow = await Promise.all([-1, 0, 1].map((o) => f.codeAt(secret, o)));
        if (inWindow.includes(code)) continue;
        assert.equal(
          (await errorOf(f.service.stepUp(actor, { method: 'totp', code }))).reason,
          'SECOND_FACTOR_INVALID',
          `offset ${offset}`,
        );
      }
    });

    test('a code of a step before the last accepted one is refused, even inside the window', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { secret } = await enrolTotp(f, actor);
      f.clock.advance(10 * STEP);
      const current = await f.codeAt(secret, 0);
      await f.service.stepUp(actor, { method: 'totp', code: await f.codeAt(secret, +1) });
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'totp', code: current }))).reason, 'SECOND_FACTOR_INVALID');
    });

    test('two requests racing with one code: exactly one step-up succeeds', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { secret } = await enrolTotp(f, actor);
      f.clock.advance(10 * STEP);
      const code = await f.codeAt(secret);
      const other = await f.newSession(actor);
      const results = await Promise.allSettled([
        f.service.stepUp(actor, { method: 'totp', code }),
        f.service.stepUp(other, { method: 'totp', code }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    });

    test('wrong codes count toward the per-account limit; the next attempt is refused with 429 even with a right code, until the window passes', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { secret } = await enrolTotp(f, actor);
      f.clock.advance(10 * STEP);
      const right = await f.codeAt(secret);
      const wrong = right === '123456' ? '654321' : '123456';
      for (let i = 0; i < ATTEMPT_LIMIT; i++) {
        assert.equal(
          (await errorOf(f.service.stepUp(actor, { method: 'totp', code: wrong }))).reason,
          'SECOND_FACTOR_INVALID',
          `attempt ${i + 1}`,
        );
        f.clock.advance(1000);
      }
      const limited = await errorOf(f.service.stepUp(actor, { method: 'totp', code: right }));
      assert.equal(limited.code, 'RATE_LIMITED');
      assert.ok(Number(limited.details?.['retryAfterSeconds']) > 0 && Number(limited.details?.['retryAfterSeconds']) <= 300);
      // The limit is per account, not per session.
      const other = await f.newSession(actor);
      assert.equal((await errorOf(f.service.stepUp(other, { method: 'recovery', code: 'AAAA-BBBB-CCCC-DDDD' }))).code, 'RATE_LIMITED');
      const events = await f.auditEvents();
      assert.ok(
        events.some((e) => e.type === 'factors.verification_failed' && e.data['reason'] === 'rate_limited' && e.decision === 'denied'),
      );
      f.clock.advance(5 * 60_000);
      const result = await f.service.stepUp(actor, { method: 'totp', code: await f.codeAt(secret) });
      assert.equal(result.method, 'totp');
    });

    test('a second TOTP enrolment is refused while one is active', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await enrolTotp(f, actor);
      assert.equal((await errorOf(f.service.startTotpEnrolment(actor))).reason, 'FACTOR_ALREADY_ENROLLED');
    });

    test('a step-up by TOTP is refused for an account without TOTP', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'totp', code: '123456' }))).reason, 'FACTOR_NOT_ENROLLED');
    });
  });
}
