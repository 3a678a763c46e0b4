import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vault_subjects')
    .addColumn('subject_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dek_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('erased_by', 'text')
    .addColumn('erasure_reason', 'text')
    .execute();
  await db.schema
    .createTable('vault_access_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text', (c) => c.notNull())
    .addColumn('actor_roles', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('vault_access_events_subject').on('vault_access_events').columns(['subject_id', 'at']).execute();
  let profiles = db.schema
    .createTable('account_profiles')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().unique().references('vault_subjects.subject_id'));
  for (const field of ['real_name', 'mobile', 'email', 'wechat', 'id_number', 'address']) {
    profiles = profiles.addColumn(`${field}_ct`, 'text');
  }
  for (const field of ['mobile', 'email', 'id_number']) profiles = profiles.addColumn(`${field}_bidx`, 'text');
  await profiles.addColumn('updated_at', 'text', (c) => c.notNull()).execute();
  for (const field of ['mobile', 'email', 'id_number']) {
    await db.schema.createIndex(`account_profiles_${field}_bidx`).on('account_profiles').column(`${field}_bidx`).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_profiles').execute();
  await db.schema.dropTable('vault_access_events').execute();
  await db.schema.dropTable('vault_subjects').execute();
}
