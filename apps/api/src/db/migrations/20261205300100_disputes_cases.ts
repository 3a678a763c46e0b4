import type { Kysely } from 'kysely';

/**
 * Disputes (issue 19): a case about a listing between its parties or with the center, its parties, evidence by
 * reference (documents and messages, never copies), mediation sessions with notes, the outcome or referral.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('listing_id', 'text', (c) => c.notNull())
    .addColumn('listing_code', 'text', (c) => c.notNull())
    .addColumn('against', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mediator_account_id', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('resolve_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closing', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('disputes_mediator').on('disputes').columns(['mediator_account_id', 'status']).execute();
  await db.schema
    .createTable('dispute_parties')
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_parties_pk', ['dispute_id', 'account_id'])
    .execute();
  await db.schema.createIndex('dispute_parties_account').on('dispute_parties').column('account_id').execute();
  await db.schema
    .createTable('dispute_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_side', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dispute_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('mediator_account_id', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['dispute_sessions', 'dispute_evidence', 'dispute_parties', 'disputes']) await db.schema.dropTable(table).execute();
}
