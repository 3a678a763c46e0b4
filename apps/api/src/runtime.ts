import { readFileSync } from 'node:fs';
import type { Config } from './platform/config/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { createInProcessRunner, createPgBossRunner, type JobRunner } from './platform/jobs/index.ts';
import type { Logger } from './platform/logger/index.ts';
import type { Database, KeyDatabase } from './db/schema.ts';
import { API_PACKAGE_JSON, KEY_MIGRATIONS_DIR, MIGRATIONS_DIR } from './paths.ts';

export const VERSION = (JSON.parse(readFileSync(API_PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Opens the store chosen by the config and applies pending migrations. */
export async function openStore(config: Config, logger: Logger, pgSchema?: string): Promise<DatabaseHandle<Database>> {
  const database = await openDatabase<Database>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(pgSchema ? { pgSchema } : {}),
  });
  const { applied, error } = await migrateToLatest(database.db, MIGRATIONS_DIR, database.pgSchema);
  if (error) {
    await database.close();
    throw error instanceof Error ? error : new Error('migration failed');
  }
  if (applied.length) logger.info({ applied }, 'migrations applied');
  return database;
}

/**
 * Opens the key store: a second SQLite file beside the data file, or a PostgreSQL schema of its own. Data keys
 * live apart from the data so that restoring a data backup cannot resurrect a destroyed key (ADR 0007).
 */
export async function openKeyStore(config: Config, logger: Logger, pgSchema?: string): Promise<DatabaseHandle<KeyDatabase>> {
  const keys = await openDatabase<KeyDatabase>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: 'vault-keys.db',
    pgSchema: pgSchema ? `${pgSchema}_keys` : 'sealbridge_keys',
    pgPoolSize: 4,
  });
  const { applied, error } = await migrateToLatest(keys.db, KEY_MIGRATIONS_DIR, keys.pgSchema);
  if (error) {
    await keys.close();
    throw error instanceof Error ? error : new Error('key store migration failed');
  }
  if (applied.length) logger.info({ applied }, 'key store migrations applied');
  return keys;
}

/** In-process runner on SQLite, pg-boss (its own schema) on PostgreSQL. */
export function createJobRunner(config: Config, database: DatabaseHandle<Database>, logger: Logger, pgBossSchema = 'pgboss'): JobRunner {
  if (config.databaseUrl)
    return createPgBossRunner({
      connectionString: config.databaseUrl,
      schema: pgBossSchema,
      logger,
      expireSeconds: config.jobExpireSeconds,
    });
  return createInProcessRunner({ db: database.db, logger });
}
