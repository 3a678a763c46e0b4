import { randomInt, timingSafeEqual } from 'node:crypto';
import type {
  ContactChannel,
  TPasswordResetCompleteRequest,
  TRegisterCompleteRequest,
  TRegisterStartRequest,
  TRegisterStartResponse,
} from '@sealbridge/contracts';
import type { AccountProfilesTable, AccountsTable, CodePurpose } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { DeliveryPort } from '../delivery/index.ts';
import type { Vault } from '../vault/index.ts';
import type { AttemptLimiter, LimitRule } from './attempt-limiter.ts';
import { normalizeContact, type ContactDirectory } from './contact-directory.ts';
import type { IdentityService, SessionContext } from './identity-service.ts';
import { hashPassword } from './password-hashing.ts';
import { assessPassword } from './password-policy.ts';
import type { RegistrationRepo } from './registration-repo.ts';

export const CODE_TTL_SECONDS = 600;
export const CODE_MAX_ATTEMPTS = 5;
/** Code sending, per address (whether or not it has an account) and per client address. */
export const SEND_LIMITS = {
  perAddressMinute: { name: 'reg_addr_1m', max: 1, windowMs: 60_000 },
  perAddressHour: { name: 'reg_addr_1h', max: 5, windowMs: 3_600_000 },
  perClientHour: { name: 'reg_ip_1h', max: 20, windowMs: 3_600_000 },
} as const satisfies Record<string, LimitRule>;

const NO_ACTOR = { accountId: null, role: null, sessionId: null };

