import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingMigrations } from '../../src/platform/db/index.ts';
import { KEY_MIGRATIONS_DIR, MIGRATIONS_DIR } from '../../src/paths.ts';
import { DIALECTS, createTestStore } from '../helpers/test-store.ts';

describe('migrations', () => {
  test('migration files are timestamped and never import application code', () => {
    for (const dir of [MIGRATIONS_DIR, KEY_MIGRATIONS_DIR]) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
      assert.ok(files.length > 0);
      for (const file of files) {
        assert.match(file, /^\d{14}_[a-z0-9]+_[a-z0-9_]+\.ts$/);
        const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
        assert.deepEqual(
          imports.filter((i) => i !== 'kysely'),
          [],
          `${file} imports only kysely`,
        );
      }
    }
  });

  for (const dialect of DIALECTS) {
    test(`all migrations apply on ${dialect} and none is left pending`, async () => {
      const store = await createTestStore(dialect);
      try {
        assert.deepEqual(await pendingMigrations(store.database.db, MIGRATIONS_DIR, store.database.pgSchema), []);
        const tables = (await store.database.db.introspection.getTables()).map((t) => t.name);
        for (const name of ['accounts', 'sessions', 'listings', 'platform_jobs']) assert.ok(tables.includes(name), name);
      } finally {
        await store.cleanup();
      }
    });
  }

  test('the SQLite store runs in WAL mode with foreign keys on', async () => {
    const store = await createTestStore('sqlite');
    try {
      const { sql } = await import('kysely');
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(store.database.db);
      const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(store.database.db);
      assert.equal(mode.rows[0]?.journal_mode, 'wal');
      assert.equal(fk.rows[0]?.foreign_keys, 1);
    } finally {
      await store.cleanup();
    }
  });
});
