import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createListingsRepo, demoListings } from '../../src/modules/listings/index.ts';
import { newId } from '../../src/platform/ids/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

for (const dialect of DIALECTS) {
  describe(`listing teasers on ${dialect}`, () => {
    let t: TestApp;
    const rows = demoListings(25, { idFor: () => newId() });
    before(async () => {
      t = await createTestApp(dialect);
      const withdrawn = { ...rows[0]!, id: newId(), code: 'SB-WITHDRAWN', status: 'withdrawn' as const };
      await createListingsRepo(t.database.db).insertMany([...rows, withdrawn]);
      await t.app.ready();
    });
    after(async () => t.close());

    test('published listings page newest first and count only published ones', async () => {
      const first = (await t.app.inject('/api/listings?page=1&pageSize=10')).json();
      const third = (await t.app.inject('/api/listings?page=3&pageSize=10')).json();
      assert.equal(first.total, 25);
      assert.equal(first.items.length, 10);
      assert.equal(third.items.length, 5);
      const dates = first.items.map((i: { publishedAt: string }) => i.publishedAt);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.ok(!first.items.some((i: { code: string }) => i.code === 'SB-WITHDRAWN'));
    });

    test('a teaser shows bands, never the exact establishment year or capital', async () => {
      const res = await t.app.inject('/api/listings?pageSize=25');
      const item = res.json().items[0];
      assert.ok(['lt1', '1to3', '3to5', '5to10', 'gte10'].includes(item.ageBand));
      assert.equal(item.establishedYear, undefined);
      assert.equal(item.registeredCapitalWan, undefined);
      assert.doesNotMatch(res.body, /established_year|registered_capital/);
    });

    test('market stats count published listings, provinces and industries', async () => {
      const stats = (await t.app.inject('/api/market/stats')).json();
      assert.equal(stats.publishedListings, 25);
      assert.equal(stats.provinces, new Set(rows.map((r) => r.province)).size);
      assert.equal(stats.industries, new Set(rows.map((r) => r.industry)).size);
    });
  });
}
