import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES, ROLES, STAFF_ROLES, type ErrorCode } from '@sealbridge/contracts';
import { factorRequirement, STEP_UP_WINDOW_MS } from '../../src/modules/factors/index.ts';
import { createSoftwareAuthenticator } from '../fakes/software-authenticator.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createFactorsFixture, enrolTotp, errorOf, type FactorsFixture } from './factors-fixture.ts';

describe('the second-factor policy', () => {
  test('a second factor is required for every staff role and optional for customers', () => {
    for (const role of STAFF_ROLES) assert.equal(factorRequirement({ kind: 'staff', roles: [role] }), 'required', role);
    for (const role of ROLES.filter((r) => !STAFF_ROLES.includes(r)))
      assert.equal(factorRequirement({ kind: 'customer', roles: [role] }), 'optional', role);
    assert.equal(factorRequirement({ kind: 'staff', roles: [] }), 'required', 'a staff account without roles yet');
    assert.equal(factorRequirement({ kind: 'customer', roles: ['buyer', 'broker'] }), 'required', 'any staff role makes it required');
  });
});

for (const dialect of DIALECTS) {
  describe(`step-up and factor removal on ${dialect}`, () => {
    let f: FactorsFixture;
    const passwords = new Map<string, string>();
    before(async () => {
      f = await createFactorsFixture(dialect, { passwordCheck: async (id, pw) => passwords.get(id) === pw });
    });
    after(async () => f.close());

    test('without a step-up, requireRecentStepUp refuses with STEP_UP_REQUIRED', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      const refused = await errorOf(f.service.requireRecentStepUp(actor.sessionId));
      assert.equal(ERROR_CODES[refused.code as ErrorCode].status, 403);
      assert.equal(refused.reason, 'STEP_UP_REQUIRED');
    });

    test('a step-up opens a five-minute window for its own session only, which then expires', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      const { secret } = await enrolTotp(f, actor);
      f.clock.advance(STEP_UP_WINDOW_MS + 60_000);
      await assert.rejects(f.service.requireRecentStepUp(actor.sessionId));
      const result = await f.service.stepUp(actor, { method: 'totp', code: await f.codeAt(secret) });
      assert.equal(Date.parse(result.stepUpUntil) - f.clock.now().getTime(), STEP_UP_WINDOW_MS);
      assert.equal((await f.service.requireRecentStepUp(actor.sessionId)).method, 'totp');
      const other = await f.newSession(actor);
      await assert.rejects(f.service.requireRecentStepUp(other.sessionId), 'another session of the same account is not stepped up');
      f.clock.advance(STEP_UP_WINDOW_MS);
      await f.service.requireRecentStepUp(actor.sessionId);
      f.clock.advance(1);
      assert.equal((await errorOf(f.service.requireRecentStepUp(actor.sessionId))).reason, 'STEP_UP_REQUIRED');
      assert.ok((await f.auditEvents()).some((e) => e.type === 'factors.stepped_up' && e.data['method'] === 'totp'));
    });

    test('a caller may demand a fresher step-up than the default window', async () => {
      const actor = await f.createAccount('staff', ['auditor']);
      await f.freshlySignedIn(actor);
      f.clock.advance(90_000);
      await f.service.requireRecentStepUp(actor.sessionId);
      assert.equal((await errorOf(f.service.requireRecentStepUp(actor.sessionId, 60_000))).reason, 'STEP_UP_REQUIRED');
    });

    test('changing factors needs a recent step-up', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { factorId } = await enrolTotp(f, actor);
      f.clock.advance(STEP_UP_WINDOW_MS + 1);
      const changes = [
        () => f.service.startTotpEnrolment(actor),
        () => f.service.removeFactor(actor, factorId),
        () => f.service.regenerateRecoveryCodes(actor),
        () => f.service.webauthnRegistrationOptions(actor),
      ];
      for (const change of changes) assert.equal((await errorOf(change())).reason, 'STEP_UP_REQUIRED');
    });

    test('a password steps up only an account without a second factor, never one with', async () => {
      const bare = await f.createAccount('customer', ['buyer']);
      passwords.set(bare.accountId, 'correct horse');
      assert.equal((await errorOf(f.service.stepUp(bare, { method: 'password', password: 'wrong' }))).reason, 'SECOND_FACTOR_INVALID');
      assert.equal((await f.service.stepUp(bare, { method: 'password', password: 'correct horse' })).method, 'password');
      const protectedAccount = await f.createAccount('customer', ['buyer']);
      passwords.set(protectedAccount.accountId, 'correct horse');
      await enrolTotp(f, protectedAccount);
      assert.equal(
        (await errorOf(f.service.stepUp(protectedAccount, { method: 'password', password: 'correct horse' }))).reason,
        'FACTOR_NOT_ENROLLED',
      );
    });

    test('a staff member cannot remove their last factor; the refusal is audited', async () => {
      const actor = await f.createAccount('staff', ['security_officer']);
      const { factorId } = await enrolTotp(f, actor);
      const refused = await errorOf(f.service.removeFactor(actor, factorId));
      assert.equal(ERROR_CODES[refused.code as ErrorCode].status, 409);
      assert.equal(refused.reason, 'LAST_FACTOR_REQUIRED');
      assert.equal((await f.service.listFactors(actor.accountId)).factors.length, 1);
      assert.ok(
        (await f.auditEvents()).some(
          (e) => e.type === 'factors.factor_removal_refused' && e.decision === 'denied' && e.data['factorId'] === factorId,
        ),
      );
    });

    test('a staff member with two factors may remove one, but not then the other', async () => {
      const actor = await f.createAccount('staff', ['admin']);
      const { factorId: totpId } = await enrolTotp(f, actor);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      const options = await f.service.webauthnRegistrationOptions(actor);
      const { factor: passkey, recoveryCodes } = await f.service.verifyWebauthnRegistration(actor, key.register(options.challenge));
      assert.equal(recoveryCodes, null, 'recovery codes come with the first factor only');
      await f.service.removeFactor(actor, totpId);
      assert.deepEqual(
        (await f.service.listFactors(actor.accountId)).factors.map((x) => x.id),
        [passkey.id],
      );
      assert.equal((await errorOf(f.service.removeFactor(actor, passkey.id))).reason, 'LAST_FACTOR_REQUIRED');
    });

    test('two concurrent removals cannot leave a staff account without a factor', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      await enrolTotp(f, actor);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      await f.service.verifyWebauthnRegistration(actor, key.register((await f.service.webauthnRegistrationOptions(actor)).challenge));
      const ids = (await f.service.listFactors(actor.accountId)).factors.map((x) => x.id);
      const results = await Promise.allSettled(ids.map((id) => f.service.removeFactor(actor, id)));
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      assert.equal((await f.service.listFactors(actor.accountId)).factors.length, 1);
    });

    test('a customer may remove their only factor, and its recovery codes go with it', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      const { factorId, recoveryCodes } = await enrolTotp(f, actor);
      await f.service.removeFactor(actor, factorId);
      const listed = await f.service.listFactors(actor.accountId);
      assert.deepEqual(listed, { requirement: 'optional', factors: [], recoveryCodesRemaining: 0 });
      assert.equal(
        (await errorOf(f.service.stepUp(actor, { method: 'recovery', code: recoveryCodes?.[0] ?? '' }))).reason,
        'SECOND_FACTOR_INVALID',
      );
      assert.ok((await f.auditEvents()).some((e) => e.type === 'factors.factor_removed' && e.data['remaining'] === 0));
    });

    test("one cannot remove another account's factor", async () => {
      const owner = await f.createAccount('customer', ['seller']);
      const { factorId } = await enrolTotp(f, owner);
      const intruder = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(intruder);
      assert.equal((await errorOf(f.service.removeFactor(intruder, factorId))).code, 'NOT_FOUND');
      assert.equal((await f.service.listFactors(owner.accountId)).factors.length, 1);
    });

    test('housekeeping deletes expired challenges, old attempts and abandoned enrolments', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      await f.service.startTotpEnrolment(actor);
      await f.service.webauthnRegistrationOptions(actor);
      await errorOf(f.service.stepUp(actor, { method: 'recovery', code: 'AAAA-BBBB-CCCC-DDDD' }));
      f.clock.advance(2 * 24 * 60 * 60 * 1000);
      assert.ok((await f.service.purgeStale()) >= 3);
      const left = await Promise.all([
        f.db.selectFrom('factors').select('id').where('account_id', '=', actor.accountId).execute(),
        f.db.selectFrom('factors_challenges').select('id').where('account_id', '=', actor.accountId).execute(),
        f.db.selectFrom('factors_attempts').select('id').where('account_id', '=', actor.accountId).execute(),
      ]);
      assert.deepEqual(
        left.map((rows) => rows.length),
        [0, 0, 0],
      );
    });

    test('secondFactorStatus tells sign-in whether a factor is required and enrolled', async () => {
      const staff = await f.createAccount('staff', ['broker']);
      assert.deepEqual(await f.service.secondFactorStatus(staff.accountId), { requirement: 'required', enrolled: false, kinds: [] });
      await enrolTotp(f, staff);
      assert.deepEqual(await f.service.secondFactorStatus(staff.accountId), { requirement: 'required', enrolled: true, kinds: ['totp'] });
    });
  });
}
