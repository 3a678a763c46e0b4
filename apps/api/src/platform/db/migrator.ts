import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type DatabaseIntrospector, type Kysely, type TableMetadata } from 'kysely';
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
  return new Migrator({
    db: schema ? withPinnedIntrospection(db, schema) : db,
    provider: folderMigrationProvider(folder),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Kysely's migrator asks the introspector for the tables of every schema (with their columns and types) only to learn
 * whether its own two tables exist. On a server where other schemas are created and dropped meanwhile — another store
 * migrating, a restore drill, parallel test files — that catalog-wide scan meets a schema mid-drop and fails with
 * SQLSTATE 3F000 / 42P01. The pinned introspector reads the names of the one schema's tables straight from pg_class,
 * without the privilege and type functions that trip over a dropped namespace. Migrations themselves get the real db.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrateToLatest
function withPinnedIntrospection(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    async getTables(): Promise<TableMetadata[]> {
      const rows = await sql<{ name: string }>`select c.relname as name from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return rows.rows.map((r) => ({ name: r.name, schema, isView: false, isForeign: false, columns: [] }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
