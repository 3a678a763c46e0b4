import type { Kysely } from 'kysely';

/**
 * Privacy feedback tickets are answered like rights requests (issue 14 item 5): the officer's answer, one extension
 * with its reason, a refusal with a reason code and text, the reminder / escalation marks of the clock job, and
 * `privacy_ticket_events`, the history the sender sees. Texts written by the officer pass the identifier guard.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of [
    ['answer', 'text'],
    ['answered_at', 'text'],
    ['refusal_code', 'text'],
    ['refusal_text', 'text'],
    ['extended_at', 'text'],
    ['extension_days', 'integer'],
    ['extension_reason', 'text'],
    ['reminded_at', 'text'],
    ['escalated_at', 'text'],
  ] as const) {
    await db.schema.alterTable('privacy_tickets').addColumn(column, type).execute();
  }
  await db.schema
    .createTable('privacy_ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('privacy_tickets.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('by_kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('privacy_ticket_events_ticket').unique().on('privacy_ticket_events').columns(['ticket_id', 'seq']).execute();
  await db.schema.createIndex('privacy_tickets_account').on('privacy_tickets').columns(['account_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('privacy_tickets_account').execute();
  await db.schema.dropTable('privacy_ticket_events').execute();
  for (const column of [
    'escalated_at',
    'reminded_at',
    'extension_reason',
    'extension_days',
    'extended_at',
    'refusal_text',
    'refusal_code',
    'answered_at',
    'answer',
  ]) {
    await db.schema.alterTable('privacy_tickets').dropColumn(column).execute();
  }
}
