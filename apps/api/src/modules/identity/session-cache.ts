import type { SessionStage } from '../../db/schema.ts';

/** What a request needs of its session, as read from the database (sessions joined with accounts). */
export type LiveSession = {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  last_seen_at: string;
  expires_at: string;
  stage: SessionStage;
  kind: 'staff' | 'customer';
  roles: string;
  status: 'active' | 'disabled';
};

/**
 * A cache in front of the sessions table, shared by every instance (Redis). It is only ever a copy: a change
 * (revocation, stage, roles, account status) is committed to the database first and then *poisons* the entry for
 * longer than any entry lives, so a reader that fetched the old row just before the change cannot put it back
 * (entries are only added where no key exists). A poisoned key sends readers to the database.
 */
export type SessionCache = {
  get(idHash: string): Promise<LiveSession | 'poisoned' | null>;
  /** Adds the entry unless the key exists (fresh or poisoned). */
  fill(session: LiveSession, ttlMs: number): Promise<void>;
  /** Replaces the entry unless it is poisoned (last-seen updates). */
  refresh(session: LiveSession, ttlMs: number): Promise<void>;
  poison(idHashes: readonly string[]): Promise<void>;
};

export type RedisKeyValue = {
  get(key: string): Promise<string | null>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
};

export const SESSION_CACHE_TTL_MS = 60_000;
const POISON = '!';
const POISON_TTL_MS = 2 * SESSION_CACHE_TTL_MS;
const FILL = `return redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX')`;
const REFRESH = `if redis.call('get', KEYS[1]) ~= '${POISON}' then return redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) end return 0`;
const POISON_ALL = `for i, key in ipairs(KEYS) do redis.call('set', key, '${POISON}', 'PX', ARGV[1]) end return #KEYS`;

export function createRedisSessionCache(redis: RedisKeyValue, prefix = 'sealbridge:session:'): SessionCache {
  const key = (idHash: string) => `${prefix}${idHash}`;
  return {
    async get(idHash) {
      const value = await redis.get(key(idHash));
      if (value === null) return null;
      if (value === POISON) return 'poisoned';
      return JSON.parse(value) as LiveSession;
    },
    async fill(session, ttlMs) {
      await redis.eval(FILL, 1, key(session.id_hash), JSON.stringify(session), Math.max(1, Math.floor(ttlMs)));
    },
    async refresh(session, ttlMs) {
      await redis.eval(REFRESH, 1, key(session.id_hash), JSON.stringify(session), Math.max(1, Math.floor(ttlMs)));
    },
    async poison(idHashes) {
      if (idHashes.length === 0) return;
      await redis.eval(POISON_ALL, idHashes.length, ...idHashes.map(key), POISON_TTL_MS);
    },
  };
}
