import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const stores = [
  { name: 'in-process counters', env: {} as Record<string, string> },
  ...(process.env.REDIS_URL ? [{ name: 'Redis counters', env: { REDIS_URL: process.env.REDIS_URL } }] : []),
];

for (const store of stores) {
  describe(`sign-in rate limit with ${store.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp('sqlite', store.env);
      await t.app.ready();
    });
    after(async () => t.close());

    test('the eleventh sign-in attempt within a minute from one address is refused with 429', async () => {
      // A fresh client address per run: Redis counters outlive the test process.
      const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          payload: { loginName: `nobody-${randomUUID()}`, password: 'x' },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await attempt()).statusCode);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      const body = (await attempt()).json();
      assert.equal(body.code, 'RATE_LIMITED');
    });
  });
}
