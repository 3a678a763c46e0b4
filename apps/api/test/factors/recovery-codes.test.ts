import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from '../../src/modules/factors/recovery-codes.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createFactorsFixture, enrolTotp, errorOf, type FactorsFixture } from './factors-fixture.ts';

describe('recovery code format', () => {
  test('ten distinct codes of sixteen Crockford base32 symbols (80 bits) in groups of four', () => {
    const codes = newRecoveryCodes(10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  test('what people type is normalized: case, spaces, hyphens and the look-alikes O, I and L', () => {
    assert.equal(normalizeRecoveryCode('abcd-efgh-jkmn-pqrs'), 'ABCDEFGHJKMNPQRS');
    assert.equal(normalizeRecoveryCode(' O1IL 0000 1111 2222 '), '0111000011112222');
    assert.equal(normalizeRecoveryCode('ABCD-EFGH-JKMN-PQR'), null, 'too short');
    assert.equal(normalizeRecoveryCode('ABCD-EFGH-JKMN-PQRU'), null, 'U is not in the alphabet');
  });

  test('the hash is bound to the account', () => {
    assert.notEqual(hashRecoveryCode('a', 'ABCDEFGHJKMNPQRS'), hashRecoveryCode('b', 'ABCDEFGHJKMNPQRS'));
  });
});

for (const dialect of DIALECTS) {
  describe(`recovery codes on ${dialect}`, () => {
    let f: FactorsFixture;
    before(async () => {
      f = await createFactorsFixture(dialect);
    });
    after(async () => f.close());

    test('codes are stored only as hashes', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      const { recoveryCodes } = await enrolTotp(f, actor);
      const rows = await f.db.selectFrom('factors_recovery_codes').selectAll().where('account_id', '=', actor.accountId).execute();
      assert.equal(rows.length, 10);
      const stored = rows.map((r) => r.code_hash).join(' ');
      for (const code of recoveryCodes ?? []) {
        assert.ok(!stored.includes(code) && !stored.includes(code.replaceAll('-', '')));
      }
      for (const row of rows) assert.match(row.code_hash, /^[0-9a-f]{64}$/);
    });

    test('a recovery code opens a step-up once; the second use is refused', async () => {
      const actor = await f.createAccount('staff', ['auditor']);
      const { recoveryCodes } = await enrolTotp(f, actor);
      const code = recoveryCodes?.[0] ?? '';
      const first = await f.service.stepUp(actor, { method: 'recovery', code: code.toLowerCase().replaceAll('-', ' ') });
      assert.equal(first.recoveryCodesRemaining, 9);
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'recovery', code }))).reason, 'SECOND_FACTOR_INVALID');
      assert.equal((await f.service.listFactors(actor.accountId)).recoveryCodesRemaining, 9);
      const events = await f.auditEvents();
      assert.ok(events.some((e) => e.type === 'factors.recovery_code_used' && e.data['remaining'] === 9));
    });

    test('a code of another account is refused', async () => {
      const alice = await f.createAccount('customer', ['buyer']);
      const bob = await f.createAccount('customer', ['buyer']);
      const { recoveryCodes } = await enrolTotp(f, alice);
      await enrolTotp(f, bob);
      assert.equal(
        (await errorOf(f.service.stepUp(bob, { method: 'recovery', code: recoveryCodes?.[0] ?? '' }))).reason,
        'SECOND_FACTOR_INVALID',
      );
    });

    test('regenerating the codes invalidates the whole old set', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      const { recoveryCodes: old } = await enrolTotp(f, actor);
      await f.freshlySignedIn(actor);
      const { codes } = await f.service.regenerateRecoveryCodes(actor);
      assert.equal(codes.length, 10);
      assert.deepEqual(
        codes.filter((c) => old?.includes(c)),
        [],
      );
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'recovery', code: old?.[1] ?? '' }))).reason, 'SECOND_FACTOR_INVALID');
      assert.equal((await f.service.stepUp(actor, { method: 'recovery', code: codes[1] ?? '' })).recoveryCodesRemaining, 9);
      assert.ok((await f.auditEvents()).filter((e) => e.type === 'factors.recovery_codes_issued').length >= 2);
    });

    test('regenerating needs a recent step-up, and a factor to stand in for', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      await enrolTotp(f, actor);
      f.clock.advance(6 * 60_000);
      assert.equal((await errorOf(f.service.regenerateRecoveryCodes(actor))).reason, 'STEP_UP_REQUIRED');
      const bare = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(bare);
      assert.equal((await errorOf(f.service.regenerateRecoveryCodes(bare))).reason, 'FACTOR_NOT_ENROLLED');
    });
  });
}
