import type { Kysely } from 'kysely';

/**
 * Staff lifecycle: staff records (work e-mail sealed by the vault), agreement and training completions, clients
 * flagged for reassignment at offboarding, access review campaigns and their items, break-glass grants.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_members')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('work_email_ct', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('offboarded_at', 'text')
    .addColumn('offboarded_by', 'text')
    .execute();
  await db.schema
    .createTable('staff_attestations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign key: a completion record is evidence and outlives the account.
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_attestations_account').on('staff_attestations').columns(['account_id', 'kind']).execute();
  await db.schema
    .createTable('staff_reassignments')
    .addColumn('customer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('from_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('to_account_id', 'text')
    .addPrimaryKeyConstraint('staff_reassignments_pk', ['customer_account_id', 'from_account_id'])
    .execute();
  await db.schema
    .createTable('staff_review_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable('staff_review_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('staff_review_campaigns.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('staff_review_items_campaign').on('staff_review_items').columns(['campaign_id', 'decision']).execute();
  await db.schema
    .createTable('staff_break_glass')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('customer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('expiry_recorded_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await db.schema.createIndex('staff_break_glass_actor').on('staff_break_glass').columns(['actor_account_id', 'subject_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'staff_break_glass',
    'staff_review_items',
    'staff_review_campaigns',
    'staff_reassignments',
    'staff_attestations',
    'staff_members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
