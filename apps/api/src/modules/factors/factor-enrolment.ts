import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { newId } from '../../platform/ids/index.ts';
import {
  auditActor,
  toStoredCredential,
  totpAad,
  type CheckedProof,
  type createProofChecker,
  type FactorsActor,
  type SecretBox,
} from './factor-proofs.ts';
import { factorsError, isUniqueViolation } from './factors-errors.ts';
import { CHALLENGE_TTL_MS, TOTP_ENROLMENT_TTL_MS } from './factors-policy.ts';
import type { FactorsRepo } from './factors-repo.ts';
import type { FactorsAuditPort, FactorView } from './factors-types.ts';
import { matchTotpStep, newTotpSecret, totpKeyUri } from './totp-codes.ts';
import { authenticationOptions, registrationOptions, verifyRegistration, type RelyingParty } from './webauthn-ceremonies.ts';

export type EnrolmentDeps<Tx> = {
  repo: FactorsRepo<Tx>;
  audit: FactorsAuditPort<Tx>;
  secretBox: SecretBox;
  rp: RelyingParty;
  now: () => Date;
  proofs: ReturnType<typeof createProofChecker<Tx>>;
  accountOf: (accountId: string) => Promise<{ accountNo: string }>;
  requireRecentStepUp: (sessionId: string) => Promise<unknown>;
  issueRecoveryCodes: (tx: FactorsRepo<Tx>, trx: Tx, actor: FactorsActor, at: string, requestId: string | null) => Promise<string[]>;
  refuse: (actor: FactorsActor, checked: Extract<CheckedProof<Tx>, { ok: false }>, requestId: string | null) => Promise<never>;
};

export type EnrolledFactor = { factor: FactorView; recoveryCodes: string[] | null };

/**
 * Adding factors: TOTP (start → confirm with a first code) and WebAuthn passkeys (options → verify). Starting
 * either needs a recent step-up; finishing needs the secret or the session-bound challenge that the start handed
 * out. The first factor of an account comes with its recovery codes.
 */
