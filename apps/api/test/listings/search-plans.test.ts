import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { ZListingSearchQuery } from '@sealbridge/contracts';
import { createListingsRepo, demoListings } from '../../src/modules/listings/index.ts';
import { COUNT_CAP } from '../../src/modules/listings/listings-repo.ts';
import { createTestStore, DIALECTS, type TestStore } from '../helpers/test-store.ts';

/**
 * The query plans behind listing search (issue 20, ADR 0021): the plan of the SQL the repository really sends is
 * read back with EXPLAIN QUERY PLAN (SQLite) / EXPLAIN (PostgreSQL). On PostgreSQL a few thousand rows make a
 * sequential scan the cheapest plan, so sequential scans are priced out for the check: what is asserted is that
 * the index fits the query shape, which is what keeps it fast at 100,000 listings (bench/listings-search.bench.ts).
 */
const TODAY = new Date('2026-12-05T00:00:00Z');

for (const dialect of DIALECTS) {
  describe(`listing search plans on ${dialect}`, () => {
    let store: TestStore;
    const captured: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        captured.push(args.node);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };

    before(async () => {
      store = await createTestStore(dialect);
      await createListingsRepo(store.database.db).insertMany(demoListings(3000, { idFor: (i) => `plan-${i}`, now: TODAY }));
      await sql`analyze`.execute(store.database.db);
    });
    after(async () => store.cleanup());

    /** The plans of every SELECT the search sends for `query`. */
    async function plansOf(query: Record<string, unknown>): Promise<string[]> {
      captured.length = 0;
      const db = store.database.db.withPlugin(capture);
      await createListingsRepo(db).search(ZListingSearchQuery.parse(query), TODAY);
      const executor = store.database.db.getExecutor();
      const compiled = captured.filter((n) => n.kind === 'SelectQueryNode').map((n) => executor.compileQuery(n, { queryId: 'plan' }));
      return store.database.db.connection().execute(async (conn) => {
        if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(conn);
        const plans: string[] = [];
        for (const c of compiled) {
          const explain = dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
          const rows = (await conn.executeQuery({ ...c, sql: explain + c.sql })).rows as Record<string, unknown>[];
          plans.push(rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n'));
        }
        if (dialect === 'postgres') await sql`reset enable_seqscan`.execute(conn);
        return plans;
      });
    }

    test('the licence filter probes the listing_licences index instead of matching JSON text', async () => {
      const plans = await plansOf({ taxpayerType: 'general', licence: 'icp', sort: 'price_asc' });
      assert.ok(plans.length >= 2, 'a page and a count');
      for (const plan of plans) {
        assert.match(plan, dialect === 'sqlite' ? /listing_licences USING (COVERING )?INDEX/ : /Index.* on listing_licences/, plan);
      }
    });

    test('a common word in one city reads only that city’s index entries', async () => {
      const plans = await plansOf({ q: '一般纳税人', cityCode: '5101' });
      if (dialect === 'sqlite') {
        for (const plan of plans) assert.match(plan, /listings_public_city_text/, plan);
        assert.doesNotMatch(plans[0] ?? '', /TEMP B-TREE/, 'the page comes out of the index in order');
      } else {
        // The count reads every match: at 100,000 listings a BitmapAnd of the trigram index and the city index
        // (bench), at this size the city index alone. (The page stops at 20 rows; here the newest order suffices.)
        assert.match(plans[1] ?? '', /Index Scan on listings_region_status/, plans[1]);
      }
    });

    test('the licence filter finds exactly the listings whose licences name it', async () => {
      const repo = createListingsRepo(store.database.db);
      const viaIndex = await repo.search(ZListingSearchQuery.parse({ licence: 'icp,high_tech', pageSize: '100' }), TODAY);
      const expected = await store.database.db
        .selectFrom('listings')
        .select('id')
        .where(sql<boolean>`status in ('published', 'under_offer')`)
        .where('licences', 'like', '%"icp"%')
        .where('licences', 'like', '%"high_tech"%')
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      assert.ok(expected.length > 0);
      assert.deepEqual(
        viaIndex.items.map((i) => i.id),
        expected.map((r) => r.id),
      );
    });

    test('a 2-character word and longer Chinese words find exactly the public listings whose text contains them', async () => {
      const repo = createListingsRepo(store.database.db);
      const db = store.database.db;
      // One matching listing leaves the public: neither its row nor the count may show it.
      const hidden = await db
        .selectFrom('listings')
        .select('id')
        .where('search_text', 'like', '%科技%')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('listings').set({ status: 'withdrawn' }).where('id', '=', hidden.id).execute();
      const rows = await db.selectFrom('listings').select(['id', 'search_text', 'status']).execute();
      for (const word of ['科技', '纳税', '一般纳税人', '劳务派遣', '信息技术公司']) {
        const expected = rows
          .filter((r) => (r.status === 'published' || r.status === 'under_offer') && (r.search_text ?? '').toLowerCase().includes(word))
          .map((r) => r.id)
          .sort();
        const found: string[] = [];
        let total = { n: -1, capped: false };
        for (let page = 1; page <= 40; page++) {
          const res = await repo.search(ZListingSearchQuery.parse({ q: word, page: String(page), pageSize: '100' }), TODAY);
          if (page === 1) total = { n: res.total, capped: res.capped };
          if (res.items.length === 0) break;
          found.push(...res.items.map((i) => i.id));
        }
        assert.ok(expected.length > 0, `${word} occurs in the sample`);
        assert.deepEqual(found.sort(), expected, word);
        // The count is exact up to COUNT_CAP, then "more than".
        assert.deepEqual(total, { n: Math.min(expected.length, COUNT_CAP), capped: expected.length > COUNT_CAP }, `${word}: the count`);
        assert.ok(!found.includes(hidden.id), 'a withdrawn listing is not found');
      }
      await db.updateTable('listings').set({ status: 'published' }).where('id', '=', hidden.id).execute();
    });

    test('changing a listing’s licences moves it in and out of the licence filter', async () => {
      const repo = createListingsRepo(store.database.db);
      const target = (await repo.search(ZListingSearchQuery.parse({ licence: 'icp' }), TODAY)).items[0];
      assert.ok(target);
      await repo.update(target.id, { licences: JSON.stringify(['food_operation']) });
      const icp = await repo.search(ZListingSearchQuery.parse({ licence: 'icp', pageSize: '100' }), TODAY);
      assert.ok(!icp.items.some((i) => i.id === target.id));
      // Only catering listings hold a food licence in the demo data: the IT listing is now the one IT match.
      const food = await repo.search(ZListingSearchQuery.parse({ licence: 'food_operation', industry: target.industry }), TODAY);
      assert.deepEqual(
        food.items.map((i) => i.id),
        [target.id],
      );
    });
  });
}
