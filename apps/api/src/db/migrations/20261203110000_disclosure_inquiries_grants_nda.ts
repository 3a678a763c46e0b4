import type { Kysely } from 'kysely';

/**
 * The disclosure path (issue 11): advisers for everyone (assignment rules; an assignment now ends when the customer
 * is reassigned), inquiries, proof of funds, click-wrap NDA templates and signatures, per-buyer grants of levels
 * L1–L3 with their history, and brokers' registry-check reveals of a listing's company.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('client_assignments').addColumn('ended_at', 'text').execute();
  await db.schema.alterTable('client_assignments').addColumn('ended_by', 'text').execute();
  await db.schema
    .createIndex('client_assignments_customer')
    .on('client_assignments')
    .columns(['customer_account_id', 'ended_at'])
    .execute();

  await db.schema
    .createTable('adviser_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text')
    .addColumn('industry', 'text')
    .addColumn('broker_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('buyer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('buyer_type', 'text', (c) => c.notNull())
    .addColumn('budget_band', 'text', (c) => c.notNull())
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema.createIndex('inquiries_listing_buyer').on('inquiries').columns(['listing_id', 'buyer_account_id']).unique().execute();
  await db.schema.createIndex('inquiries_buyer').on('inquiries').column('buyer_account_id').execute();

  await db.schema
    .createTable('listing_disclosure_settings')
    .addColumn('listing_id', 'text', (c) => c.primaryKey().references('listings.id').onDelete('cascade'))
    .addColumn('requires_proof_of_funds', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('proof_of_funds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('buyer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('document_ct', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_reason', 'text')
    .execute();
  await db.schema
    .createIndex('proof_of_funds_listing_buyer')
    .on('proof_of_funds')
    .columns(['listing_id', 'buyer_account_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('nda_templates')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute();

  await db.schema
    .createTable('nda_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('buyer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('variables_json', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('device_label', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('certificate_sha256', 'text')
    .execute();
  await db.schema.createIndex('nda_signatures_listing_buyer').on('nda_signatures').columns(['listing_id', 'buyer_account_id']).execute();
  await db.schema.createIndex('nda_signatures_certificate').on('nda_signatures').column('certificate_sha256').execute();

  await db.schema
    .createTable('disclosure_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('buyer_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiries.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_grants_pair_level')
    .on('disclosure_grants')
    .columns(['listing_id', 'buyer_account_id', 'level'])
    .unique()
    .execute();
  await db.schema.createIndex('disclosure_grants_state_expiry').on('disclosure_grants').columns(['state', 'expires_at']).execute();

  await db.schema
    .createTable('disclosure_grant_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull().references('disclosure_grants.id').onDelete('cascade'))
    .addColumn('listing_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('disclosure_grant_events_listing').on('disclosure_grant_events').columns(['listing_id', 'at']).execute();

  await db.schema
    .createTable('listing_company_reveals')
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('broker_account_id', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_company_reveals_pk', ['listing_id', 'broker_account_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'listing_company_reveals',
    'disclosure_grant_events',
    'disclosure_grants',
    'nda_signatures',
    'nda_templates',
    'proof_of_funds',
    'listing_disclosure_settings',
    'inquiries',
    'adviser_rules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('client_assignments_customer').execute();
  await db.schema.alterTable('client_assignments').dropColumn('ended_by').execute();
  await db.schema.alterTable('client_assignments').dropColumn('ended_at').execute();
}
