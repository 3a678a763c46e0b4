import { createHash } from 'node:crypto';
import { ROLES, rolesAllow, type Permission, type Role, type TAccount } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { newId, newToken } from '../../platform/ids/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AccountsTable, SessionStage } from '../../db/schema.ts';
import { dummyHash, hashPassword, verifyPassword } from './password-hashing.ts';
import type { AuditPort } from '../audit/index.ts';
import type { IdentityRepo } from './identity-repo.ts';
import { parseLoginName, type ContactDirectory } from './contact-directory.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { deviceLabel, type DeviceLabel } from './device-label.ts';
import { SESSION_CACHE_TTL_MS, type LiveSession, type SessionCache } from './session-cache.ts';

/** Idle and absolute session lifetimes (ASVS 7.3). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

/** Where a sign-in comes from: the random id of the device cookie (when the browser has one) and its User-Agent. */
export type DeviceContext = { deviceId?: string | undefined; userAgent?: string | undefined };
export type SessionContext = { requestId?: string | undefined; device?: DeviceContext | undefined };

/** What sign-in needs to know of an account's second factors (the factors module). */
export type SecondFactorStatus = { requirement: 'required' | 'optional'; enrolled: boolean; kinds: readonly ('totp' | 'webauthn')[] };

/** The methods that can finish a sign-in waiting for its second factor. */
export type SecondFactorMethod = 'totp' | 'webauthn' | 'recovery';

