import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { prepared } from '../../src/platform/db/index.ts';
import { createTestStore, DIALECTS, type TestStore } from '../helpers/test-store.ts';

for (const dialect of DIALECTS) {
  describe(`a prepared query (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
      await store.database.db
        .insertInto('security_monitor_state')
        .values([
          { id: 'one', last_seq: 1, updated_at: '2026-12-03T00:00:00.000Z' },
          { id: 'two', last_seq: 2, updated_at: '2026-12-03T00:00:00.000Z' },
        ])
        .execute();
    });
    after(() => store.cleanup());

    test('reads the rows of the values it is given, and sees a change made after its first use', async () => {
      const db = store.database.db;
      const read = prepared(db, (q, p) =>
        q
          .selectFrom('security_monitor_state')
          .select(['id', 'last_seq'])
          .where('id', '=', p('id'))
          // A placeholder stands for any value; the column is a number.
          .where('last_seq', '>=', p('min') as unknown as number)
          .limit(1),
      );
      assert.deepEqual(
        (await read({ id: 'one', min: 0 })).map((r) => [r.id, Number(r.last_seq)]),
        [['one', 1]],
      );
      assert.deepEqual(
        (await read({ id: 'two', min: 0 })).map((r) => [r.id, Number(r.last_seq)]),
        [['two', 2]],
      );
      assert.deepEqual(await read({ id: 'two', min: 3 }), []);
      await db.updateTable('security_monitor_state').set({ last_seq: 7 }).where('id', '=', 'two').execute();
      assert.deepEqual(
        (await read({ id: 'two', min: 3 })).map((r) => [r.id, Number(r.last_seq)]),
        [['two', 7]],
      );
    });

    test('refuses a placeholder that the compiler put into the SQL text instead of binding it', async () => {
      const read = prepared(store.database.db, (q, p) =>
        q
          .selectFrom('security_monitor_state')
          .select('id')
          .where('id', '=', sql.lit(p('id'))),
      );
      await assert.rejects(read({ id: 'one' }), /placeholder/);
    });
  });
}
