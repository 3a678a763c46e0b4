import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Kysely's SqliteDialect expects a better-sqlite3-shaped database. This adapter gives it node:sqlite's
 * DatabaseSync, so the embedded store needs no native add-on. Booleans and Dates are converted because
 * node:sqlite binds only null, numbers, bigints, strings and bytes.
 */
function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}

function adaptStatement(statement: StatementSync): SqliteStatement {
  const reader = statement.columns().length > 0;
  return {
    reader,
    all: (parameters) => statement.all(...Array.from(parameters, toSqlite)),
    run: (parameters) => statement.run(...Array.from(parameters, toSqlite)),
    iterate: (parameters) => statement.iterate(...Array.from(parameters, toSqlite)) as IterableIterator<unknown>,
  };
}

export type SqliteOptions = { path: string; busyTimeoutMs?: number };

/** Opens the file with WAL, foreign keys on and a busy timeout, and caches prepared statements. */
export function openSqlite({ path, busyTimeoutMs = 5000 }: SqliteOptions): DatabaseSync {
  const database = new DatabaseSync(path, { timeout: busyTimeoutMs, enableForeignKeyConstraints: true });
  if (path !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  // 64 MiB of page cache (the default is 2 MiB): listing search at 100k rows re-reads its index ranges and rows.
  database.exec('PRAGMA cache_size = -65536');
  return database;
}

export function createSqliteDialect(database: DatabaseSync): SqliteDialect {
  const cache = new Map<string, SqliteStatement>();
  const adapter: SqliteDatabase = {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = adaptStatement(database.prepare(sql));
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
  return new SqliteDialect({ database: adapter });
}
