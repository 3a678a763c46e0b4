import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { detect } from '@sealbridge/cn-identifiers';
import { PERSONAL_FIELDS } from '../../src/modules/vault/index.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Columns that hold random or derived material, never personal data, by name. */
// actor_session: the audit trail's session id hash (hex, where a run of digits can look like a number).
const OPAQUE = /(_ct|_bidx|_hash|^wrapped|^csrf_token|^id|_id|^note|^frontier|^actor_session)$/;
const CIPHERTEXT = /^[A-Za-z0-9_-]{40,}$/;

type Column = { table: string; column: string; values: string[] };

async function readAllTextColumns(db: Kysely<unknown>, schema: string | undefined): Promise<Column[]> {
  // On PostgreSQL introspection sees every schema (other tests, the key store): keep this store's own.
  const tables = (await db.introspection.getTables()).filter((t) => schema === undefined || t.schema === schema);
  const out: Column[] = [];
  for (const table of tables) {
    if (table.name.startsWith('kysely_')) continue;
    for (const column of table.columns) {
      const rows = await sql<{ v: unknown }>`select ${sql.ref(column.name)} as v from ${sql.table(table.name)}`.execute(db);
      out.push({
        table: table.name,
        column: column.name,
        values: rows.rows.map((r) => r.v).filter((v): v is string => typeof v === 'string'),
      });
    }
  }
  return out;
}

for (const dialect of DIALECTS) {
  describe(`the personal-data registry against the raw ${dialect} database`, () => {
    let t: TestApp;
    let columns: Column[];
    before(async () => {
      t = await createTestApp(dialect);
      assert.equal(await seedDemo(t.database, t.app.services), true);
      columns = await readAllTextColumns(t.database.db as Kysely<unknown>, t.database.pgSchema);
    });
    after(async () => t.close());

    test('the demo data put personal data in the store, so the scan has something to find', () => {
      const ct = columns.filter((c) => c.column.endsWith('_ct') && c.values.length > 0);
      assert.ok(ct.length >= 5);
    });

    test('every ciphertext column belongs to a registered field, and every registered field has its columns', () => {
      const registered = new Set(PERSONAL_FIELDS.map((f) => `${f.table}.${f.field}_ct`));
      const ctColumns = columns.filter((c) => c.column.endsWith('_ct')).map((c) => `${c.table}.${c.column}`);
      assert.deepEqual(
        ctColumns.filter((c) => !registered.has(c)),
        [],
      );
      for (const f of PERSONAL_FIELDS) {
        assert.ok(ctColumns.includes(`${f.table}.${f.field}_ct`), `${f.key} has a _ct column`);
        if (f.blindIndex)
          assert.ok(
            columns.some((c) => c.table === f.table && c.column === `${f.field}_bidx`),
            `${f.key} has a _bidx column`,
          );
      }
    });

    test('a registered field is never stored in plaintext', () => {
      for (const f of PERSONAL_FIELDS) {
        const column = columns.find((c) => c.table === f.table && c.column === `${f.field}_ct`);
        const plain = (column?.values ?? []).filter((v) => !CIPHERTEXT.test(v));
        assert.deepEqual(plain, [], `${f.key} holds only ciphertext`);
      }
    });

    const offendersIn = (cols: Column[]) => [
      ...new Set(
        cols
          .filter((c) => !OPAQUE.test(c.column))
          .flatMap((c) => c.values.filter((v) => detect(v).length > 0).map(() => `${c.table}.${c.column}`)),
      ),
    ];

    test('no other column holds something the identifier detector recognizes', () => {
      assert.deepEqual(offendersIn(columns), []);
    });

    test('the scan does notice a mobile number written in plaintext to an unregistered column', async () => {
      const db = t.database.db;
      const row = await db.selectFrom('listings').select(['id', 'title']).limit(1).executeTakeFirstOrThrow();
      await db
        .updateTable('listings')
        .set({ title: `${row.title} 联系人13912345678` })
        .where('id', '=', row.id)
        .execute();
      try {
        assert.deepEqual(offendersIn(await readAllTextColumns(db as Kysely<unknown>, t.database.pgSchema)), ['listings.title']);
      } finally {
        await db.updateTable('listings').set({ title: row.title }).where('id', '=', row.id).execute();
      }
    });
  });
}
