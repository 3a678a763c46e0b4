/**
 * Backup throughput (issue 14 item 7): `backup create` of a data store of about 48 MB (SQLite online backup, sealed in 64 KiB AES-256-GCM chunks; the key store too), in MB/s of the database file.
 *
 * Baseline, same run and same machine: a plain copy of the same database file (copyFileSync), which neither takes a
 * consistent snapshot, nor encrypts, nor writes a manifest. The filler is random base64 text, like sealed columns. PostgreSQL (pg_dump) is measured too when DATABASE_URL is set, against the same file copy.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql, type Kysely } from 'kysely';
import { createBackup } from '../apps/api/src/cli/backup.ts';
import { createTestServices, createTestStore } from '../apps/api/test/helpers/test-store.ts';
import { result, type BenchResult, type BenchSuite } from './lib.ts';

const ROWS = 12_000;
const ROW_BYTES = 4_000;

async function measure(dialect: 'sqlite' | 'postgres'): Promise<BenchResult> {
  const store = await createTestStore(dialect);
  const services = await createTestServices(store);
  const out = mkdtempSync(join(tmpdir(), 'sealbridge-bench-backup-'));
  try {
    await sql`create table bench_fill (id integer primary key, body text not null)`.execute(store.database.db);
    for (let i = 0; i < ROWS; i += 500) {
      const values = Array.from({ length: 500 }, (_, k) => ({ id: i + k, body: randomBytes((ROW_BYTES * 3) / 4).toString('base64') }));
      await (store.database.db as unknown as Kysely<{ bench_fill: { id: number; body: string } }>)
        .insertInto('bench_fill')
        .values(values)
        .execute();
    }
    // The size measured: the SQLite file (checkpointed), or the same amount of table data on PostgreSQL.
    let megabytes = (ROWS * ROW_BYTES) / 1e6;
    let source = '';
    if (dialect === 'sqlite') {
      source = store.database.sqlitePath ?? '';
      const raw = new DatabaseSync(source);
      raw.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      raw.close();
      megabytes = statSync(source).size / 1e6;
    } else {
      // The plain-copy baseline needs a file of the same size.
      source = join(out, 'plain.bin');
      const fd = new DatabaseSync(join(out, 'plain.db'));
      fd.close();
      copyFileSync(join(out, 'plain.db'), source);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(source, randomBytes(Math.round(megabytes * 1e6)));
    }
    let best = 0;
    let bestCopy = 0;
    for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 3); round++) {
      const c0 = performance.now();
      copyFileSync(source, join(out, 'copy.bin'));
      bestCopy = Math.max(bestCopy, megabytes / ((performance.now() - c0) / 1000));
      const b0 = performance.now();
      await createBackup(
        { config: store.config, database: store.database, keys: store.keys, vault: services.vault },
        join(out, `b${round}.sbk`),
      );
      best = Math.max(best, megabytes / ((performance.now() - b0) / 1000));
      rmSync(join(out, `b${round}.sbk`), { force: true });
    }
    return result(
      `backup.create_mb_per_s.${dialect}`,
      'MB/s',
      best,
      bestCopy,
      `${megabytes.toFixed(1)} MB store (${ROWS} rows of ${ROW_BYTES} B random base64); ${dialect === 'sqlite' ? 'online backup API' : 'pg_dump -Fc'} + sealed 64 KiB chunks + key store; baseline = plain copy of the same size; best of rounds`,
    );
  } finally {
    await services.auditLog.stop();
    await store.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
}

const suite: BenchSuite = {
  name: 'backup',
  async run() {
    const results = [await measure('sqlite')];
    if (process.env.DATABASE_URL) results.push(await measure('postgres'));
    return results;
  },
};
export default suite;