/** The identifiers a password must not be built from: the address, its local part, the national number. */
function personalInputs(address: string): string[] {
  return [address, address.split('@')[0] ?? '', address.replace(/^\+86/, ''), 'sealbridge', 'fengqiao'].filter((s) => s.length > 2);
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

/**
 * Customer registration with a one-time code (issue 5, item 1). `start` answers identically whether or not the
 * address has an account — the message differs (a code, or "you already have an account"), the response does not.
 * Codes are stored only as keyed digests, expire, are single-use and allow CODE_MAX_ATTEMPTS guesses.
 */
export function createRegistrationService(deps: {
  repo: RegistrationRepo;
  vault: Pick<Vault, 'keyedDigest' | 'createSubject' | 'sealFields'>;
  contacts: ContactDirectory;
  delivery: DeliveryPort;
  audit: Pick<AuditPort, 'append' | 'appendInTransaction'>;
  limiter: AttemptLimiter;
  sessions: Pick<IdentityService, 'startSession' | 'endAllSessions'>;
  now?: () => Date;
}) {
  const { repo, vault, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const addressHash = (channel: ContactChannel, address: string) =>
    vault.keyedDigest('identity_registration_address', `${channel}:${address}`);
  const codeHash = (id: string, code: string) => vault.keyedDigest('identity_registration_code', `${id}:${code}`);

  function contactOrThrow(channel: ContactChannel, raw: string): string {
    const address = normalizeContact(channel, raw);
    if (address === null) throw new AppError('INVALID_IDENTIFIER', `invalid ${channel}`, { fields: ['address'] });
    return address;
  }

  async function limit(key: string, rule: LimitRule) {
    const verdict = await deps.limiter.hit(key, rule);
    if (!verdict.allowed)
      throw new AppError('RATE_LIMITED', `limit ${rule.name}`, { retryAfterSeconds: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) });
  }

  async function reject(
    purpose: CodePurpose,
    channel: ContactChannel,
    reason: 'no_live_code' | 'wrong_code' | 'attempts_exhausted' | 'already_used',
    requestId: string | null,
    details?: Record<string, unknown>,
  ): Promise<never> {
    const type = purpose === 'registration' ? 'identity.registration_code_rejected' : 'identity.password_reset_code_rejected';
    await audit.append({ type, actor: NO_ACTOR, decision: 'denied', requestId, data: { channel, reason } });
    throw new AppError('INVALID_CODE', `${purpose} code ${reason}`, details);
  }

  /** Sends-limits, then a new code row for the address (ending older ones); returns the code to send. */
  async function issueCode(purpose: CodePurpose, channel: ContactChannel, address: string, clientIp: string): Promise<string> {
    const hash = addressHash(channel, address);
    await limit(clientIp, SEND_LIMITS.perClientHour);
    await limit(`${purpose}:${hash}`, SEND_LIMITS.perAddressMinute);
    await limit(`${purpose}:${hash}`, SEND_LIMITS.perAddressHour);
    const id = newId();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const at = now();
    await repo.transaction(async (tx) => {
      await tx.supersedeCodes(purpose, hash, at.toISOString());
      await tx.insertCode({
        id,
        purpose,
        channel,
        address_hash: hash,
        code_hash: codeHash(id, code),
        attempts: 0,
        expires_at: new Date(at.getTime() + CODE_TTL_SECONDS * 1000).toISOString(),
        consumed_at: null,
        created_at: at.toISOString(),
      });
    });
    return code;
  }

  /** Refuses a weak new password before the code is touched (a weak password does not spend the code). */
  async function assertStrong(password: string, address: string): Promise<void> {
    const assessment = await assessPassword(password, personalInputs(address));
    if (!assessment.ok) {
      throw new AppError('WEAK_PASSWORD', 'password refused by policy', {
        problems: assessment.problems,
        score: assessment.score,
        warning: assessment.feedback.warning,
        suggestions: assessment.feedback.suggestions,
      });
    }
  }

  /** Checks and uses up the live code of an address: one guess spent per try, single use, compared in constant time. */
  async function spendCode(
    purpose: CodePurpose,
    channel: ContactChannel,
    address: string,
    code: string,
    requestId: string | null,
  ): Promise<void> {
    const live = await repo.findLiveCode(purpose, addressHash(channel, address), now().toISOString());
    if (!live) return reject(purpose, channel, 'no_live_code', requestId);
    if (!(await repo.spendAttempt(live.id, CODE_MAX_ATTEMPTS))) return reject(purpose, channel, 'attempts_exhausted', requestId);
    const presented = Buffer.from(codeHash(live.id, code));
    const expected = Buffer.from(live.code_hash);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return reject(purpose, channel, 'wrong_code', requestId, { attemptsLeft: Math.max(0, CODE_MAX_ATTEMPTS - live.attempts - 1) });
    }
    if (!(await repo.consumeCode(live.id, now().toISOString()))) return reject(purpose, channel, 'already_used', requestId);
  }

  async function newAccountNo(): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const candidate = `C-${randomInt(10_000_000, 100_000_000)}`;
      if (!(await repo.accountNoTaken(candidate))) return candidate;
    }
    throw new AppError('SERVICE_UNAVAILABLE', 'no free customer number');
  }

  return {
    async start(input: TRegisterStartRequest, context: { clientIp: string; requestId?: string }): Promise<TRegisterStartResponse> {
      const address = contactOrThrow(input.channel, input.address);
      // A code row is written either way (for a registered address its code is never sent), so both paths do the
      // same work; a new code ends the older ones.
      const code = await issueCode('registration', input.channel, address, context.clientIp);
      const registered = (await deps.contacts.findAccountIds(input.channel, address)).length > 0;
      await deps.delivery.send(
        registered
          ? { channel: input.channel, to: address, template: 'registration_already_registered', params: {} }
          : { channel: input.channel, to: address, template: 'registration_code', params: { code, minutes: CODE_TTL_SECONDS / 60 } },
      );
      await audit.append({
        type: 'identity.registration_code_requested',
        actor: NO_ACTOR,
        decision: 'allowed',
        requestId: context.requestId ?? null,
        data: { channel: input.channel, notice: registered ? 'already_registered' : 'code' },
      });
      return {
        status: 'sent',
        channel: input.channel,
        expiresInSeconds: CODE_TTL_SECONDS,
        resendAfterSeconds: SEND_LIMITS.perAddressMinute.windowMs / 1000,
      };
    },

    /**
     * Checks the password policy first (a weak password does not spend the code), then the code, then creates the
     * account, its vault profile with the verified contact and the audit record in one transaction, and signs in.
     */
    async complete(input: TRegisterCompleteRequest, context: SessionContext) {
      const requestId = context.requestId ?? null;
      const address = contactOrThrow(input.channel, input.address);
      await assertStrong(input.password, address);
      await spendCode('registration', input.channel, address, input.code, requestId);
      // The person proved they hold the address; only a concurrent registration can have taken it since.
      if ((await deps.contacts.findAccountIds(input.channel, address)).length > 0)
        throw new AppError('CONFLICT', 'contact already registered');

      const passwordHash = await hashPassword(input.password);
      const accountId = newId();
      const accountNo = await newAccountNo();
      // Key store and ciphertexts first, outside the transaction (an orphan key is harmless, data without one is not).
      const subject = await vault.createSubject('customer');
      const sealed = await vault.sealFields(subject, 'account_profiles', accountId, { [input.channel]: address });
      const at = now().toISOString();
      const account: AccountsTable = {
        id: accountId,
        kind: 'customer',
        login_name: accountNo.toLowerCase(),
        account_no: accountNo,
        roles: input.roles.join(','),
        password_hash: passwordHash,
        status: 'active',
        created_at: at,
        updated_at: at,
      };
      const profile: AccountProfilesTable = {
        account_id: accountId,
        subject_id: subject.subjectId,
        real_name_ct: null,
        mobile_ct: sealed['mobile_ct'] ?? null,
        mobile_bidx: sealed['mobile_bidx'] ?? null,
        email_ct: sealed['email_ct'] ?? null,
        email_bidx: sealed['email_bidx'] ?? null,
        wechat_ct: null,
        id_number_ct: null,
        id_number_bidx: null,
        address_ct: null,
        updated_at: at,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insertAccount(account);
        await tx.insertProfile(profile);
        await audit.appendInTransaction(trx, {
          type: 'identity.account_registered',
          actor: { accountId, role: account.roles, sessionId: null },
          decision: 'allowed',
          subjectId: subject.subjectId,
          fields: [`account_profiles.${input.channel}`],
          requestId,
          data: { channel: input.channel, roles: input.roles },
        });
      });
      return deps.sessions.startSession(account, context);
    },

    /**
     * Password reset, step 1: the same answer whether or not the address belongs to exactly one account. The owner
     * gets a code; any other address gets a notice that no account uses it (both paths write a code row).
     */
    async startReset(input: TRegisterStartRequest, context: { clientIp: string; requestId?: string }): Promise<TRegisterStartResponse> {
      const address = contactOrThrow(input.channel, input.address);
      const code = await issueCode('password_reset', input.channel, address, context.clientIp);
      const owner = (await deps.contacts.findAccountIds(input.channel, address)).length === 1;
      await deps.delivery.send(
        owner
          ? { channel: input.channel, to: address, template: 'password_reset_code', params: { code, minutes: CODE_TTL_SECONDS / 60 } }
          : { channel: input.channel, to: address, template: 'password_reset_no_account', params: {} },
      );
      await audit.append({
        type: 'identity.password_reset_requested',
        actor: NO_ACTOR,
        decision: 'allowed',
        requestId: context.requestId ?? null,
        data: { channel: input.channel, notice: owner ? 'code' : 'no_account' },
      });
      return {
        status: 'sent',
        channel: input.channel,
        expiresInSeconds: CODE_TTL_SECONDS,
        resendAfterSeconds: SEND_LIMITS.perAddressMinute.windowMs / 1000,
      };
    },

    /**
     * Password reset, step 2: a strong new password and the code. Every session of the account ends; nobody is signed
     * in — the next sign-in asks for the second factor as before (a reset never touches factors).
     */
    async completeReset(input: TPasswordResetCompleteRequest, context: { requestId?: string }): Promise<void> {
      const requestId = context.requestId ?? null;
      const address = contactOrThrow(input.channel, input.address);
      await assertStrong(input.password, address);
      await spendCode('password_reset', input.channel, address, input.code, requestId);
      const ids = await deps.contacts.findAccountIds(input.channel, address);
      const accountId = ids.length === 1 ? ids[0] : undefined;
      if (!accountId) return reject('password_reset', input.channel, 'no_live_code', requestId);
      await repo.updatePassword(accountId, await hashPassword(input.password), now().toISOString());
      const ended = await deps.sessions.endAllSessions(accountId);
      await audit.append({
        type: 'identity.password_reset',
        actor: { accountId, role: null, sessionId: null },
        decision: 'allowed',
        requestId,
        data: { channel: input.channel, sessionsEnded: ended },
      });
    },

    purgeExpiredCodes: () => repo.deleteCodesExpiredBefore(new Date(now().getTime() - 24 * 60 * 60 * 1000).toISOString()),
  };
}
