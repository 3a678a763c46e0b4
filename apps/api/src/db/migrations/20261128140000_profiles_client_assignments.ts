import type { Kysely } from 'kysely';

/** Which broker runs which customer: brokers see and reveal only the customers assigned to them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('client_assignments')
    .addColumn('customer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('broker_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_assignments_pk', ['customer_account_id', 'broker_account_id'])
    .execute();
  await db.schema.createIndex('client_assignments_broker').on('client_assignments').column('broker_account_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('client_assignments').execute();
}
