import { newId } from '../../platform/ids/index.ts';
import type { Presence } from './messaging-ports.ts';

type RedisEval = { eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> };

// A hash per account: field = instance id, value = the time (ms) its entry stops counting.
const MARK = `redis.call('hset', KEYS[1], ARGV[1], ARGV[2]); redis.call('pexpire', KEYS[1], ARGV[3]); return 1`;
const CLEAR = `redis.call('hdel', KEYS[1], ARGV[1]); return 1`;
const ONLINE = `local v = redis.call('hvals', KEYS[1]); for _, t in ipairs(v) do if tonumber(t) > tonumber(ARGV[1]) then return 1 end end; return 0`;

/** Presence shared by every instance through Redis; an instance that dies stops counting after the TTL. */
export function createRedisPresence(redis: RedisEval, now: () => number = Date.now, prefix = 'sealbridge:messaging:online:'): Presence {
  const instance = newId();
  return {
    async online(accountId) {
      return Number(await redis.eval(ONLINE, 1, prefix + accountId, now())) === 1;
    },
    async mark(accountId, ttlMs) {
      await redis.eval(MARK, 1, prefix + accountId, instance, now() + ttlMs, 2 * ttlMs);
    },
    async clear(accountId) {
      await redis.eval(CLEAR, 1, prefix + accountId, instance);
    },
  };
}

/** Presence of this process only (the embedded, single-instance deployment). */
export function createMemoryPresence(now: () => number = Date.now): Presence {
  const until = new Map<string, number>();
  return {
    online: async (accountId) => (until.get(accountId) ?? 0) > now(),
    mark: async (accountId, ttlMs) => {
      until.set(accountId, now() + ttlMs);
    },
    clear: async (accountId) => {
      until.delete(accountId);
    },
  };
}
