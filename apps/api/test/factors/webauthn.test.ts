import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextSignCount } from '../../src/modules/factors/webauthn-ceremonies.ts';
import type { FactorsActor } from '../../src/modules/factors/index.ts';
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from '../fakes/software-authenticator.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createFactorsFixture, errorOf, type FactorsFixture } from './factors-fixture.ts';

describe('the signature-counter rule', () => {
  test('a counter must grow, except for authenticators that always report zero', () => {
    assert.deepEqual(nextSignCount(0, 0), { ok: true, next: 0 });
    assert.deepEqual(nextSignCount(0, 1), { ok: true, next: 1 });
    assert.deepEqual(nextSignCount(5, 6), { ok: true, next: 6 });
    assert.deepEqual(nextSignCount(5, 5), { ok: false });
    assert.deepEqual(nextSignCount(5, 4), { ok: false });
    assert.deepEqual(nextSignCount(5, 0), { ok: false }, 'a counting key that falls back to zero looks cloned');
  });
});

for (const dialect of DIALECTS) {
  describe(`WebAuthn passkeys on ${dialect}`, () => {
    let f: FactorsFixture;
    before(async () => {
      f = await createFactorsFixture(dialect);
    });
    after(async () => f.close());

    const challengeRows = (challenge: string) =>
      f.db.selectFrom('factors_challenges').selectAll().where('challenge', '=', challenge).execute();

    async function registered(actor: FactorsActor, counter = 0): Promise<SoftwareAuthenticator> {
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin, counter });
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      await f.service.verifyWebauthnRegistration(actor, key.register(options.challenge));
      return key;
    }

    test('registration options carry a challenge stored server-side for this session, with an expiry', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      assert.equal(options.rp.id, 'sealbridge.test');
      assert.equal(options.user.name, actor.accountNo, 'the pseudonymous account number, never a name');
      assert.equal(options.attestation, 'none');
      const [row, ...rest] = await challengeRows(options.challenge);
      assert.equal(rest.length, 0);
      assert.equal(row?.account_id, actor.accountId);
      assert.equal(row?.session_id_hash, actor.sessionId);
      assert.equal(row?.purpose, 'webauthn.register');
      assert.equal(Date.parse(row?.expires_at ?? '') - Date.parse(row?.created_at ?? ''), 5 * 60_000);
    });

    test('a synthetic "none" attestation registers a passkey: its public key is stored, the challenge is gone', async () => {
      const actor = await f.createAccount('staff', ['broker']);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      const enrolled = await f.service.verifyWebauthnRegistration(actor, key.register(options.challenge));
      assert.equal(enrolled.factor.kind, 'webauthn');
      assert.equal(enrolled.recoveryCodes?.length, 10, 'the first factor brings recovery codes');
      const row = await f.db
        .selectFrom('factors_webauthn')
        .selectAll()
        .where('factor_id', '=', enrolled.factor.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.credential_id, key.credentialId);
      assert.ok(row.public_key.length > 40);
      assert.equal(Number(row.sign_count), 0);
      assert.deepEqual(await challengeRows(options.challenge), []);
    });

    test('a replayed registration challenge is refused', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      await f.service.verifyWebauthnRegistration(
        actor,
        createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin }).register(options.challenge),
      );
      const second = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(actor, second.register(options.challenge)))).reason,
        'SECOND_FACTOR_INVALID',
      );
      assert.equal((await f.service.listFactors(actor.accountId)).factors.length, 1);
    });

    test('an attestation made for another origin is refused and still uses up the challenge', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(actor, key.register(options.challenge, 'https://phish.example')))).reason,
        'SECOND_FACTOR_INVALID',
      );
      assert.deepEqual(await challengeRows(options.challenge), []);
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(actor, key.register(options.challenge)))).reason,
        'SECOND_FACTOR_INVALID',
      );
    });

    test('an expired challenge, or one issued to another session, is refused', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      const stale = await f.service.webauthnRegistrationOptions(actor);
      f.clock.advance(5 * 60_000 + 1);
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(actor, key.register(stale.challenge)))).reason,
        'SECOND_FACTOR_INVALID',
      );
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      const otherSession = await f.newSession(actor);
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(otherSession, key.register(options.challenge)))).reason,
        'SECOND_FACTOR_INVALID',
      );
    });

    test('registration options need a recent step-up', async () => {
      const actor = await f.createAccount('customer', ['buyer']);
      assert.equal((await errorOf(f.service.webauthnRegistrationOptions(actor))).reason, 'STEP_UP_REQUIRED');
    });

    test('an assertion opens a step-up and advances the stored counter; its challenge cannot be replayed', async () => {
      const actor = await f.createAccount('staff', ['privacy_officer']);
      const key = await registered(actor, 10);
      const options = await f.service.webauthnAuthenticationOptions(actor);
      assert.deepEqual(
        options.allowCredentials?.map((c) => c.id),
        [key.credentialId],
      );
      assert.equal((await challengeRows(options.challenge))[0]?.purpose, 'webauthn.authenticate');
      const assertion = key.authenticate(options.challenge);
      const result = await f.service.stepUp(actor, { method: 'webauthn', response: assertion });
      assert.equal(result.method, 'webauthn');
      const row = await f.db
        .selectFrom('factors_webauthn')
        .select('sign_count')
        .where('credential_id', '=', key.credentialId)
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.sign_count), 11);
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'webauthn', response: assertion }))).reason, 'SECOND_FACTOR_INVALID');
    });

    test('an assertion whose counter did not advance is refused as a possible clone, and audited', async () => {
      const actor = await f.createAccount('staff', ['admin']);
      const key = await registered(actor, 3);
      await f.service.stepUp(actor, {
        method: 'webauthn',
        response: key.authenticate((await f.service.webauthnAuthenticationOptions(actor)).challenge),
      });
      const options = await f.service.webauthnAuthenticationOptions(actor);
      const cloned = key.authenticate(options.challenge, { bump: 0 });
      assert.equal((await errorOf(f.service.stepUp(actor, { method: 'webauthn', response: cloned }))).reason, 'SECOND_FACTOR_INVALID');
      const events = await f.auditEvents();
      assert.ok(
        events.some(
          (e) => e.type === 'factors.verification_failed' && e.data['reason'] === 'counter_regressed' && e.data['method'] === 'webauthn',
        ),
      );
    });

    test('a passkey that always reports a zero counter (synced passkeys) keeps working', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      const key = await registered(actor, 0);
      for (let i = 0; i < 2; i++) {
        const options = await f.service.webauthnAuthenticationOptions(actor);
        const result = await f.service.stepUp(actor, { method: 'webauthn', response: key.authenticate(options.challenge, { bump: 0 }) });
        assert.equal(result.method, 'webauthn');
      }
    });

    test('an assertion signed by a key the account never registered is refused', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      await registered(actor);
      const stranger = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      const options = await f.service.webauthnAuthenticationOptions(actor);
      assert.equal(
        (await errorOf(f.service.stepUp(actor, { method: 'webauthn', response: stranger.authenticate(options.challenge) }))).reason,
        'FACTOR_NOT_ENROLLED',
      );
    });

    test('the same authenticator cannot be registered twice', async () => {
      const actor = await f.createAccount('customer', ['seller']);
      const key = await registered(actor);
      await f.freshlySignedIn(actor);
      const options = await f.service.webauthnRegistrationOptions(actor);
      assert.deepEqual(
        options.excludeCredentials?.map((c) => c.id),
        [key.credentialId],
      );
      assert.equal(
        (await errorOf(f.service.verifyWebauthnRegistration(actor, key.register(options.challenge)))).reason,
        'FACTOR_ALREADY_ENROLLED',
      );
    });
  });
}
