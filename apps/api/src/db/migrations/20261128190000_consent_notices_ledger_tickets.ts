import type { Kysely } from 'kysely';

/**
 * Consent (issue 7): published privacy-notice versions, the consent ledger (one row per event, each its own signed
 * receipt) and privacy tickets (feedback and rights requests, texts sealed by the vault).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent_notices')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('prose_zh', 'text', (c) => c.notNull())
    .addColumn('prose_en', 'text', (c) => c.notNull())
    .addColumn('inventory_json', 'text', (c) => c.notNull())
    .addColumn('purpose_versions_json', 'text', (c) => c.notNull())
    .addColumn('changed_purposes_json', 'text', (c) => c.notNull())
    .addColumn('rule_change', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consent_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('consent_key', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('ui_text_hash', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('purpose_version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consent_events_account_key')
    .on('consent_events')
    .columns(['account_id', 'consent_key', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createTable('privacy_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('message_ct', 'text')
    .addColumn('contact_email_ct', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('privacy_tickets_status').on('privacy_tickets').columns(['status', 'due_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('privacy_tickets').execute();
  await db.schema.dropTable('consent_events').execute();
  await db.schema.dropTable('consent_notices').execute();
}
