import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config/index.ts';
import type { DatabaseHandle, DialectName } from '../../src/platform/db/index.ts';
import { createLogger, type Logger } from '../../src/platform/logger/index.ts';
import type { Database, KeyDatabase } from '../../src/db/schema.ts';
import { openKeyStore, openStore } from '../../src/runtime.ts';
import { createServices, type Services } from '../../src/services.ts';

/** Dialects this run covers: sqlite always; postgres when DATABASE_URL is set (CI always sets it). */
export const DIALECTS: DialectName[] = (process.env.DIALECTS ?? (process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite'))
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres')
  .filter((d) => d === 'sqlite' || Boolean(process.env.DATABASE_URL));

/** Collects every log line in memory so tests can assert what was (and was not) logged. */
export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/**
 * Test files create and drop PostgreSQL schemas in parallel. Kysely's migrator lists tables across all schemas, and
 * a catalog scan that meets a schema another test file is dropping fails with "relation/schema … does not exist"
 * (SQLSTATE 42P01 / 3F000). That is a race between test files, not a fault of the code under test: try again.
 */
async function retryCatalogRace<T>(open: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 4 || (code !== '42P01' && code !== '3F000')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export type TestStore = {
  dialect: DialectName;
  config: Config;
  database: DatabaseHandle<Database>;
  keys: DatabaseHandle<KeyDatabase>;
  dataDir: string;
  logger: Logger;
  logLines: string[];
  cleanup: () => Promise<void>;
};

/**
 * A fresh, migrated store: a temporary directory with its own SQLite file, or a PostgreSQL schema of its
 * own (dropped at cleanup), so test files never see each other's rows.
 */
export async function createTestStore(dialect: DialectName, env: Record<string, string> = {}): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sealbridge-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO: '0',
    LOG_LEVEL: 'debug',
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL ?? '' } : {}),
    ...env,
  });
  const { logger, lines } = captureLogs();
  const schema = dialect === 'postgres' ? `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
  const database = await retryCatalogRace(() => openStore(config, logger, schema));
  const keys = await retryCatalogRace(() => openKeyStore(config, logger, schema));
  return {
    dialect,
    config,
    database,
    keys,
    dataDir,
    logger,
    logLines: lines,
    cleanup: async () => {
      await database.close();
      await keys.close();
      if (schema && config.databaseUrl) {
        const client = new pg.Client({ connectionString: config.databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_keys CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The composed services over a test store (no HTTP), for service-level specs. Stop `auditLog` before cleanup. */
export function createTestServices(store: TestStore): Promise<Services> {
  return createServices({ config: store.config, database: store.database, keys: store.keys, logger: store.logger });
}
