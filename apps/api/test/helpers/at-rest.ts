import { existsSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { TestStore } from './test-store.ts';

async function allRowsAsText(db: Kysely<unknown>, schema: string): Promise<string> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = ${schema}`.execute(
    db,
  );
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(`${schema}.${table_name}`)} t`.execute(db);
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join('\n');
}

/**
 * Everything a store holds at rest, for canary searches: on SQLite the raw bytes of the data and key files and
 * their WAL; on PostgreSQL every row of the data and key schemas as JSON text.
 */
export async function bytesAtRest(store: Pick<TestStore, 'dialect' | 'dataDir' | 'database' | 'keys'>): Promise<Buffer> {
  if (store.dialect === 'sqlite') {
    const files = ['sealbridge.db', 'sealbridge.db-wal', 'vault-keys.db', 'vault-keys.db-wal'].map((f) => `${store.dataDir}/${f}`);
    return Buffer.concat(files.filter(existsSync).map((f) => readFileSync(f)));
  }
  const text =
    (await allRowsAsText(store.database.db as Kysely<unknown>, store.database.pgSchema ?? 'public')) +
    (await allRowsAsText(store.keys.db as Kysely<unknown>, store.keys.pgSchema ?? ''));
  return Buffer.from(text, 'utf8');
}
