import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The append-only audit trail. Rows and checkpoints can be inserted, never changed or removed: triggers refuse
 * UPDATE and DELETE on both dialects (and TRUNCATE on PostgreSQL), and PostgreSQL revokes those privileges from
 * PUBLIC so a non-owner application role cannot even try. The vault's interim access-event table is retired.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('actor_session', 'text')
    .addColumn('purpose', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_account_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['audit_log', 'audit_checkpoints']) {
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
      await sql
        .raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`)
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
  await db.schema.dropTable('vault_access_events').execute();
}

export async function down(): Promise<void> {
  throw new Error('the audit trail is not removed by a migration');
}
