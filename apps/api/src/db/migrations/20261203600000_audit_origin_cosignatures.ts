import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The audit log's origin is fixed at first start and stored (it names the log in every signed checkpoint, so it
 * must not follow PORT or PUBLIC_URL), and witnesses' cosignatures of our checkpoints are kept. Both tables are
 * append-only like the log itself: triggers refuse UPDATE and DELETE.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_origin')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_cosignatures')
    .addColumn('witness_key_name', 'text', (c) => c.notNull())
    .addColumn('witness_key_id', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    /** The cosignature's own POSIX time (seconds), as signed. */
    .addColumn('cosigned_at', 'bigint', (c) => c.notNull())
    /** The whole signature line, ready to append to the checkpoint note. */
    .addColumn('signature_line', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_cosignatures_pk', ['witness_key_id', 'witness_key_name', 'size'])
    .execute();
  for (const table of ['audit_origin', 'audit_cosignatures']) {
    if (postgres) {
      await sql
        .raw(
          `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION '${table} is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
        )
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`)
        .execute(db);
      await sql.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`).execute(db);
    } else {
      await sql
        .raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('the audit origin and cosignatures are not removed by a migration');
}
