/**
 * Fixed-window counters for abuse limits that a service keys itself (an address digest, a client address), as
 * opposed to the per-route limits of @fastify/rate-limit. With REDIS_URL the counters live in Redis, so N
 * instances share one limit; otherwise in this process.
 */
export type LimitRule = { name: string; max: number; windowMs: number };
export type LimitVerdict = { allowed: boolean; retryAfterMs: number };

export type AttemptLimiter = {
  /** Counts one attempt against `rule` for `key`; refused once more than `max` fall in the current window. */
  hit(key: string, rule: LimitRule): Promise<LimitVerdict>;
};

export function createMemoryAttemptLimiter(now: () => number = Date.now): AttemptLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, rule) {
      const t = now();
      const id = `${rule.name}:${key}`;
      let window = windows.get(id);
      if (!window || window.resetAt <= t) {
        if (windows.size >= 50_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        window = { count: 0, resetAt: t + rule.windowMs };
        windows.set(id, window);
      }
      window.count += 1;
      return window.count <= rule.max ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: window.resetAt - t };
    },
  };
}

/** INCR, set the expiry on the first hit, read the time left — one round trip, atomic in Redis. */
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

export type RedisEval = { eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> };

export function createRedisAttemptLimiter(redis: RedisEval, prefix = 'sealbridge:limit:'): AttemptLimiter {
  return {
    async hit(key, rule) {
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `${prefix}${rule.name}:${key}`, rule.windowMs)) as [number, number];
      return count <= rule.max ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: Math.max(0, ttl) };
    },
  };
}
