import { createHash } from 'node:crypto';
import { ROLES, rolesAllow, type Permission, type Role, type TAccount } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { newId, newToken } from '../../platform/ids/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AccountsTable } from '../../db/schema.ts';
import { dummyHash, hashPassword, verifyPassword } from './password-hashing.ts';
import type { AuditPort } from '../audit/index.ts';
import type { IdentityRepo } from './identity-repo.ts';
import { parseLoginName, type ContactDirectory } from './contact-directory.ts';
import type { LoginThrottle } from './login-throttle.ts';

/** Idle and absolute session lifetimes (ASVS 7.3). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parseRoles(text: string): Role[] {
  return text.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export function toAccountDto(row: AccountsTable): TAccount {
  return {
    id: row.id,
    loginName: row.login_name,
    displayName: row.account_no,
    kind: row.kind,
    roles: parseRoles(row.roles),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export type IdentityDeps = {
  repo: IdentityRepo;
  audit?: Pick<AuditPort, 'append'>;
  now?: () => Date;
  /** Sign-in by the mobile or e-mail of a customer's vault profile (the composition root always wires it). */
  contacts?: ContactDirectory;
  /** Progressive lockout per presented name; `digest` keys it without storing the name (vault.keyedDigest). */
  lockout?: { throttle: LoginThrottle; digest: (canonicalName: string) => string };
  /** Told of every new session (the factors module counts a fresh password sign-in as a recent authentication). */
  onSessionStarted?: (session: { accountId: string; sessionId: string }) => Promise<void>;
};

