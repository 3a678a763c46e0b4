import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The marketplace (issue 6): the full listing model, the seller → broker flow, the company's identifying data in
 * the vault (listing_companies), deal locks against 一股二卖, favorites, saved searches and alerts, and Chinese
 * full-text search over teaser text (FTS5 trigram on SQLite, pg_trgm on PostgreSQL).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const columns: [string, 'text' | 'integer', string | number | null][] = [
    ['description', 'text', ''],
    ['province_code', 'text', null],
    ['city_code', 'text', null],
    ['district_code', 'text', null],
    ['established_on', 'text', null],
    ['paid_in_capital_wan', 'integer', null],
    ['tax_credit_grade', 'text', null],
    ['filing_kind', 'text', null],
    ['bank_account', 'text', null],
    ['licences', 'text', '[]'],
    ['ip_assets', 'text', '{}'],
    ['social_insurance_headcount', 'integer', null],
    ['red_flags', 'text', '[]'],
    ['handover', 'text', '[]'],
    ['seller_account_id', 'text', null],
    ['broker_account_id', 'text', null],
    ['review_flag', 'text', null],
    ['search_text', 'text', ''],
    ['submitted_at', 'text', null],
  ];
  for (const [name, type, dflt] of columns) {
    await db.schema
      .alterTable('listings')
      .addColumn(name, type, (c) => (dflt === null ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
  // The public listing order, for public rows only (the search's default sort and its count).
  await sql`create index listings_public_newest on listings (published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );
  await sql`create index listings_public_price on listings (price_wan, published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );
  await sql`create index listings_public_age on listings (established_year, published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );
  await db.schema.createIndex('listings_seller').on('listings').column('seller_account_id').execute();
  await db.schema.createIndex('listings_broker_status').on('listings').columns(['broker_account_id', 'status']).execute();
  await sql`create index listings_public_city on listings (city_code, industry, published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );
  await sql`create index listings_public_province on listings (province_code, published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );
  await sql`create index listings_public_industry on listings (industry, published_at desc, id desc) where status in ('published', 'under_offer')`.execute(
    db,
  );

  // The company behind a listing: name, credit code, legal representative and shareholders, sealed by the vault.
  await db.schema
    .createTable('listing_companies')
    .addColumn('listing_id', 'text', (c) => c.primaryKey().references('listings.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('company_name_ct', 'text')
    .addColumn('credit_code_ct', 'text')
    .addColumn('credit_code_bidx', 'text')
    .addColumn('legal_representative_ct', 'text')
    .addColumn('shareholders_ct', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listing_companies_credit_bidx').on('listing_companies').column('credit_code_bidx').execute();

  // Every transition of a listing, with the broker's checklist and comment (the seller reads these).
  await db.schema
    .createTable('listing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('checklist', 'text')
    .execute();
  await db.schema.createIndex('listing_events_listing').on('listing_events').columns(['listing_id', 'at']).execute();

  // Letters of intent and deposits: while one is open, the same company (credit-code blind index) is not offered again.
  await db.schema
    .createTable('listing_deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('credit_code_bidx', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('listing_deals_bidx_open').on('listing_deals').columns(['credit_code_bidx', 'ended_at']).execute();

  await db.schema
    .createTable('listing_favorites')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('listing_favorites_pk', ['account_id', 'listing_id'])
    .execute();
  await db.schema
    .createTable('listing_saved_searches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('email_alerts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listing_saved_searches_account').on('listing_saved_searches').column('account_id').execute();
  await db.schema
    .createTable('listing_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('saved_search_id', 'text', (c) => c.notNull().references('listing_saved_searches.id').onDelete('cascade'))
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('listing_alerts_account').on('listing_alerts').columns(['account_id', 'created_at']).execute();

  if (postgres) {
    // pg_trgm lives in public whatever the caller's search_path (tests use a schema each; an extension exists once
    // per database). The exception block turns a concurrent creator's race into a no-op.
    await sql`do $$ begin create extension if not exists pg_trgm schema public; exception when others then null; end $$`.execute(db);
    await sql`create index listings_search_trgm on listings using gin (search_text public.gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table listings_fts using fts5(listing_id unindexed, body, tokenize = 'trigram')`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) await sql`drop table if exists listings_fts`.execute(db);
  else await sql`drop index if exists listings_search_trgm`.execute(db);
  for (const table of [
    'listing_alerts',
    'listing_saved_searches',
    'listing_favorites',
    'listing_deals',
    'listing_events',
    'listing_companies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of [
    'listings_public_newest',
    'listings_public_price',
    'listings_public_age',
    'listings_seller',
    'listings_broker_status',
    'listings_public_city',
    'listings_public_province',
    'listings_public_industry',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const name of [
    'description',
    'province_code',
    'city_code',
    'district_code',
    'established_on',
    'paid_in_capital_wan',
    'tax_credit_grade',
    'filing_kind',
    'bank_account',
    'licences',
    'ip_assets',
    'social_insurance_headcount',
    'red_flags',
    'handover',
    'seller_account_id',
    'broker_account_id',
    'review_flag',
    'search_text',
    'submitted_at',
  ]) {
    await db.schema.alterTable('listings').dropColumn(name).execute();
  }
}
