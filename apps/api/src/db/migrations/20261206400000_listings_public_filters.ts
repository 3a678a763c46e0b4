import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Listing search counts at 100,000 listings (issue 20, ADR 0021 addendum), PostgreSQL only:
 * listings_public_filters holds, for public listings, every column a search filter tests (but the bank account and
 * the search text) beside the id. The count of a filter that matches few listings must test every candidate; with
 * this index it does so on an index-only scan of narrow entries (about 1,400 pages at 100k) instead of the table's
 * rows (about 12,500 pages, the teaser and search text included), and the licence probe joins it by id.
 * Not on SQLite (not measured there in this change; its planner would also weigh it against the partial indexes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index listings_public_filters on listings (id) include (province_code, city_code, industry, company_type,
    taxpayer_type, filing_kind, tax_credit_grade, price_kind, price_wan, established_year, registered_capital_wan, red_flags)
    where status in ('published', 'under_offer')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await db.schema.dropIndex('listings_public_filters').execute();
}
