import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { PUBLIC_LISTING_STATUSES, type TListingSearchQuery } from '@sealbridge/contracts';
import type {
  Database,
  ListingAlertsTable,
  ListingCompaniesTable,
  ListingDealsTable,
  ListingEventsTable,
  ListingSavedSearchesTable,
  ListingsTable,
} from '../../db/schema.ts';
import { capitalRangeOfBand, yearsOfAgeBand } from './listings-bands.ts';

export type ListingsRepo = ReturnType<typeof createListingsRepo>;
export type ListingRow = ListingsTable;

/** The teaser text that full-text search looks at: only what the public sees anyway. */
export function searchTextOf(
  row: Pick<ListingsTable, 'title' | 'industry' | 'city' | 'province' | 'highlights'> & { description?: string | undefined },
): string {
  const highlights = JSON.parse(row.highlights) as string[];
  return [row.title, row.description ?? '', row.industry, row.province, row.city, ...highlights].join(' ');
}

/** Counting stops here; the response then says "more than". */
export const COUNT_CAP = 1000;
/** Above this many FTS hits a word counts as frequent (see textPlan). */
const FTS_RARE = 2000;
type TextPlan = undefined | 'scan' | string[];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/**
 * Han characters have no case and no other character folds to one, so for a word made of them `like` answers
 * exactly what `ilike` does — without lower-casing every tested text (PostgreSQL: one scan of 10,000 texts under load took 26 ms instead of 131 ms).
 */
const CASELESS = /^\p{Script=Han}+$/u;

