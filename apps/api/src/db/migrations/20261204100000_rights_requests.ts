import type { Kysely } from 'kysely';

/**
 * Typed rights requests (modules/rights): one row per request with its workflow state, clock, identity check,
 * extension, answer or refusal and outcome; the requester's details are sealed by the vault (`detail_ct`,
 * registered as `rights_requests.detail`). `rights_request_events` is the history the requester sees.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail_ct', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('identity_confirmed_at', 'text')
    .addColumn('identity_method', 'text')
    .addColumn('extended_at', 'text')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('answer', 'text')
    .addColumn('refusal_code', 'text')
    .addColumn('refusal_text', 'text')
    .addColumn('outcome_json', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('rights_requests_status_due').on('rights_requests').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('rights_requests_account').on('rights_requests').columns(['account_id', 'kind']).execute();
  await db.schema
    .createTable('rights_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('rights_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('by_kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('rights_request_events_request')
    .unique()
    .on('rights_request_events')
    .columns(['request_id', 'seq'])
    .execute();
  // The export walks every registered table by subject: these had no index on it.
  for (const table of ['thread_messages', 'proof_of_funds', 'identity_verifications', 'rights_requests']) {
    await db.schema.createIndex(`${table}_subject`).ifNotExists().on(table).column('subject_id').execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['thread_messages', 'proof_of_funds', 'identity_verifications', 'rights_requests']) {
    await db.schema.dropIndex(`${table}_subject`).ifExists().execute();
  }
  await db.schema.dropTable('rights_request_events').execute();
  await db.schema.dropTable('rights_requests').execute();
}