export function createEnrolment<Tx>(deps: EnrolmentDeps<Tx>) {
  const { repo, audit, now, proofs } = deps;

  /** Activation, first recovery codes and the audit record, in one transaction. */
  async function activate(
    tx: FactorsRepo<Tx>,
    trx: Tx,
    actor: FactorsActor,
    factorId: string,
    kind: 'totp' | 'webauthn',
    at: string,
    requestId: string | null,
  ) {
    await tx.activateFactor(factorId, at);
    await audit.appendInTransaction(trx, {
      type: 'factors.factor_added',
      actor: auditActor(actor),
      decision: 'allowed',
      requestId,
      data: { factorId, kind },
    });
    return (await tx.countUnusedRecoveryCodes(actor.accountId)) === 0 ? deps.issueRecoveryCodes(tx, trx, actor, at, requestId) : null;
  }

  async function issueChallenge(actor: FactorsActor, purpose: 'webauthn.register' | 'webauthn.authenticate', challenge: string) {
    const at = now();
    await repo.insertChallenge({
      id: newId(at.getTime()),
      account_id: actor.accountId,
      session_id_hash: actor.sessionId,
      purpose,
      challenge,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + CHALLENGE_TTL_MS).toISOString(),
    });
  }

  return {
    /**
     * Issues a new TOTP secret, stored sealed and pending until confirmed. The base32 secret and its otpauth://
     * URI are returned this once and never again. Replaces an unconfirmed enrolment; refused while one is active.
     */
    /** `presetSecret` is for the demo seed only (a published secret for synthetic staff); no route passes one. */
    async startTotpEnrolment(
      actor: FactorsActor,
      requestId: string | null = null,
      presetSecret?: string,
    ): Promise<{ factorId: string; secret: string; otpauthUri: string; expiresAt: string }> {
      await deps.requireRecentStepUp(actor.sessionId);
      const account = await deps.accountOf(actor.accountId);
      if ((await repo.findTotp(actor.accountId))?.status === 'active') throw factorsError('FACTOR_ALREADY_ENROLLED', { kind: 'totp' });
      const at = now();
      const factorId = newId(at.getTime());
      const secret = presetSecret ?? newTotpSecret();
      const sealed = await deps.secretBox.seal(secret, totpAad(factorId));
      await repo
        .transaction(async (tx, trx) => {
          await tx.deletePendingTotp(actor.accountId);
          await tx.insertFactor({
            id: factorId,
            account_id: actor.accountId,
            kind: 'totp',
            status: 'pending',
            created_at: at.toISOString(),
            confirmed_at: null,
            last_used_at: null,
          });
          await tx.insertTotp({ factor_id: factorId, secret_sealed: sealed, last_step: null });
          await audit.appendInTransaction(trx, {
            type: 'factors.totp_enrolment_started',
            actor: auditActor(actor),
            decision: 'allowed',
            requestId,
            data: { factorId },
          });
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? factorsError('FACTOR_ALREADY_ENROLLED', { kind: 'totp' }) : error;
        });
      return {
        factorId,
        secret,
        otpauthUri: totpKeyUri(secret, account.accountNo),
        expiresAt: new Date(at.getTime() + TOTP_ENROLMENT_TTL_MS).toISOString(),
      };
    },

    /** Confirms a pending TOTP factor with a first valid code (whose step is then used up). */
    async confirmTotp(actor: FactorsActor, factorId: string, code: string, requestId: string | null = null): Promise<EnrolledFactor> {
      await proofs.admit(actor, 'totp', requestId);
      const totp = await repo.findTotp(actor.accountId);
      const fail = (reason: 'not_enrolled' | 'enrolment_expired' | 'wrong_or_used') =>
        deps.refuse(actor, { ok: false, method: 'totp', factorId, reason }, requestId);
      if (!totp || totp.id !== factorId || totp.status !== 'pending') return fail('not_enrolled');
      const at = now();
      if (at.getTime() - Date.parse(totp.created_at) > TOTP_ENROLMENT_TTL_MS) return fail('enrolment_expired');
      const secret = await deps.secretBox.open(totp.secret_sealed, totpAad(totp.id));
      const step = await matchTotpStep(secret, code, at, totp.last_step);
      if (step === null) return fail('wrong_or_used');
      const iso = at.toISOString();
      const recoveryCodes = await repo.transaction(async (tx, trx) => {
        if (!(await tx.acceptTotpStep(factorId, step))) return undefined;
        await tx.clearAttempts(actor.accountId);
        return activate(tx, trx, actor, factorId, 'totp', iso, requestId);
      });
      if (recoveryCodes === undefined) return fail('wrong_or_used');
      return {
        factor: { id: factorId, kind: 'totp', createdAt: totp.created_at, lastUsedAt: iso, deviceType: null, backedUp: null },
        recoveryCodes,
      };
    },

    /** Options for navigator.credentials.create(); the challenge is stored for this session, single use, 5 minutes. */
    async webauthnRegistrationOptions(actor: FactorsActor): Promise<PublicKeyCredentialCreationOptionsJSON> {
      await deps.requireRecentStepUp(actor.sessionId);
      const account = await deps.accountOf(actor.accountId);
      const existing = (await repo.listCredentials(actor.accountId)).map(toStoredCredential);
      const options = await registrationOptions(deps.rp, { accountId: actor.accountId, accountNo: account.accountNo }, existing);
      await issueChallenge(actor, 'webauthn.register', options.challenge);
      return options;
    },

    /** Verifies the attestation against the stored challenge (consumed whatever the outcome) and adds the passkey. */
    async verifyWebauthnRegistration(
      actor: FactorsActor,
      response: RegistrationResponseJSON,
      requestId: string | null = null,
    ): Promise<EnrolledFactor> {
      const consume = proofs.consumeChallenge(actor, 'webauthn.register');
      const credential = await verifyRegistration(deps.rp, response, consume);
      if (!credential) return deps.refuse(actor, { ok: false, method: 'webauthn', factorId: null, reason: 'challenge_invalid' }, requestId);
      const at = now().toISOString();
      const factorId = newId();
      const recoveryCodes = await repo
        .transaction(async (tx, trx) => {
          await tx.insertFactor({
            id: factorId,
            account_id: actor.accountId,
            kind: 'webauthn',
            status: 'pending',
            created_at: at,
            confirmed_at: null,
            last_used_at: null,
          });
          await tx.insertWebauthn({
            factor_id: factorId,
            credential_id: credential.credentialId,
            public_key: credential.publicKey,
            sign_count: credential.signCount,
            transports: JSON.stringify(credential.transports),
            device_type: credential.deviceType,
            backed_up: credential.backedUp ? 1 : 0,
            aaguid: credential.aaguid,
          });
          return activate(tx, trx, actor, factorId, 'webauthn', at, requestId);
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? factorsError('FACTOR_ALREADY_ENROLLED', { kind: 'webauthn' }) : error;
        });
      return {
        factor: {
          id: factorId,
          kind: 'webauthn',
          createdAt: at,
          lastUsedAt: at,
          deviceType: credential.deviceType,
          backedUp: credential.backedUp,
        },
        recoveryCodes,
      };
    },

    /** Options for navigator.credentials.get() over the caller's passkeys, for a step-up. */
    async webauthnAuthenticationOptions(actor: FactorsActor): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const credentials = (await repo.listCredentials(actor.accountId)).map(toStoredCredential);
      if (credentials.length === 0) throw factorsError('FACTOR_NOT_ENROLLED', { method: 'webauthn' });
      const options = await authenticationOptions(deps.rp, credentials);
      await issueChallenge(actor, 'webauthn.authenticate', options.challenge);
      return options;
    },
  };
}
