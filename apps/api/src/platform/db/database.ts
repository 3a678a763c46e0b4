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
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    if (schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlitePath: undefined, pgSchema: schema ?? 'public', close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const sqlitePath = join(options.dataDir, options.sqliteFile ?? 'sealbridge.db');
  const database = openSqlite({ path: sqlitePath });
  const db = new Kysely<DB>({ dialect: createSqliteDialect(database) });
  return { db, dialect: 'sqlite', sqlitePath, pgSchema: undefined, close: () => db.destroy() };
}
