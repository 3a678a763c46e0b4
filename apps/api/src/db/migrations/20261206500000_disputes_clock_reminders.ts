import type { Kysely } from 'kysely';

/**
 * Dispute clock reminders (issue 19 item 3): one row per dispute, clock (respond / resolve) and kind (due / overdue),
 * so the daily sweep tells each side once, whichever instance runs it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dispute_reminders')
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispute_reminders_pk', ['dispute_id', 'clock', 'kind'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dispute_reminders').execute();
}
