import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('vault_subjects.subject_id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mobile_ct', 'text')
    .addColumn('mobile_bidx', 'text')
    .addColumn('email_ct', 'text')
    .addColumn('email_bidx', 'text')
    .addColumn('body_ct', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .addColumn('failure', 'text')
    .execute();
  await db.schema.createIndex('delivery_outbox_created').on('delivery_outbox').column('created_at').execute();
  await db.schema.createIndex('delivery_outbox_subject').on('delivery_outbox').column('subject_id').execute();
  await db.schema.createIndex('delivery_outbox_mobile_bidx').on('delivery_outbox').column('mobile_bidx').execute();
  await db.schema.createIndex('delivery_outbox_email_bidx').on('delivery_outbox').column('email_bidx').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_outbox').execute();
}
