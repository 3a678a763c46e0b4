import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createSqliteDialect, openSqlite } from './sqlite-dialect.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseHandle<DB> = {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The SQLite file (absent on PostgreSQL); the canary tests read it raw. */
  sqlitePath: string | undefined;
  /** The PostgreSQL schema in use (absent on SQLite). */
  pgSchema: string | undefined;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  /** postgres://… selects PostgreSQL; absent selects the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Overrides the SQLite file name (tests use a temporary directory instead). */
  sqliteFile?: string;
  /** A PostgreSQL schema to put on the search_path (tests isolate themselves with one). */
  pgSchema?: string;
  pgPoolSize?: number;
};

// COUNT(*) and BIGINT come back from pg as strings; our counts fit comfortably in a double.
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'),
};

export async function openDatabase<DB>(options: DatabaseOptions): Promise<DatabaseHandle<DB>> {
  if (options.databaseUrl) {
    const schema = options.pgSchema;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    if (schema) {
      // The schema exists before any pooled connection names it in its search_path: a backend that started with a
      // search_path naming a missing schema hands that state to parallel workers, which then fail with
      // "schema … does not exist" (seen under parallel test load).
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      try {
        // Only when missing: CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database, which the serving
        // role (it owns nothing; README "Containers") does not have.
        const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (found.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
      // A named schema (the key store; each test file and bench) gets no parallel workers: its tables are small, and
      // workers only add start-up cost and contention.
      ...(schema ? { options: `-c search_path=${schema} -c max_parallel_workers_per_gather=0` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlitePath: undefined, pgSchema: schema ?? 'public', close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const sqlitePath = join(options.dataDir, options.sqliteFile ?? 'sealbridge.db');
  const database = openSqlite({ path: sqlitePath });
  const db = new Kysely<DB>({ dialect: createSqliteDialect(database) });
  return { db, dialect: 'sqlite', sqlitePath, pgSchema: undefined, close: () => db.destroy() };
}
