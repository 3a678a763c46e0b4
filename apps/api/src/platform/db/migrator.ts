import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely/migration';

/**
 * Loads timestamped migrations (YYYYMMDDHHmmss_<module>_<change>.ts) from one folder. Migrations are frozen
 * in time: they take Kysely<any> and never import application code.
 */
export function folderMigrationProvider(folder: string): MigrationProvider {
  return {
    async getMigrations() {
      const files = (await readdir(folder)).filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f)).sort();
      const migrations: Record<string, Migration> = {};
      for (const file of files) {
        const module = (await import(pathToFileURL(join(folder, file)).href)) as Migration;
        migrations[file.replace(/\.ts$/, '')] = module;
      }
      return migrations;
    },
  };
}

/**
 * On PostgreSQL the bookkeeping tables are pinned to the store's schema: Kysely otherwise looks for them in
 * every schema and may find another store's (the key store and each test live in schemas of their own).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrateToLatest
function createMigrator(db: Kysely<any>, folder: string, schema: string | undefined): Migrator {
  return new Migrator({ db, provider: folderMigrationProvider(folder), ...(schema ? { migrationTableSchema: schema } : {}) });
}

export type MigrationReport = { applied: string[]; error: unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed against Kysely<any> by design
export async function migrateToLatest(db: Kysely<any>, folder: string, schema?: string): Promise<MigrationReport> {
  const migrator = createMigrator(db, folder, schema);
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, error };
}

/** Names of migrations present in the folder but not yet applied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function pendingMigrations(db: Kysely<any>, folder: string, schema?: string): Promise<string[]> {
  const migrator = createMigrator(db, folder, schema);
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
