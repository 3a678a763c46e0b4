import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { createMemoryAttemptLimiter, createRedisAttemptLimiter } from '../../src/modules/identity/index.ts';

const RULE = { name: 'test_rule', max: 2, windowMs: 60_000 };

describe('attempt limits', () => {
  test('in process: the third attempt in a window is refused with the time left, and a new window starts afresh', async () => {
    let now = 1_000_000;
    const limiter = createMemoryAttemptLimiter(() => now);
    assert.equal((await limiter.hit('k', RULE)).allowed, true);
    assert.equal((await limiter.hit('k', RULE)).allowed, true);
    now += 15_000;
    assert.deepEqual(await limiter.hit('k', RULE), { allowed: false, retryAfterMs: 45_000 });
    assert.equal((await limiter.hit('other', RULE)).allowed, true, 'keys are counted apart');
    now += 45_000;
    assert.equal((await limiter.hit('k', RULE)).allowed, true);
  });

  test(
    'with Redis two instances share one limit (N instances do not mean N times the limit)',
    { skip: !process.env.REDIS_URL && 'REDIS_URL is not set' },
    async () => {
      const a = new Redis(process.env.REDIS_URL ?? '');
      const b = new Redis(process.env.REDIS_URL ?? '');
      try {
        const key = `test-${randomUUID()}`;
        const first = createRedisAttemptLimiter(a);
        const second = createRedisAttemptLimiter(b);
        assert.equal((await first.hit(key, RULE)).allowed, true);
        assert.equal((await second.hit(key, RULE)).allowed, true);
        const refused = await first.hit(key, RULE);
        assert.equal(refused.allowed, false);
        assert.ok(refused.retryAfterMs > 55_000 && refused.retryAfterMs <= 60_000);
        await a.del(`sealbridge:limit:${RULE.name}:${key}`);
      } finally {
        a.disconnect();
        b.disconnect();
      }
    },
  );
});