export function createIdentityService(deps: IdentityDeps) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * The account a presented name belongs to: a log-in name, else the mobile or e-mail of exactly one profile.
   * An unknown contact still makes the account query, so both paths do the same database work.
   */
  async function resolveAccount(presented: ReturnType<typeof parseLoginName>): Promise<AccountsTable | undefined> {
    const byName = await repo.findAccountByLoginName(presented.name);
    if (byName || !presented.contact || !deps.contacts) return byName;
    const ids = await deps.contacts.findAccountIds(presented.contact.channel, presented.contact.address);
    const row = await repo.findAccountById(ids.length === 1 ? (ids[0] ?? '') : '');
    return ids.length === 1 ? row : undefined;
  }

  async function startSession(account: AccountsTable, requestId?: string) {
    const at = now();
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(at.getTime() + SESSION_ABSOLUTE_MS);
    await repo.insertSession({
      id_hash: hashToken(token),
      account_id: account.id,
      csrf_token: csrfToken,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
    });
    await audit?.append({
      type: 'identity.signed_in',
      actor: { accountId: account.id, role: account.roles, sessionId: hashToken(token) },
      decision: 'allowed',
      requestId: requestId ?? null,
    });
    await deps.onSessionStarted?.({ accountId: account.id, sessionId: hashToken(token) });
    return { account: toAccountDto(account), token, csrfToken, expiresAt };
  }

  return {
    /**
     * Same answer and comparable timing for an unknown name and a wrong password (no enumeration, ASVS 6.3.8):
     * an unknown name is verified against a dummy hash and locked out exactly like a known one.
     */
    async login(loginName: string, password: string, requestId?: string) {
      const presented = parseLoginName(loginName);
      const lockout = deps.lockout;
      const keyHash = lockout?.digest(presented.canonical);
      const state = lockout && keyHash ? await lockout.throttle.check(keyHash) : undefined;
      const failed = (accountId: string | null, reason: 'unknown_or_wrong_password' | 'disabled' | 'locked') =>
        audit?.append({
          type: 'identity.sign_in_failed',
          actor: { accountId, role: null, sessionId: null },
          decision: 'denied',
          requestId: requestId ?? null,
          data: { reason },
        });
      if (state && state.retryAfterSeconds > 0) {
        await failed(null, 'locked');
        throw new AppError('ACCOUNT_LOCKED', 'sign-in name locked', { retryAfterSeconds: state.retryAfterSeconds });
      }
      const account = await resolveAccount(presented);
      const verdict = await verifyPassword(account?.password_hash ?? (await dummyHash()), password);
      if (!account || !verdict.ok || account.status !== 'active') {
        const counted = lockout && keyHash ? await lockout.throttle.fail(keyHash) : undefined;
        await Promise.all([
          failed(account?.id ?? null, account && verdict.ok ? 'disabled' : 'unknown_or_wrong_password'),
          counted && counted.lockedSeconds > 0
            ? audit?.append({
                type: 'identity.sign_in_locked',
                actor: { accountId: account?.id ?? null, role: null, sessionId: null },
                decision: 'denied',
                requestId: requestId ?? null,
                data: { failures: counted.failures, lockedSeconds: counted.lockedSeconds },
              })
            : undefined,
        ]);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (lockout && keyHash && state?.hasFailures) await lockout.throttle.succeed(keyHash);
      if (verdict.needsRehash) await repo.updatePasswordHash(account.id, await hashPassword(password), now().toISOString());
      return startSession(account, requestId);
    },

    /** Opens a session for an account that has just proved itself (sign-in, registration). */
    startSession,

    /** Resolves a session cookie to a principal; idle, expired, revoked or disabled sessions resolve to null. */
    async authenticate(token: string | undefined): Promise<Principal | null> {
      if (!token || token.length > 128) return null;
      const at = now();
      const idHash = hashToken(token);
      const session = await repo.findLiveSession(idHash, at.toISOString());
      if (!session || session.status !== 'active') return null;
      const idleFor = at.getTime() - Date.parse(session.last_seen_at);
      if (idleFor > SESSION_IDLE_MS) {
        await repo.revokeSession(idHash, at.toISOString());
        return null;
      }
      if (idleFor > TOUCH_EVERY_MS) await repo.touchSession(idHash, at.toISOString());
      return {
        accountId: session.account_id,
        sessionId: idHash,
        kind: session.kind,
        roles: parseRoles(session.roles),
        csrfToken: session.csrf_token,
      };
    },

    async logout(principal: Principal, requestId?: string) {
      await repo.revokeSession(principal.sessionId, now().toISOString());
      await audit?.append({
        type: 'identity.signed_out',
        actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
        decision: 'allowed',
        requestId: requestId ?? null,
      });
    },

    async getAccount(principal: Principal): Promise<TAccount> {
      const row = await repo.findAccountById(principal.accountId);
      if (!row) throw new AppError('UNAUTHENTICATED');
      return toAccountDto(row);
    },

    isAllowed(principal: Principal, permission: Permission): boolean {
      return rolesAllow(principal.roles, permission);
    },

    async createAccount(input: { kind: 'staff' | 'customer'; loginName: string; accountNo: string; roles: Role[]; password: string }) {
      const at = now().toISOString();
      const row: AccountsTable = {
        id: newId(),
        kind: input.kind,
        login_name: input.loginName.trim().toLowerCase(),
        account_no: input.accountNo,
        roles: input.roles.join(','),
        password_hash: await hashPassword(input.password),
        status: 'active',
        created_at: at,
        updated_at: at,
      };
      await repo.insertAccount(row);
      return toAccountDto(row);
    },

    countAccounts: () => repo.countAccounts(),

    /**
     * Ends every session of an account (offboarding, a password change, "sign out everywhere"). Each request
     * re-reads its session, so the next request on any instance is refused.
     */
    async endAllSessions(accountId: string): Promise<number> {
      return (await repo.revokeAllSessions(accountId, now().toISOString())).length;
    },

    /** Enables or disables an account; a disabled account cannot sign in and its sessions resolve to nothing. */
    async setAccountStatus(accountId: string, status: 'active' | 'disabled'): Promise<void> {
      await repo.updateAccountStatus(accountId, status, now().toISOString());
    },

    /** Replaces an account's roles (staff administration); takes effect on the next request of every session. */
    async setRoles(accountId: string, roles: readonly Role[]): Promise<void> {
      await repo.updateAccountRoles(accountId, roles.join(','), now().toISOString());
    },

    /** Scheduled housekeeping: sessions dead for over a day are deleted. */
    purgeStaleSessions: () => repo.deleteStaleSessions(new Date(now().getTime() - 24 * 60 * 60 * 1000).toISOString()),
  };
}
