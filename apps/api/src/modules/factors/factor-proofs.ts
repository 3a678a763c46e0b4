import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { newId } from '../../platform/ids/index.ts';
import type { AuditEventInput } from '../audit/index.ts';
import { attemptsExhausted } from './factors-errors.ts';
import { ATTEMPT_LIMIT, ATTEMPT_WINDOW_MS } from './factors-policy.ts';
import type { CredentialRow, FactorsRepo } from './factors-repo.ts';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';
import { matchTotpStep } from './totp-codes.ts';
import { verifyAssertion, type RelyingParty, type StoredCredential } from './webauthn-ceremonies.ts';

/** The signed-in caller, as the route guard resolves it (`Principal` fits). `sessionId` is the session id hash. */
export type FactorsActor = { accountId: string; sessionId: string; kind: 'staff' | 'customer'; roles: readonly string[] };

export type FactorProof =
  | { method: 'totp'; code: string }
  | { method: 'recovery'; code: string }
  | { method: 'webauthn'; response: AuthenticationResponseJSON }
  /** Only for an account with no active second factor (a customer who has not opted in): never instead of one. */
  | { method: 'password'; password: string };
export type ProofMethod = FactorProof['method'];

/** Seals the TOTP secret (the vault in production; AES-256-GCM in tests). `aad` binds it to its factor row. */
export type SecretBox = {
  seal: (plaintext: string, aad: string) => Promise<string>;
  open: (sealed: string, aad: string) => Promise<string>;
};

export type FailureReason =
  | 'wrong_or_used'
  | 'not_enrolled'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'challenge_invalid'
  | 'counter_regressed'
  | 'enrolment_expired';

/**
 * A proof checked against the stored factor. Checking writes nothing; `consume` then makes it single use inside
 * the caller's transaction (TOTP step, recovery code, signature counter) and returns false when a concurrent
 * request consumed it first.
 */
export type CheckedProof<Tx> =
  | { ok: true; method: ProofMethod; factorId: string | null; consume: (tx: FactorsRepo<Tx>, at: string) => Promise<boolean> }
  | { ok: false; method: ProofMethod; factorId: string | null; reason: FailureReason };

export const totpAad = (factorId: string) => `factors_totp.secret_sealed:${factorId}`;

export const auditActor = (actor: FactorsActor) => ({
  accountId: actor.accountId,
  role: actor.roles.join(',') || null,
  sessionId: actor.sessionId,
});

export function toStoredCredential(row: CredentialRow): StoredCredential {
  return {
    credentialId: row.credential_id,
    publicKey: row.public_key,
    signCount: row.sign_count,
    transports: JSON.parse(row.transports) as string[],
  };
}

export type ProofDeps<Tx> = {
  repo: FactorsRepo<Tx>;
  audit: { append: (event: AuditEventInput) => Promise<void> };
  secretBox: SecretBox;
  rp: RelyingParty;
  passwordCheck?: ((accountId: string, password: string) => Promise<boolean>) | undefined;
  now: () => Date;
};

export function createProofChecker<Tx>(deps: ProofDeps<Tx>) {
  const { repo, now } = deps;

  /**
   * The per-account attempt limit, kept in the database so that every instance shares it. The attempt is recorded
   * before it is checked, so a burst of parallel guesses cannot slip past the count; a refused attempt is removed
   * again, so the lock ends one window after the last attempt that was actually checked.
   */
  async function admit(actor: FactorsActor, method: ProofMethod, requestId: string | null): Promise<void> {
    const at = now();
    const id = newId(at.getTime());
    await repo.insertAttempt({ id, account_id: actor.accountId, at: at.toISOString() });
    const { count, oldest } = await repo.attemptsSince(actor.accountId, new Date(at.getTime() - ATTEMPT_WINDOW_MS).toISOString());
    if (count <= ATTEMPT_LIMIT) return;
    await repo.deleteAttempt(id);
    const retryMs = (oldest ? Date.parse(oldest) : at.getTime()) + ATTEMPT_WINDOW_MS - at.getTime();
    await deps.audit.append({
      type: 'factors.verification_failed',
      actor: auditActor(actor),
      decision: 'denied',
      requestId,
      data: { method, reason: 'rate_limited', factorId: null },
    });
    throw attemptsExhausted(Math.max(1, Math.ceil(retryMs / 1000)));
  }

  const consumeChallenge = (actor: FactorsActor, purpose: 'webauthn.register' | 'webauthn.authenticate') => (challenge: string) =>
    repo.consumeChallenge({ account_id: actor.accountId, session_id_hash: actor.sessionId, purpose, challenge }, now().toISOString());

  async function check(actor: FactorsActor, proof: FactorProof): Promise<CheckedProof<Tx>> {
    const fail = (reason: FailureReason, factorId: string | null = null): CheckedProof<Tx> => ({
      ok: false,
      method: proof.method,
      factorId,
      reason,
    });
    const ok = (factorId: string | null, consume: (tx: FactorsRepo<Tx>, at: string) => Promise<boolean>): CheckedProof<Tx> => ({
      ok: true,
      method: proof.method,
      factorId,
      consume,
    });
    const markUsed = async (tx: FactorsRepo<Tx>, factorId: string, at: string) => {
      await tx.markFactorUsed(factorId, at);
      return true;
    };
    switch (proof.method) {
      case 'totp': {
        const totp = await repo.findTotp(actor.accountId);
        if (!totp || totp.status !== 'active') return fail('not_enrolled');
        const secret = await deps.secretBox.open(totp.secret_sealed, totpAad(totp.id));
        const step = await matchTotpStep(secret, proof.code, now(), totp.last_step);
        if (step === null) return fail('wrong_or_used', totp.id);
        return ok(totp.id, async (tx, at) => (await tx.acceptTotpStep(totp.id, step)) && markUsed(tx, totp.id, at));
      }
      case 'recovery': {
        const normalized = normalizeRecoveryCode(proof.code);
        if (!normalized) return fail('wrong_or_used');
        const hash = hashRecoveryCode(actor.accountId, normalized);
        // The hash lookup is the check; marking the code used is the consumption (false: wrong or already used).
        return ok(null, (tx, at) => tx.useRecoveryCode(actor.accountId, hash, at));
      }
      case 'webauthn': {
        const row = await repo.findCredential(actor.accountId, proof.response.id);
        if (!row) return fail('not_enrolled');
        const outcome = await verifyAssertion(
          deps.rp,
          proof.response,
          toStoredCredential(row),
          consumeChallenge(actor, 'webauthn.authenticate'),
        );
        if (!outcome.ok) return fail(outcome.reason === 'counter_regressed' ? 'counter_regressed' : 'challenge_invalid', row.factor_id);
        return ok(
          row.factor_id,
          async (tx, at) => (await tx.updateSignCount(row.factor_id, row.sign_count, outcome.next)) && markUsed(tx, row.factor_id, at),
        );
      }
      case 'password': {
        if (!deps.passwordCheck || (await repo.countActiveFactors(actor.accountId)) > 0) return fail('method_not_allowed');
        return (await deps.passwordCheck(actor.accountId, proof.password)) ? ok(null, async () => true) : fail('wrong_or_used');
      }
    }
  }

  return { admit, check, consumeChallenge };
}
