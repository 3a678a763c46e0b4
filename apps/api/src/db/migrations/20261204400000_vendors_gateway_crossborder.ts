import type { Kysely } from 'kysely';

/**
 * Third parties (issue 17): the vendor registry with contracts and deletion attestations, impact assessments
 * (PIPL Arts. 55–56), cross-border mechanisms, and the record of every outbound transfer the sharing gateway
 * allowed or refused (kept at least 3 years, NDSMR Art. 12). Transfers name a person only by a keyed digest.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vendor_key', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('purposes_json', 'text', (c) => c.notNull())
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('security_assessment', 'text')
    .addColumn('security_assessed_at', 'text')
    .addColumn('review_interval_days', 'integer', (c) => c.notNull())
    .addColumn('next_review_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('deletion_attested_at', 'text')
    .addColumn('deletion_attestation', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vendor_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vendor_id', 'text', (c) => c.notNull().references('vendors.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('clauses_json', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vendor_contracts_vendor').on('vendor_contracts').columns(['vendor_id', 'ends_at']).execute();
  await db.schema
    .createTable('impact_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('vendor_id', 'text', (c) => c.references('vendors.id'))
    .addColumn('purposes_json', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('review_due_at', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('crossborder_mechanisms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('filing_due_at', 'text')
    .addColumn('filed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('data_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vendor_key', 'text', (c) => c.notNull())
    .addColumn('vendor_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_digest', 'text', (c) => c.notNull())
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('cross_border', 'integer', (c) => c.notNull())
    .addColumn('consent_checked', 'integer', (c) => c.notNull())
    .addColumn('impact_assessment_id', 'text')
    .addColumn('mechanism', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_transfers_time').on('data_transfers').columns(['created_at']).execute();
  await db.schema
    .createIndex('data_transfers_ledger')
    .on('data_transfers')
    .columns(['year', 'cross_border', 'outcome', 'sensitive', 'subject_digest'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['data_transfers', 'crossborder_mechanisms', 'impact_assessments', 'vendor_contracts', 'vendors'])
    await db.schema.dropTable(table).ifExists().execute();
}