export function createListingsRepo(db: Kysely<Database>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Literal, not bound, so the planner can use the partial index listings_public_newest; it must name exactly
  // PUBLIC_LISTING_STATUSES (a test checks that both agree).
  const PUBLIC = sql<boolean>`status in ('published', 'under_offer')`;
  const published = () => db.selectFrom('listings').where(PUBLIC);

  /** SQLite keeps the trigram index in an FTS5 table beside the row; PostgreSQL indexes the column itself. */
  async function syncFts(trx: Kysely<Database>, rows: { id: string; search_text: string }[]) {
    if (postgres || rows.length === 0) return;
    await trx
      .deleteFrom('listings_fts')
      .where(
        'listing_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    await trx
      .insertInto('listings_fts')
      .values(rows.map((r) => ({ listing_id: r.id, body: r.search_text })))
      .execute();
  }

  /** listing_licences mirrors listings.licences (JSON text, the teaser's source) row for row. */
  async function syncLicences(trx: Kysely<Database>, rows: { id: string; licences?: string | undefined }[]) {
    const known = rows.filter((r) => r.licences !== undefined);
    if (known.length === 0) return;
    await trx
      .deleteFrom('listing_licences')
      .where(
        'listing_id',
        'in',
        known.map((r) => r.id),
      )
      .execute();
    const values = known.flatMap((r) =>
      [...new Set(JSON.parse(r.licences ?? '[]') as string[])].map((licence) => ({ licence, listing_id: r.id })),
    );
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('listing_licences')
        .values(values.slice(i, i + 500))
        .execute();
  }

  /**
   * SQLite text search plan: a rare word is answered by the FTS5 trigram index (the ids of its few matches); a
   * frequent one by scanning the public order until the page is full — faster than listing 50,000 matches first.
   */
  async function textPlan(query: TListingSearchQuery): Promise<TextPlan> {
    const text = query.q?.trim();
    if (!text || postgres) return undefined;
    if ([...text].length < 3) return 'scan';
    // Within one city the scan reads listings_public_city_text, whose entries carry the text: at most a city's
    // index entries are tested, which beats asking the trigram index for a common word's thousands of hits.
    if (query.cityCode) return 'scan';
    const hits = await db
      .selectFrom('listings_fts')
      .select('listing_id')
      .where(sql<boolean>`body like ${`%${escapeLike(text)}%`} escape '\\'`)
      .limit(FTS_RARE + 1)
      .execute();
    return hits.length > FTS_RARE ? 'scan' : hits.map((h) => h.listing_id);
  }

  function filtered(query: TListingSearchQuery, today: Date, plan: TextPlan = undefined) {
    let q = published();
    if (query.provinceCode) q = q.where('province_code', '=', query.provinceCode);
    if (query.cityCode) q = q.where('city_code', '=', query.cityCode);
    if (query.industry) q = q.where('industry', '=', query.industry);
    if (query.companyType) q = q.where('company_type', '=', query.companyType);
    if (query.taxpayerType) q = q.where('taxpayer_type', '=', query.taxpayerType);
    if (query.filingKind) q = q.where('filing_kind', '=', query.filingKind);
    if (query.taxCreditGrade?.length) q = q.where('tax_credit_grade', 'in', query.taxCreditGrade);
    if (query.priceKind) q = q.where('price_kind', '=', query.priceKind);
    if (query.priceMaxWan !== undefined) q = q.where('price_kind', '=', 'fixed').where('price_wan', '<=', query.priceMaxWan);
    if (query.hasBankAccount === true) q = q.where('bank_account', 'is not', null);
    if (query.hasBankAccount === false) q = q.where('bank_account', 'is', null);
    if (query.noRedFlags) q = q.where('red_flags', '=', '[]');
    // Each licence is one probe of listing_licences' primary key (licence, listing_id), not a scan of JSON text.
    for (const licence of query.licence ?? [])
      q = q.where('id', 'in', db.selectFrom('listing_licences').select('listing_id').where('licence', '=', licence));
    if (query.ageBand?.length) {
      const ranges = query.ageBand.map((b) => yearsOfAgeBand(b, today));
      q = q.where((eb) => eb.or(ranges.map(([lo, hi]) => eb.and([eb('established_year', '>=', lo), eb('established_year', '<=', hi)]))));
    }
    if (query.capitalBand?.length) {
      const ranges = query.capitalBand.map(capitalRangeOfBand);
      q = q.where((eb) =>
        eb.or(ranges.map(([lo, hi]) => eb.and([eb('registered_capital_wan', '>=', lo), eb('registered_capital_wan', '<', hi)]))),
      );
    }
    const text = query.q?.trim();
    if (text) {
      const pattern = `%${escapeLike(text)}%`;
      if (postgres && CASELESS.test(text)) q = q.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
      else if (postgres) q = q.where(sql<boolean>`search_text ilike ${pattern} escape '\\'`);
      else if (Array.isArray(plan)) q = plan.length ? q.where('id', 'in', plan) : q.where(sql<boolean>`1 = 0`);
      else q = q.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
    }
    return q;
  }

  const repo = {
    /** Runs `work` in one transaction (bind a repository to it with createListingsRepo(trx)). */
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(work),
    listPublished: (offset: number, limit: number) =>
      published().selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    countPublished: async () =>
      Number(
        (
          await published()
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /**
     * One page and the number of matches, counted up to COUNT_CAP (beyond it the answer is "more than"): an exact
     * count of a frequent word over 100k listings costs more than the page itself.
     */
    search: async (query: TListingSearchQuery, today: Date) => {
      const plan = await textPlan(query);
      let q = filtered(query, today, plan).selectAll();
      switch (query.sort) {
        // Price sorts list priced listings (面议 has no price to sort by), straight from listings_public_price.
        case 'price_asc':
          q = q.where('price_wan', 'is not', null).orderBy('price_wan', 'asc');
          break;
        case 'price_desc':
          q = q.where('price_wan', 'is not', null).orderBy('price_wan', 'desc');
          break;
        case 'oldest_company':
          q = q.orderBy('established_year', 'asc');
          break;
        default:
          break;
      }
      const items = await q
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .execute();
      let counted = filtered(query, today, plan).select(sql`1`.as('one'));
      if (query.sort === 'price_asc' || query.sort === 'price_desc') counted = counted.where('price_wan', 'is not', null);
      const row = await db
        .selectFrom(counted.limit(COUNT_CAP + 1).as('m'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const n = Number(row.n);
      return { items, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
    },
    stats: async () => {
      const row = await published()
        .select((eb) => [
          eb.fn.countAll().as('listings'),
          eb.fn.count('province').distinct().as('provinces'),
          eb.fn.count('industry').distinct().as('industries'),
        ])
        .executeTakeFirstOrThrow();
      return { listings: Number(row.listings), provinces: Number(row.provinces), industries: Number(row.industries) };
    },
    insertMany: async (rows: ListingsTable[]) => {
      const withText = rows.map((r) => ({ ...r, search_text: r.search_text || searchTextOf(r) }));
      for (let i = 0; i < withText.length; i += 200) {
        const chunk = withText.slice(i, i + 200);
        await db.insertInto('listings').values(chunk).execute();
        await syncFts(db, chunk);
        await syncLicences(db, chunk);
      }
    },
    findById: (id: string) => db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirst(),
    findPublicByCode: (code: string) => published().selectAll().where('code', '=', code).executeTakeFirst(),
    findPublicByIds: (ids: string[]) => (ids.length ? published().selectAll().where('id', 'in', ids).execute() : Promise.resolve([])),
    insert: async (row: ListingsTable) => {
      await db.insertInto('listings').values(row).execute();
      await syncFts(db, [{ id: row.id, search_text: row.search_text ?? '' }]);
      await syncLicences(db, [{ id: row.id, licences: row.licences ?? '[]' }]);
    },
    update: async (id: string, columns: Partial<ListingsTable>) => {
      await db.updateTable('listings').set(columns).where('id', '=', id).execute();
      if (columns.search_text !== undefined) await syncFts(db, [{ id, search_text: columns.search_text }]);
      if (columns.licences !== undefined) await syncLicences(db, [{ id, licences: columns.licences }]);
    },
    bySeller: (sellerId: string) =>
      db.selectFrom('listings').selectAll().where('seller_account_id', '=', sellerId).orderBy('updated_at', 'desc').limit(200).execute(),
    byBroker: (brokerId: string) =>
      db
        .selectFrom('listings')
        .selectAll()
        .where('broker_account_id', '=', brokerId)
        .where('status', '!=', 'draft')
        .orderBy('updated_at', 'desc')
        .limit(200)
        .execute(),
    nextCode: async () => {
      const row = await db
        .selectFrom('listings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return `SB-${2027_0001 + Number(row.n)}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    },
    /** The seller's broker: the earliest assignment (profiles' client_assignments). */
    brokerOf: async (sellerId: string) =>
      (
        await db
          .selectFrom('client_assignments')
          .select('broker_account_id')
          .where('customer_account_id', '=', sellerId)
          .where('ended_at', 'is', null)
          .orderBy('assigned_at')
          .limit(1)
          .executeTakeFirst()
      )?.broker_account_id ?? null,
    companyOf: (listingId: string) => db.selectFrom('listing_companies').selectAll().where('listing_id', '=', listingId).executeTakeFirst(),
    /** A reassigned seller's listings follow them to the new adviser. */
    moveSellerListings: (sellerId: string, brokerId: string) =>
      db.updateTable('listings').set({ broker_account_id: brokerId }).where('seller_account_id', '=', sellerId).execute(),
    recordCompanyReveal: (listingId: string, brokerId: string, at: string) =>
      db
        .insertInto('listing_company_reveals')
        .values({ listing_id: listingId, broker_account_id: brokerId, revealed_at: at })
        .onConflict((oc) => oc.columns(['listing_id', 'broker_account_id']).doUpdateSet({ revealed_at: at }))
        .execute(),
    companyRevealedBy: async (listingId: string, brokerId: string) =>
      (await db
        .selectFrom('listing_company_reveals')
        .select('revealed_at')
        .where('listing_id', '=', listingId)
        .where('broker_account_id', '=', brokerId)
        .executeTakeFirst()) !== undefined,
    upsertCompany: async (row: ListingCompaniesTable) => {
      await db.deleteFrom('listing_companies').where('listing_id', '=', row.listing_id).execute();
      await db.insertInto('listing_companies').values(row).execute();
    },
    /** Other listings of the same credit code (by blind index: candidates, to be confirmed in the vault). */
    sameCompany: (bidx: string, exceptListingId: string) =>
      db
        .selectFrom('listing_companies')
        .innerJoin('listings', 'listings.id', 'listing_companies.listing_id')
        .select(['listing_companies.listing_id', 'listing_companies.subject_id', 'listing_companies.credit_code_ct', 'listings.status'])
        .where('listing_companies.credit_code_bidx', '=', bidx)
        .where('listing_companies.listing_id', '!=', exceptListingId)
        .where('listings.status', 'not in', ['withdrawn', 'sold'])
        .execute(),
    openDealsFor: (bidx: string) =>
      db.selectFrom('listing_deals').selectAll().where('credit_code_bidx', '=', bidx).where('ended_at', 'is', null).execute(),
    openDealOf: (listingId: string) =>
      db.selectFrom('listing_deals').selectAll().where('listing_id', '=', listingId).where('ended_at', 'is', null).executeTakeFirst(),
    insertDeal: (row: ListingDealsTable) => db.insertInto('listing_deals').values(row).execute(),
    endDeal: (id: string, at: string, outcome: 'closed' | 'cancelled') =>
      db.updateTable('listing_deals').set({ ended_at: at, outcome }).where('id', '=', id).execute(),
    /** Ids of every listing a broker advises (the deal desk lists their deals by them). */
    idsAdvisedBy: async (brokerId: string) =>
      (await db.selectFrom('listings').select('id').where('broker_account_id', '=', brokerId).execute()).map((r) => r.id),
    /** The lock row of the deal that sold a listing (it names the buyer). */
    closedDealOf: (listingId: string) =>
      db
        .selectFrom('listing_deals')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('outcome', '=', 'closed')
        .orderBy('ended_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    insertEvent: (row: ListingEventsTable) => db.insertInto('listing_events').values(row).execute(),
    eventsOf: (listingId: string) =>
      db.selectFrom('listing_events').selectAll().where('listing_id', '=', listingId).orderBy('at').orderBy('id').execute(),
    /** Live listings sharing a teaser's combination (the re-identification guard). */
    countLookalikes: async (key: { cityCode: string; industry: string; years: [number, number]; capital: [number, number] }) =>
      Number(
        (
          await db
            .selectFrom('listings')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('city_code', '=', key.cityCode)
            .where('industry', '=', key.industry)
            .where('established_year', '>=', key.years[0])
            .where('established_year', '<=', key.years[1])
            .where('registered_capital_wan', '>=', key.capital[0])
            .where('registered_capital_wan', '<', key.capital[1])
            // Only what the public sees: counting unpublished listings would tell a seller about other sellers' drafts.
            .where('status', 'in', ['published', 'under_offer'])
            .executeTakeFirstOrThrow()
        ).n,
      ),
    favorites: (accountId: string) =>
      db
        .selectFrom('listing_favorites')
        .innerJoin('listings', 'listings.id', 'listing_favorites.listing_id')
        .selectAll('listings')
        .where('listing_favorites.account_id', '=', accountId)
        .where('listings.status', 'in', [...PUBLIC_LISTING_STATUSES])
        .orderBy('listing_favorites.created_at', 'desc')
        .execute(),
    addFavorite: (accountId: string, listingId: string, at: string) =>
      db
        .insertInto('listing_favorites')
        .values({ account_id: accountId, listing_id: listingId, created_at: at })
        .onConflict((oc) => oc.columns(['account_id', 'listing_id']).doNothing())
        .execute(),
    removeFavorite: (accountId: string, listingId: string) =>
      db.deleteFrom('listing_favorites').where('account_id', '=', accountId).where('listing_id', '=', listingId).execute(),
    savedSearches: (accountId: string) =>
      db.selectFrom('listing_saved_searches').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').execute(),
    allSavedSearches: () => db.selectFrom('listing_saved_searches').selectAll().execute(),
    insertSavedSearch: (row: ListingSavedSearchesTable) => db.insertInto('listing_saved_searches').values(row).execute(),
    deleteSavedSearch: (accountId: string, id: string) =>
      db.deleteFrom('listing_saved_searches').where('account_id', '=', accountId).where('id', '=', id).execute(),
    insertAlerts: (rows: ListingAlertsTable[]) =>
      rows.length ? db.insertInto('listing_alerts').values(rows).execute() : Promise.resolve(),
    alerts: (accountId: string) =>
      db
        .selectFrom('listing_alerts')
        .innerJoin('listing_saved_searches', 'listing_saved_searches.id', 'listing_alerts.saved_search_id')
        .select([
          'listing_alerts.id',
          'listing_alerts.listing_id',
          'listing_alerts.created_at',
          'listing_alerts.read_at',
          'listing_saved_searches.name',
        ])
        .where('listing_alerts.account_id', '=', accountId)
        .orderBy('listing_alerts.created_at', 'desc')
        .limit(100)
        .execute(),
    markAlertsRead: (accountId: string, at: string) =>
      db.updateTable('listing_alerts').set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null).execute(),
    /** Whether one published listing matches a saved query (the same SQL as search, narrowed to the one row). */
    matches: async (listingId: string, query: TListingSearchQuery, today: Date) =>
      (await filtered(query, today, query.q ? 'scan' : undefined)
        .select('id')
        .where('id', '=', listingId)
        .executeTakeFirst()) !== undefined,
  };
  return repo;
}
