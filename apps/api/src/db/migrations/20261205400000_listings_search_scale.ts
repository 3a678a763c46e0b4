import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Listing search at 100,000 listings (issue 20, ADR 0021):
 * - listing_licences: one row per (licence, listing), so the licence filter is an index probe instead of a
 *   `licences like '%"icp"%'` scan of every row's JSON text. listings.licences stays the source the teaser reads;
 *   the repository writes both in the same call.
 * - SQLite: listings_public_city_text / listings_public_newest_text, the public order (per city, and overall)
 *   carrying the search text as a trailing key, so a common word is tested on index entries and only matching rows
 *   are fetched — "rare city + common word" no longer reads every listing of the city. PostgreSQL answers that
 *   case with a BitmapAnd of the trigram index and listings_region_status (below), so it needs no copy of the text.
 * - PostgreSQL: listings_region_status, city + industry + status, for the city side of that BitmapAnd and for the
 *   re-identification guard (countLookalikes), which binds its statuses and so cannot use the partial indexes.
 *   (Not on SQLite: its planner would prefer it to listings_public_city_text and test the text on table rows.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('listing_licences')
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('listing_id', 'text', (c) => c.notNull().references('listings.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('listing_licences_pk', ['licence', 'listing_id'])
    .execute();
  await db.schema.createIndex('listing_licences_listing').on('listing_licences').column('listing_id').execute();
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('listings')
      .select(['id', 'licences'])
      .where('id', '>', after)
      .where('licences', '!=', '[]')
      .orderBy('id')
      .limit(1000)
      .execute()) as { id: string; licences: string }[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    const values = rows.flatMap((r) => [...new Set(JSON.parse(r.licences) as string[])].map((licence) => ({ licence, listing_id: r.id })));
    for (let i = 0; i < values.length; i += 500)
      await db
        .insertInto('listing_licences')
        .values(values.slice(i, i + 500))
        .execute();
  }

  if (!postgres) {
    const PUBLIC = sql`where status in ('published', 'under_offer')`;
    await sql`create index listings_public_city_text on listings (city_code, published_at desc, id desc, search_text) ${PUBLIC}`.execute(
      db,
    );
    await sql`create index listings_public_newest_text on listings (published_at desc, id desc, search_text) ${PUBLIC}`.execute(db);
  } else await db.schema.createIndex('listings_region_status').on('listings').columns(['city_code', 'industry', 'status']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await db.schema.dropIndex('listings_region_status').execute();
  else for (const index of ['listings_public_newest_text', 'listings_public_city_text']) await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('listing_licences').execute();
}
