import type { Kysely } from 'kysely';

/**
 * Retention (issue 14 item 6, ADR 0018 addendum): legal holds on one deal (its records in every deal-life copy, and
 * its parties' records reached through it) or on one listing, alongside the account and class holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('retention_holds').addColumn('deal_id', 'text').execute();
  await db.schema.alterTable('retention_holds').addColumn('listing_id', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('retention_holds').dropColumn('listing_id').execute();
  await db.schema.alterTable('retention_holds').dropColumn('deal_id').execute();
}
