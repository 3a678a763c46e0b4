import { readFileSync } from 'node:fs';
import type { Config } from './platform/config/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './platform/db/index.ts';
import { createInProcessRunner, createPgBossRunner, type JobRunner } from './platform/jobs/index.ts';
import type { Logger } from './platform/logger/index.ts';
import type { Database } from './db/schema.ts';
import { API_PACKAGE_JSON, MIGRATIONS_DIR } from './paths.ts';

export const VERSION = (JSON.parse(readFileSync(API_PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Opens the store chosen by the config and applies pending migrations. */
export async function openStore(config: Config, logger: Logger, pgSchema?: string): Promise<DatabaseHandle<Database>> {
  const database = await openDatabase<Database>({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(pgSchema ? { pgSchema } : {}),
  });
  const { applied, error } = await migrateToLatest(database.db, MIGRATIONS_DIR);
  if (error) {
    await database.close();
    throw error instanceof Error ? error : new Error('migration failed');
  }
  if (applied.length) logger.info({ applied }, 'migrations applied');
  return database;
}

/** In-process runner on SQLite, pg-boss (its own schema) on PostgreSQL. */
export function createJobRunner(config: Config, database: DatabaseHandle<Database>, logger: Logger, pgBossSchema = 'pgboss'): JobRunner {
  if (config.databaseUrl) return createPgBossRunner({ connectionString: config.databaseUrl, schema: pgBossSchema, logger });
  return createInProcessRunner({ db: database.db, logger });
}