export type SessionView = {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  device: DeviceLabel;
  stage: SessionStage;
};

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
  /**
   * Told of every session that starts without waiting for a second factor (the factors module counts a fresh
   * sign-in as a recent authentication).
   */
  onSessionStarted?: (session: { accountId: string; sessionId: string }) => Promise<void>;
  /** The account's second factors: an enrolled account signs in in two steps; staff without one must enrol first. */
  secondFactor?: (accountId: string) => Promise<SecondFactorStatus>;
  /** Sessions cached for every instance (Redis); without it each request reads the database. */
  cache?: SessionCache;
  /** Keyed digest of a device id, so the known-device list holds no usable identifier (vault.keyedDigest). */
  deviceDigest?: (accountId: string, deviceId: string) => string;
  /** Sends the new-device notice to the account's contact (delivery port); failures are logged, never fatal. */
  notifyNewDevice?: (notice: { accountId: string; device: DeviceLabel; at: string }) => Promise<boolean>;
  onCacheError?: (error: unknown) => void;
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

  async function stageFor(account: AccountsTable): Promise<{ stage: SessionStage; methods: SecondFactorMethod[] | null }> {
    const status = await deps.secondFactor?.(account.id);
    if (!status) return { stage: 'active', methods: null };
    if (status.enrolled) return { stage: 'second_factor', methods: [...status.kinds, 'recovery'] };
    return status.requirement === 'required' ? { stage: 'enrol_factor', methods: null } : { stage: 'active', methods: null };
  }

  /** A sign-in from a device this account never used before is recorded, audited and told to the account's owner. */
  async function noticeDevice(account: AccountsTable, device: DeviceContext | undefined, at: string, requestId?: string): Promise<void> {
    if (!device?.deviceId || !deps.deviceDigest) return;
    const hash = deps.deviceDigest(account.id, device.deviceId);
    if (await repo.touchKnownDevice(account.id, hash, at)) return;
    const first = (await repo.countKnownDevices(account.id)) === 0;
    await repo.insertKnownDevice({ account_id: account.id, device_hash: hash, first_seen_at: at, last_seen_at: at });
    // The device an account was created or first used on is not news to its owner.
    if (first) return;
    const label = deviceLabel(device.userAgent);
    const notified = deps.notifyNewDevice
      ? await deps.notifyNewDevice({ accountId: account.id, device: label, at }).catch(() => false)
      : false;
    await audit?.append({
      type: 'identity.new_device_signed_in',
      actor: { accountId: account.id, role: account.roles, sessionId: null },
      decision: 'allowed',
      requestId: requestId ?? null,
      data: { browser: label.browser, os: label.os, notified },
    });
  }

  async function startSession(account: AccountsTable, context: SessionContext = {}, stage: SessionStage = 'active') {
    const at = now();
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(at.getTime() + SESSION_ABSOLUTE_MS);
    const label = deviceLabel(context.device?.userAgent);
    const idHash = hashToken(token);
    await repo.insertSession({
      id_hash: idHash,
      account_id: account.id,
      csrf_token: csrfToken,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
      public_id: newId(),
      stage,
      device_browser: label.browser,
      device_os: label.os,
    });
    await audit?.append({
      type: 'identity.signed_in',
      actor: { accountId: account.id, role: account.roles, sessionId: idHash },
      decision: 'allowed',
      requestId: context.requestId ?? null,
      data: { stage },
    });
    await noticeDevice(account, context.device, at.toISOString(), context.requestId);
    // A session waiting for its second factor has not authenticated yet; its step-up will count instead.
    if (stage !== 'second_factor') await deps.onSessionStarted?.({ accountId: account.id, sessionId: idHash });
    return { account: toAccountDto(account), token, csrfToken, expiresAt, stage };
  }

  /** Drops cached copies of sessions after a change was committed (no-op without a cache). */
  async function poison(idHashes: readonly string[]): Promise<void> {
    if (!deps.cache || idHashes.length === 0) return;
    await deps.cache.poison(idHashes);
  }

  async function poisonAccount(accountId: string): Promise<void> {
    if (deps.cache) await poison(await repo.liveSessionHashes(accountId, now().toISOString()));
  }

  /** The live session behind an id hash: the cache when it has a fresh copy, else the database. */
  async function liveSession(idHash: string, at: Date): Promise<LiveSession | undefined> {
    const cache = deps.cache;
    if (cache) {
      try {
        const cached = await cache.get(idHash);
        if (cached && cached !== 'poisoned') return Date.parse(cached.expires_at) > at.getTime() ? cached : undefined;
        const row = await repo.findLiveSession(idHash, at.toISOString());
        if (row && cached === null) await cache.fill(row, Math.min(SESSION_CACHE_TTL_MS, Date.parse(row.expires_at) - at.getTime()));
        return row;
      } catch (error) {
        deps.onCacheError?.(error);
      }
    }
    return repo.findLiveSession(idHash, at.toISOString());
  }

  /**
   * The counters one sign-in attempt draws on. A known device: its own per-account budget only. Otherwise: the
   * presented name's counter (which alone answers ACCOUNT_LOCKED) and, for an existing account, the budget shared by
   * all its unknown devices (`accountLocked`: refuse silently, see login).
   */
  async function lockoutBudget(
    lockout: NonNullable<IdentityDeps['lockout']>,
    canonicalName: string,
    account: AccountsTable | undefined,
    device: DeviceContext | undefined,
  ) {
    const { throttle, digest } = lockout;
    const deviceHash = account && device?.deviceId && deps.deviceDigest ? deps.deviceDigest(account.id, device.deviceId) : undefined;
    const known = account && deviceHash ? await repo.isKnownDevice(account.id, deviceHash) : false;
    const keys =
      known && account && deviceHash
        ? [digest(`account:${account.id}:device:${deviceHash}`)]
        : [digest(canonicalName), ...(account ? [digest(`account:${account.id}:new`)] : [])];
    const states = await Promise.all(keys.map((k) => throttle.check(k)));
    const [own, shared] = states;
    return {
      /** Seconds the answer may say "locked" for: the known device's budget, or the presented name's counter. */
      locked: own?.retryAfterSeconds ?? 0,
      accountLocked: (shared?.retryAfterSeconds ?? 0) > 0,
      async fail() {
        const counted = await Promise.all(keys.map((k) => throttle.fail(k)));
        return counted.reduce((a, b) => (b.lockedSeconds > a.lockedSeconds ? b : a));
      },
      async succeed() {
        await Promise.all(keys.filter((_, i) => states[i]?.hasFailures).map((k) => throttle.succeed(k)));
      },
    };
  }

  return {
    /**
     * Same answer and comparable timing for an unknown name and a wrong password (no enumeration, ASVS 6.3.8).
     *
     * Lockout (ASVS 6.3.1, 6.3.5): failures count per ACCOUNT, across all its log-in names, in two budgets — one per
     * device the account has signed in from before (the `sb_device` cookie) and one shared by every other device —
     * so a stranger who exhausts the shared budget cannot lock the owner out of the browser they always use. Every
     * presented name also has its own counter, kept exactly as for an unknown name: only that counter decides when
     * the answer says ACCOUNT_LOCKED. When the account's shared budget is locked but the name's own counter is not
     * (another alias of the account), the attempt is refused as a wrong password — after the full password hash —
     * so locking one name never tells that another name belongs to the same account.
     */
    async login(loginName: string, password: string, context: SessionContext = {}) {
      const requestId = context.requestId;
      const presented = parseLoginName(loginName);
      const lockout = deps.lockout;
      const failed = (accountId: string | null, reason: 'unknown_or_wrong_password' | 'disabled' | 'locked') =>
        audit?.append({
          type: 'identity.sign_in_failed',
          actor: { accountId, role: null, sessionId: null },
          decision: 'denied',
          requestId: requestId ?? null,
          data: { reason },
        });
      const account = await resolveAccount(presented);
      const budget = lockout ? await lockoutBudget(lockout, presented.canonical, account, context.device) : undefined;
      if (budget?.locked) {
        await failed(account?.id ?? null, 'locked');
        throw new AppError('ACCOUNT_LOCKED', 'sign-in locked', { retryAfterSeconds: budget.locked });
      }
      const verdict = await verifyPassword(account?.password_hash ?? (await dummyHash()), password);
      const silentlyLocked = budget?.accountLocked === true;
      if (!account || !verdict.ok || account.status !== 'active' || silentlyLocked) {
        const counted = budget ? await budget.fail() : undefined;
        await Promise.all([
          failed(account?.id ?? null, silentlyLocked ? 'locked' : account && verdict.ok ? 'disabled' : 'unknown_or_wrong_password'),
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
        if (account && verdict.ok && account.closed_at && !silentlyLocked) throw new AppError('ACCOUNT_CLOSED');
        throw new AppError('INVALID_CREDENTIALS');
      }
      await budget?.succeed();
      if (verdict.needsRehash) await repo.updatePasswordHash(account.id, await hashPassword(password), now().toISOString());
      const { stage, methods } = await stageFor(account);
      return { ...(await startSession(account, context, stage)), secondFactor: methods ? { methods } : null };
    },

    /** Opens a session for an account that has just proved itself (sign-in, registration). */
    startSession,

    /** Resolves a session cookie to a principal; idle, expired, revoked or disabled sessions resolve to null. */
    async authenticate(token: string | undefined): Promise<Principal | null> {
      if (!token || token.length > 128) return null;
      const at = now();
      const idHash = hashToken(token);
      const session = await liveSession(idHash, at);
      if (!session || session.status !== 'active') return null;
      const idleFor = at.getTime() - Date.parse(session.last_seen_at);
      if (idleFor > SESSION_IDLE_MS) {
        await repo.revokeSession(idHash, at.toISOString());
        await poison([idHash]);
        return null;
      }
      if (idleFor > TOUCH_EVERY_MS) {
        await repo.touchSession(idHash, at.toISOString());
        await deps.cache
          ?.refresh(
            { ...session, last_seen_at: at.toISOString() },
            Math.min(SESSION_CACHE_TTL_MS, Date.parse(session.expires_at) - at.getTime()),
          )
          .catch((error: unknown) => deps.onCacheError?.(error));
      }
      return {
        accountId: session.account_id,
        sessionId: idHash,
        kind: session.kind,
        roles: parseRoles(session.roles),
        csrfToken: session.csrf_token,
        stage: session.stage,
      };
    },

    /**
     * A session proved its second factor (step-up or a confirmed enrolment): one waiting for it becomes a full
     * session under a NEW session token and CSRF token (the old token stops working at once — ASVS 7.2.4), which
     * the caller sets as cookies. An already full session is left as it is (undefined).
     */
    async completeSecondFactor(
      sessionId: string,
      requestId?: string,
    ): Promise<{ token: string; csrfToken: string; expiresAt: Date } | undefined> {
      const token = newToken();
      const csrfToken = newToken();
      const idHash = hashToken(token);
      const at = now().toISOString();
      const row = await repo.rotateToActive(sessionId, { id_hash: idHash, csrf_token: csrfToken, public_id: newId() }, at);
      if (!row) return undefined;
      await poison([sessionId]);
      const account = await repo.findAccountById(row.account_id);
      await audit?.append({
        type: 'identity.signed_in',
        actor: { accountId: row.account_id, role: account?.roles ?? null, sessionId: idHash },
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { stage: 'active' },
      });
      // The second factor just proved itself: the new session counts as freshly authenticated.
      await deps.onSessionStarted?.({ accountId: row.account_id, sessionId: idHash });
      return { token, csrfToken, expiresAt: new Date(row.expires_at) };
    },

    /** What the signed-in person sees of their own session: its stage and, while it waits, the methods it can use. */
    async sessionState(principal: Principal): Promise<{ stage: SessionStage; secondFactor: { methods: SecondFactorMethod[] } | null }> {
      if (principal.stage !== 'second_factor') return { stage: principal.stage, secondFactor: null };
      const row = await repo.findAccountById(principal.accountId);
      const { methods } = row ? await stageFor(row) : { methods: null };
      return { stage: principal.stage, secondFactor: { methods: methods ?? ['recovery'] } };
    },

    /** The account's live sessions, newest first; the current one is marked. */
    async listSessions(principal: Principal): Promise<SessionView[]> {
      const at = now();
      const idleCutoff = new Date(at.getTime() - SESSION_IDLE_MS).toISOString();
      const rows = await repo.listLiveSessions(principal.accountId, at.toISOString(), idleCutoff);
      return rows.map((r) => ({
        id: r.public_id,
        current: r.id_hash === principal.sessionId,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        device: { browser: r.device_browser, os: r.device_os },
        stage: r.stage,
      }));
    },

    /** Ends one of the caller's own sessions by its public id; someone else's id is NOT_FOUND. */
    async endSession(principal: Principal, publicId: string, requestId?: string): Promise<void> {
      const idHash = await repo.revokeOwnSession(principal.accountId, publicId, now().toISOString());
      if (!idHash) throw new AppError('NOT_FOUND');
      await poison([idHash]);
      await audit?.append({
        type: 'identity.session_ended',
        actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { reason: 'owner', current: idHash === principal.sessionId },
      });
    },

    /** "Sign out everywhere else": ends every session of the caller but the current one. */
    async endOtherSessions(principal: Principal, requestId?: string): Promise<number> {
      const ended = await repo.revokeAllSessions(principal.accountId, now().toISOString(), principal.sessionId);
      await poison(ended);
      await audit?.append({
        type: 'identity.sessions_ended',
        actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { reason: 'owner', count: ended.length },
      });
      return ended.length;
    },

    async logout(principal: Principal, requestId?: string) {
      await repo.revokeSession(principal.sessionId, now().toISOString());
      await poison([principal.sessionId]);
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

    /** For the factors module's password step-up of an account without a second factor. */
    async checkPassword(accountId: string, password: string): Promise<boolean> {
      const row = await repo.findAccountById(accountId);
      const verdict = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
      return Boolean(row && row.status === 'active' && verdict.ok);
    },

    /**
     * Ends every session of an account (offboarding, a password change, "sign out everywhere"). Each request
     * re-reads its session, so the next request on any instance is refused.
     */
    async endAllSessions(accountId: string): Promise<number> {
      const ended = await repo.revokeAllSessions(accountId, now().toISOString());
      await poison(ended);
      return ended.length;
    },

    /**
     * Closes an account (the account-closure right): disabled with its closing day recorded, every session ended at
     * once. A later sign-in with the right password is refused with ACCOUNT_CLOSED; a wrong one stays
     * INVALID_CREDENTIALS, so the code tells nothing to someone who does not hold the password.
     */
    async closeAccount(accountId: string): Promise<number> {
      await repo.closeAccount(accountId, now().toISOString());
      const ended = await repo.revokeAllSessions(accountId, now().toISOString());
      await poison(ended);
      await poisonAccount(accountId);
      return ended.length;
    },

    /** Enables or disables an account; a disabled account cannot sign in and its sessions resolve to nothing. */
    async setAccountStatus(accountId: string, status: 'active' | 'disabled'): Promise<void> {
      await repo.updateAccountStatus(accountId, status, now().toISOString());
      await poisonAccount(accountId);
    },

    /** Replaces an account's roles (staff administration); takes effect on the next request of every session. */
    async setRoles(accountId: string, roles: readonly Role[]): Promise<void> {
      await repo.updateAccountRoles(accountId, roles.join(','), now().toISOString());
      await poisonAccount(accountId);
    },

    /** Scheduled housekeeping: sessions dead for over a day are deleted. */
    purgeStaleSessions: () => repo.deleteStaleSessions(new Date(now().getTime() - 24 * 60 * 60 * 1000).toISOString()),
  };
}
