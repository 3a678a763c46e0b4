import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';

/** Stands for a named parameter while a prepared query is compiled; replaced by the value at each execution. */
export type Placeholder = (name: string) => string;

const MARK = '\u0000sealbridge-param:';

/**
 * A hot read built and compiled once, executed many times with fresh parameter values (ADR 0012, addendum on the
 * L1 read's cost): Kysely's builder and compiler cost more than SQLite's lookup on an indexed key, so a query run on
 * every request is compiled only on its first use. Only the parameters change between executions; nothing read is
 * kept. `build` receives placeholders to put where the values go; a placeholder the compiler would have inlined in
 * the SQL text (so could not be replaced) makes the first execution throw.
 */
export function prepared<DB, P extends Record<string, unknown>, R>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, p: Placeholder) => Compilable<R>,
): (params: P) => Promise<R[]> {
  let compiled: { sql: string; slots: (string | { value: unknown })[]; query: CompiledQuery<R>['query'] } | undefined;
  const compile = () => {
    const names = new Set<string>();
    const query = build(db, (name) => {
      names.add(name);
      return `${MARK}${name}`;
    }).compile();
    const slots = query.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : { value: v }));
    for (const name of names) if (!slots.includes(name)) throw new Error(`prepared query: placeholder ${name} is not a bound parameter`);
    if (query.sql.includes(MARK)) throw new Error('prepared query: a placeholder was inlined in the SQL text');
    return { sql: query.sql, slots, query: query.query };
  };
  return async (params) => {
    compiled ??= compile();
    const parameters = compiled.slots.map((s) => (typeof s === 'string' ? params[s] : s.value));
    const result = await db.executeQuery<R>({ sql: compiled.sql, parameters, query: compiled.query, queryId: createQueryId() });
    return result.rows;
  };
}
