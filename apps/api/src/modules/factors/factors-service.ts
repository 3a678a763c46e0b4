import { AppError } from '../../platform/errors/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { auditActor, createProofChecker, type CheckedProof, type FactorProof, type FactorsActor } from './factor-proofs.ts';
import { factorsError } from './factors-errors.ts';
import {
  ATTEMPT_WINDOW_MS,
  factorRequirement,
  RECOVERY_CODE_COUNT,
  STEP_UP_WINDOW_MS,
  TOTP_ENROLMENT_TTL_MS,
  type FactorRequirement,
} from './factors-policy.ts';
import type { FactorsRepo } from './factors-repo.ts';
import { toFactorView, type FactorsServiceDeps, type FactorView, type RotatedSession } from './factors-types.ts';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes.ts';
import { createEnrolment } from './factor-enrolment.ts';

export type FactorsService = ReturnType<typeof createFactorsService>;

/**
 * Second factors (TOTP, recovery codes, WebAuthn passkeys) and step-up re-authentication. Every method acts on the
 * caller's own account; changes to factors require a recent step-up, and each change commits with its audit event.
 */
export function createFactorsService<Tx>(deps: FactorsServiceDeps<Tx>) {
  const { repo, audit, accounts } = deps;
  const now = deps.now ?? (() => new Date());
  const proofs = createProofChecker({
    repo,
    audit,
    secretBox: deps.secretBox,
    rp: deps.relyingParty,
    passwordCheck: deps.passwordCheck,
    now,
  });

  async function accountOf(accountId: string) {
    const account = await accounts.findAccount(accountId);
    if (!account) throw new AppError('UNAUTHENTICATED');
    return account;
  }

  /** Throws STEP_UP_REQUIRED unless the session re-authenticated (or signed in) within `maxAgeMs`. */
  async function requireRecentStepUp(
    sessionId: string,
    maxAgeMs: number = STEP_UP_WINDOW_MS,
  ): Promise<{ steppedUpAt: string; method: string }> {
    const row = await repo.findStepUp(sessionId);
    const age = row ? now().getTime() - Date.parse(row.stepped_up_at) : Number.POSITIVE_INFINITY;
    if (!row || age > maxAgeMs) throw factorsError('STEP_UP_REQUIRED', { maxAgeSeconds: Math.floor(maxAgeMs / 1000) });
    return { steppedUpAt: row.stepped_up_at, method: row.method };
  }

  /** A fresh set of recovery codes in the caller's transaction; the plaintext codes are returned once, never stored. */
  async function issueRecoveryCodes(
    tx: FactorsRepo<Tx>,
    trx: Tx,
    actor: FactorsActor,
    at: string,
    requestId: string | null,
  ): Promise<string[]> {
    const codes = newRecoveryCodes(RECOVERY_CODE_COUNT);
    const rows = codes.map((code) => ({
      id: newId(),
      account_id: actor.accountId,
      code_hash: hashRecoveryCode(actor.accountId, normalizeRecoveryCode(code) ?? code),
      created_at: at,
      used_at: null,
    }));
    await tx.replaceRecoveryCodes(actor.accountId, rows);
    await audit.appendInTransaction(trx, {
      type: 'factors.recovery_codes_issued',
      actor: auditActor(actor),
      decision: 'allowed',
      requestId,
      data: { count: codes.length },
    });
    return codes;
  }

  async function refuse(actor: FactorsActor, checked: Extract<CheckedProof<Tx>, { ok: false }>, requestId: string | null): Promise<never> {
    await audit.append({
      type: 'factors.verification_failed',
      actor: auditActor(actor),
      decision: 'denied',
      requestId,
      data: { method: checked.method, reason: checked.reason, factorId: checked.factorId },
    });
    if (checked.reason === 'not_enrolled' || checked.reason === 'method_not_allowed' || checked.reason === 'enrolment_expired')
      throw factorsError('FACTOR_NOT_ENROLLED', { method: checked.method });
    throw factorsError('SECOND_FACTOR_INVALID', { method: checked.method });
  }

  const enrolment = createEnrolment({
    repo,
    audit,
    secretBox: deps.secretBox,
    rp: deps.relyingParty,
    now,
    proofs,
    accountOf,
    requireRecentStepUp,
    issueRecoveryCodes,
    refuse,
  });

  /** Tells identity; a session that was waiting for this proof comes back under a new token (`session`). */
  const proven = async (actor: FactorsActor): Promise<{ session?: RotatedSession }> => {
    const session = await deps.onFactorProven?.({ accountId: actor.accountId, sessionId: actor.sessionId });
    return session ? { session } : {};
  };

  return {
    factorRequirement,
    requireRecentStepUp,
    ...enrolment,

    async confirmTotp(...args: Parameters<typeof enrolment.confirmTotp>) {
      const enrolled = await enrolment.confirmTotp(...args);
      return { ...enrolled, ...(await proven(args[0])) };
    },

    async verifyWebauthnRegistration(...args: Parameters<typeof enrolment.verifyWebauthnRegistration>) {
      const enrolled = await enrolment.verifyWebauthnRegistration(...args);
      return { ...enrolled, ...(await proven(args[0])) };
    },

    /** The account's active factors (never secrets), whether one is required, and how many recovery codes remain. */
    async listFactors(
      accountId: string,
    ): Promise<{ requirement: FactorRequirement; factors: FactorView[]; recoveryCodesRemaining: number }> {
      const account = await accountOf(accountId);
      const [rows, remaining] = await Promise.all([repo.listActiveFactors(accountId), repo.countUnusedRecoveryCodes(accountId)]);
      return { requirement: factorRequirement(account), factors: rows.map(toFactorView), recoveryCodesRemaining: remaining };
    },

    /** For sign-in (identity): must this account present a second factor, and can it? */
    async secondFactorStatus(
      accountId: string,
    ): Promise<{ requirement: FactorRequirement; enrolled: boolean; kinds: ('totp' | 'webauthn')[] }> {
      const account = await accountOf(accountId);
      const rows = await repo.listActiveFactors(accountId);
      return { requirement: factorRequirement(account), enrolled: rows.length > 0, kinds: [...new Set(rows.map((r) => r.kind))] };
    },

    /**
     * Re-authenticates the session with a second factor (or, for an account without one, its password) and opens a
     * step-up window of STEP_UP_WINDOW_MS. The proof is single use; attempts count toward the per-account limit.
     */
    async stepUp(
      actor: FactorsActor,
      proof: FactorProof,
      requestId: string | null = null,
    ): Promise<{ method: FactorProof['method']; stepUpUntil: string; recoveryCodesRemaining: number | null; session?: RotatedSession }> {
      await proofs.admit(actor, proof.method, requestId);
      const checked = await proofs.check(actor, proof);
      if (!checked.ok) return refuse(actor, checked, requestId);
      const at = now();
      const iso = at.toISOString();
      const committed = await repo.transaction(async (tx, trx) => {
        if (!(await checked.consume(tx, iso))) return null;
        await tx.upsertStepUp({ session_id_hash: actor.sessionId, account_id: actor.accountId, method: proof.method, stepped_up_at: iso });
        await tx.clearAttempts(actor.accountId);
        let remaining: number | null = null;
        if (proof.method === 'recovery') {
          remaining = await tx.countUnusedRecoveryCodes(actor.accountId);
          await audit.appendInTransaction(trx, {
            type: 'factors.recovery_code_used',
            actor: auditActor(actor),
            decision: 'allowed',
            requestId,
            data: { remaining },
          });
        }
        await audit.appendInTransaction(trx, {
          type: 'factors.stepped_up',
          actor: auditActor(actor),
          decision: 'allowed',
          requestId,
          data: { method: proof.method },
        });
        return { remaining };
      });
      if (!committed)
        return refuse(actor, { ok: false, method: proof.method, factorId: checked.factorId, reason: 'wrong_or_used' }, requestId);
      const rotated = proof.method !== 'password' ? await proven(actor) : {};
      return {
        method: proof.method,
        stepUpUntil: new Date(at.getTime() + STEP_UP_WINDOW_MS).toISOString(),
        recoveryCodesRemaining: committed.remaining,
        ...rotated,
      };
    },

    /**
     * Identity calls this when a session is created by a full sign-in (password, plus the second factor when the
     * account has one): a fresh sign-in counts as recent authentication for the step-up window.
     */
    async recordFreshAuthentication(actor: Pick<FactorsActor, 'accountId' | 'sessionId'>, method = 'sign_in'): Promise<void> {
      await repo.upsertStepUp({
        session_id_hash: actor.sessionId,
        account_id: actor.accountId,
        method,
        stepped_up_at: now().toISOString(),
      });
    },

    /** Removes one of the caller's factors. A staff account's last active factor cannot be removed. */
    async removeFactor(actor: FactorsActor, factorId: string, requestId: string | null = null): Promise<void> {
      await requireRecentStepUp(actor.sessionId);
      const requirement = factorRequirement(await accountOf(actor.accountId));
      const LAST = Symbol('last factor');
      try {
        await repo.transaction(async (tx, trx) => {
          // Concurrent removals of an account's two factors queue here instead of both seeing one left.
          await tx.lockAccountFactors(actor.accountId);
          const factor = await tx.findFactor(actor.accountId, factorId);
          if (!factor) throw new AppError('NOT_FOUND');
          await tx.deleteFactor(actor.accountId, factorId);
          const remaining = await tx.countActiveFactors(actor.accountId);
          if (factor.status === 'active' && remaining === 0 && requirement === 'required') throw LAST;
          // Recovery codes only stand in for a factor; with none left they have nothing to stand in for.
          if (remaining === 0) await tx.deleteRecoveryCodes(actor.accountId);
          await audit.appendInTransaction(trx, {
            type: 'factors.factor_removed',
            actor: auditActor(actor),
            decision: 'allowed',
            requestId,
            data: { factorId, kind: factor.kind, remaining },
          });
        });
      } catch (error) {
        if (error !== LAST) throw error;
        await audit.append({
          type: 'factors.factor_removal_refused',
          actor: auditActor(actor),
          decision: 'denied',
          requestId,
          data: { factorId },
        });
        throw factorsError('LAST_FACTOR_REQUIRED');
      }
    },

    /** Replaces the recovery codes (the old set stops working at once) and returns the new ones, once. */
    async regenerateRecoveryCodes(actor: FactorsActor, requestId: string | null = null): Promise<{ codes: string[] }> {
      await requireRecentStepUp(actor.sessionId);
      if ((await repo.countActiveFactors(actor.accountId)) === 0) throw factorsError('FACTOR_NOT_ENROLLED');
      const at = now().toISOString();
      const codes = await repo.transaction((tx, trx) => issueRecoveryCodes(tx, trx, actor, at, requestId));
      return { codes };
    },

    /** Scheduled housekeeping: expired challenges, old attempts, abandoned enrolments, step-ups long past. */
    purgeStale(): Promise<number> {
      const t = now().getTime();
      const iso = (ms: number) => new Date(ms).toISOString();
      return repo.purgeStale({
        now: iso(t),
        attemptsBefore: iso(t - ATTEMPT_WINDOW_MS),
        pendingBefore: iso(t - TOTP_ENROLMENT_TTL_MS),
        stepUpsBefore: iso(t - 24 * 60 * 60 * 1000),
      });
    },
  };
}
