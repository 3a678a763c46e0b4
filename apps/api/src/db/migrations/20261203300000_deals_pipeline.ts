import { sql, type Kysely } from 'kysely';

/**
 * The deal pipeline (issue 13): a deal per (listing, buyer) from inquiry to post-closing, its stage history,
 * checklist marks, custody ledger, money milestones, the PIPL Art. 22 task and the legal-representative follow-up.
 * Custody photos and the legal-representative evidence are vault ciphertexts (`_ct`) under the deal's own data
 * subject. Amounts are integers in hundredths of 万元 (`*_cents`), so sums never drift.
 *
 * The listings module's lock (`listing_deals`) learns which deal and which buyer hold it; at most one open lock per
 * listing and per company (credit-code blind index), also when two brokers race.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('listing_code', 'text', (c) => c.notNull())
    .addColumn('seller_account_id', 'text', (c) => c.notNull())
    .addColumn('buyer_account_id', 'text', (c) => c.notNull())
    .addColumn('broker_account_id', 'text')
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('stage_entered_at', 'text', (c) => c.notNull())
    .addColumn('intent_kind', 'text')
    .addColumn('intent_signed_on', 'text')
    .addColumn('exclusive_until', 'text')
    .addColumn('agreement_signed_on', 'text')
    .addColumn('seller_kind', 'text')
    .addColumn('price_cents', 'integer')
    .addColumn('cost_basis_cents', 'integer')
    .addColumn('pledge_registered_on', 'text')
    .addColumn('pledge_released_on', 'text')
    .addColumn('art22_opened_at', 'text')
    .addColumn('art22_due_on', 'text')
    .addColumn('art22_completed_at', 'text')
    .addColumn('art22_completed_by', 'text')
    .addColumn('art22_notified_on', 'text')
    .addColumn('art22_channels', 'text')
    .addColumn('art22_groups', 'text')
    .addColumn('art22_document_id', 'text')
    .addColumn('legal_rep_changed_on', 'text')
    .addColumn('legal_rep_confirmed_at', 'text')
    .addColumn('legal_rep_evidence_ct', 'text')
    .addColumn('legal_rep_evidence_type', 'text')
    .addColumn('legal_rep_last_reminder_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deals_broker').on('deals').columns(['broker_account_id', 'status']).execute();
  await db.schema.createIndex('deals_seller').on('deals').columns(['seller_account_id', 'status']).execute();
  await db.schema.createIndex('deals_buyer').on('deals').columns(['buyer_account_id', 'status']).execute();
  // One open deal per buyer per listing (a second "start" is the same deal).
  await db.schema
    .createIndex('deals_one_open_per_buyer')
    .on('deals')
    .columns(['listing_id', 'buyer_account_id'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();
  // The post-closing reminder scans closed deals whose seller has not confirmed the legal-representative change.
  await db.schema
    .createIndex('deals_legal_rep_pending')
    .on('deals')
    .column('closed_at')
    .where(sql<boolean>`status = 'closed' and legal_rep_confirmed_at is null`)
    .execute();

  await db.schema
    .createTable('deal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_events_deal').on('deal_events').columns(['deal_id', 'at']).execute();

  await db.schema
    .createTable('deal_checklist_marks')
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_by_side', 'text', (c) => c.notNull())
    .addColumn('done_by_account_id', 'text', (c) => c.notNull())
    .addColumn('remark', 'text', (c) => c.notNull())
    .addColumn('document_ids', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_checklist_marks_pk', ['deal_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('deal_custody_items')
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('photo_ct', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('photo_uploaded_by', 'text')
    .addColumn('photo_uploaded_at', 'text')
    .addColumn('seller_confirmed_at', 'text')
    .addColumn('seller_confirmed_by', 'text')
    .addColumn('buyer_confirmed_at', 'text')
    .addColumn('buyer_confirmed_by', 'text')
    .addColumn('old_seal_cancelled_on', 'text')
    .addColumn('new_seal_filed_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_custody_items_pk', ['deal_id', 'kind'])
    .execute();

  await db.schema
    .createTable('deal_money')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('released_on', 'text')
    .addColumn('claims_window_ends_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_money_deal').on('deal_money').columns(['deal_id', 'created_at']).execute();

  await db.schema.alterTable('listing_deals').addColumn('deal_id', 'text').execute();
  await db.schema.alterTable('listing_deals').addColumn('buyer_account_id', 'text').execute();
  await db.schema
    .createIndex('listing_deals_one_open_per_listing')
    .on('listing_deals')
    .column('listing_id')
    .unique()
    .where(sql<boolean>`ended_at is null`)
    .execute();
  await db.schema
    .createIndex('listing_deals_one_open_per_company')
    .on('listing_deals')
    .column('credit_code_bidx')
    .unique()
    .where(sql<boolean>`ended_at is null`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('listing_deals_one_open_per_company').execute();
  await db.schema.dropIndex('listing_deals_one_open_per_listing').execute();
  await db.schema.alterTable('listing_deals').dropColumn('buyer_account_id').execute();
  await db.schema.alterTable('listing_deals').dropColumn('deal_id').execute();
  for (const table of ['deal_money', 'deal_custody_items', 'deal_checklist_marks', 'deal_events', 'deals'])
    await db.schema.dropTable(table).execute();
}
