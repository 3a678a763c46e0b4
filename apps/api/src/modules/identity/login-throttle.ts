import type { LoginThrottleRepo } from './login-throttle-repo.ts';

/**
 * Progressive lockout: the fifth failure in a row locks a key for a minute, each further failure doubles it, up to
 * an hour; a success clears the count and a day without failures forgets it. Kept in the database so every instance
 * agrees. Keys are keyed digests: of a presented name, of an account's shared budget, of an account's known device
 * (identity-service `login` explains which attempt counts where).
 */
export const LOCKOUT = { afterFailures: 5, firstLockSeconds: 60, maxLockSeconds: 3600, forgetAfterMs: 24 * 60 * 60 * 1000 } as const;

export function lockSecondsAfter(failures: number): number {
  if (failures < LOCKOUT.afterFailures) return 0;
  return Math.min(LOCKOUT.firstLockSeconds * 2 ** (failures - LOCKOUT.afterFailures), LOCKOUT.maxLockSeconds);
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export function createLoginThrottle(deps: { repo: LoginThrottleRepo; now: () => Date }) {
  const { repo, now } = deps;
  return {
    /** Whether the name is locked now, and whether it has failures on record (a success then clears them). */
    async check(keyHash: string): Promise<{ retryAfterSeconds: number; hasFailures: boolean }> {
      const row = await repo.find(keyHash);
      const until = row?.locked_until ? Date.parse(row.locked_until) : 0;
      const left = until - now().getTime();
      return { retryAfterSeconds: left > 0 ? Math.ceil(left / 1000) : 0, hasFailures: row !== undefined };
    },

    async fail(keyHash: string): Promise<{ failures: number; lockedSeconds: number }> {
      const at = now();
      const failures = await repo.recordFailure(keyHash, at.toISOString(), new Date(at.getTime() - LOCKOUT.forgetAfterMs).toISOString());
      const lockedSeconds = lockSecondsAfter(failures);
      if (lockedSeconds > 0) await repo.lockUntil(keyHash, new Date(at.getTime() + lockedSeconds * 1000).toISOString());
      return { failures, lockedSeconds };
    },

    succeed: (keyHash: string) => repo.clear(keyHash),

    purgeStale: () => repo.deleteStale(new Date(now().getTime() - LOCKOUT.forgetAfterMs).toISOString()),
  };
}
