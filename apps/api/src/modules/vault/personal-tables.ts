import { PERSONAL_FIELDS } from './personal-data-registry.ts';

/**
 * How each table that holds registered fields names a record: the columns whose values, joined by ':', are the
 * record id the vault bound each ciphertext to (its AAD). The rights export (and any other whole-subject reader)
 * walks the registry with this, so a new field in a known table needs no code; a new table needs one line here,
 * and the drift test (test/rights/export-drift.test.ts) fails until it has it.
 */
export const PERSONAL_TABLE_RECORD_IDS: Readonly<Record<string, readonly string[]>> = {
  account_profiles: ['account_id'],
  delivery_outbox: ['id'],
  privacy_tickets: ['id'],
  identity_verifications: ['id'],
  staff_members: ['account_id'],
  listing_companies: ['listing_id'],
  proof_of_funds: ['id'],
  thread_messages: ['id'],
  deal_custody_items: ['deal_id', 'kind'],
  deals: ['id'],
  rights_requests: ['id'],
};

/**
 * Tables without a `subject_id` of their own, sealed under their parent's subject: `[parent table, own column,
 * parent column]` (a custody photo is sealed under its deal's subject).
 */
export const PERSONAL_TABLE_PARENTS: Readonly<Record<string, readonly [string, string, string]>> = {
  deal_custody_items: ['deals', 'deal_id', 'id'],
};

/** Every table with a registered field, in registry order. */
export function personalTables(): string[] {
  return [...new Set(PERSONAL_FIELDS.map((f) => f.table))];
}

/** The record-id columns of a registered table; throws for a table nobody declared (fail closed). */
export function recordIdColumns(table: string): readonly string[] {
  const columns = PERSONAL_TABLE_RECORD_IDS[table];
  if (!columns) throw new Error(`no record id declared for registered table ${table} (vault/personal-tables.ts)`);
  return columns;
}
