import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, RetentionCertificatesTable, RetentionHoldsTable, RetentionRunsTable } from '../../db/schema.ts';
import { recordKeyOf } from '../lifecycle/index.ts';
import type { DealPath, PersonalDataCopy } from '../vault/index.ts';

export type HoldRow = Selectable<RetentionHoldsTable>;
export type RunRow = Selectable<RetentionRunsTable>;
export type CertificateRow = Selectable<RetentionCertificatesTable>;
/** One record of a declared copy as the retention job sees it: ids and dates, never a value. */
export type ScannedRecord = {
  id: string;
  subject_id: string | null;
  account_id: string | null;
  clock_at: string | null;
  closed_at: string | null;
  /** Deal-life copies (`dealPath`): 1 while a deal the record belongs to runs. */
  deal_running?: number | string | null;
  /** The end of the record's deal (closed / cancelled), or with no deal the listing's end (sold / withdrawn). */
  deal_end_at?: string | null;
  /** What a deal / listing hold matches: the record's deal, its listing, and the buyer whose interest it is. */
  deal_id?: string | null;
  listing_id?: string | null;
  buyer_id?: string | null;
};

/**
 * The deal columns of the scan, computed in SQL (the same text on SQLite and PostgreSQL): whether a deal of the record
 * still runs, when its deal (or, without one, its listing) ended, and the deal / listing / buyer a hold matches.
 */
export function dealColumnsOf(path: DealPath) {
  const ended = sql`coalesce(d.closed_at, d.cancelled_at)`;
  if (path.via === 'deal') {
    const deal = sql.ref(path.deal);
    return {
      join: sql`left join deals d on d.id = ${deal}`,
      select: sql`case when d.status = 'open' then 1 else 0 end as deal_running,
        case when d.status = 'open' then null else coalesce(d.closed_at, d.cancelled_at, d.updated_at) end as deal_end_at,
        d.id as deal_id, d.listing_id as listing_id, d.buyer_account_id as buyer_id`,
    };
  }
  if (path.via === 'party') {
    const account = sql.ref(path.account);
    const mine = sql`(d.seller_account_id = ${account} or d.buyer_account_id = ${account})`;
    return {
      join: sql``,
      select: sql`case when exists (select 1 from deals d where ${mine} and d.status = 'open') then 1 else 0 end as deal_running,
        (select max(${ended}) from deals d where ${mine} and d.status <> 'open') as deal_end_at,
        null as deal_id, null as listing_id, null as buyer_id`,
    };
  }
  const [listing, buyer] = [sql.ref(path.listing), sql.ref(path.buyer)];
  const theirs = sql`d.listing_id = ${listing} and d.buyer_account_id = ${buyer}`;
  return {
    join: path.through ? sql`left join ${sql.table(path.through.table)} p on p.id = ${sql.ref(`t.${path.through.key}`)}` : sql``,
    select: sql`case when exists (select 1 from deals d where ${theirs} and d.status = 'open') then 1 else 0 end as deal_running,
      coalesce((select max(${ended}) from deals d where ${theirs} and d.status <> 'open'),
        (select l.updated_at from listings l where l.id = ${listing} and l.status in ('sold', 'withdrawn'))) as deal_end_at,
      null as deal_id, ${listing} as listing_id, ${buyer} as buyer_id`,
  };
}

export type RetentionRepo = ReturnType<typeof operations> & {
  transaction: <T>(work: (repo: RetentionRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

/** Holds, runs, certificates, and the paged scan of a declared copy (table and column names come from code only). */
export function createRetentionRepo(db: Kysely<Database>): RetentionRepo {
  return {
    ...operations(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRetentionRepo(trx), trx)),
  };
}

function operations(db: Kysely<Database>) {
  return {
    insertHold: (row: RetentionHoldsTable) => db.insertInto('retention_holds').values(row).execute(),
    listHolds: () => db.selectFrom('retention_holds').selectAll().orderBy('placed_at', 'desc').limit(200).execute(),
    activeHolds: () => db.selectFrom('retention_holds').selectAll().where('lifted_at', 'is', null).execute(),
    findHold: (id: string) => db.selectFrom('retention_holds').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Compare-and-set: only a hold still in force is lifted (two officers cannot both lift it). */
    liftHold: async (id: string, at: string, by: string | null, reason: string) =>
      Number(
        (
          await db
            .updateTable('retention_holds')
            .set({ lifted_at: at, lifted_by: by, lift_reason: reason })
            .where('id', '=', id)
            .where('lifted_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1,

    insertRun: (row: RetentionRunsTable) => db.insertInto('retention_runs').values(row).execute(),
    listRuns: () => db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').limit(20).execute(),

    insertCertificate: (row: RetentionCertificatesTable) => db.insertInto('retention_certificates').values(row).execute(),
    listCertificates: () => db.selectFrom('retention_certificates').selectAll().orderBy('destroyed_at', 'desc').limit(200).execute(),
    findCertificate: (id: string) =>
      db
        .selectFrom('retention_certificates')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', id), eb('certificate_no', '=', id)]))
        .executeTakeFirst(),

    dealByNo: (dealNo: string) =>
      db
        .selectFrom('deals')
        .select(['id', 'code', 'listing_id', 'buyer_account_id', 'seller_account_id'])
        .where('code', '=', dealNo)
        .executeTakeFirst(),
    dealsByIds: (ids: string[]) =>
      ids.length
        ? db
            .selectFrom('deals')
            .select(['id', 'code', 'listing_id', 'buyer_account_id', 'seller_account_id'])
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),
    listingByCode: (code: string) => db.selectFrom('listings').select(['id', 'code']).where('code', '=', code).executeTakeFirst(),
    listingCodes: async (ids: string[]) =>
      new Map(
        ids.length
          ? (await db.selectFrom('listings').select(['id', 'code']).where('id', 'in', ids).execute()).map((l) => [l.id, l.code])
          : [],
      ),
    accountByNo: (accountNo: string) =>
      db.selectFrom('accounts').select(['id', 'kind']).where('account_no', '=', accountNo).executeTakeFirst(),
    accountNumbers: async (ids: string[]) =>
      new Map(
        ids.length
          ? (await db.selectFrom('accounts').select(['id', 'account_no']).where('id', 'in', ids).execute()).map((a) => [a.id, a.account_no])
          : [],
      ),

    /**
     * One page of a declared copy, in id order: the record's id, subject, account, its clock column and the account's
     * closing day. Table and column names come from PERSONAL_DATA_COPIES (code), never from input.
     */
    scanPage: async (copy: PersonalDataCopy, afterId: string, limit: number): Promise<ScannedRecord[]> => {
      const column = (name: string | undefined) => (name ? sql.ref(`t.${name}`) : sql`null`);
      const joined = copy.accountColumn ? sql`left join accounts a on a.id = ${sql.ref(`t.${copy.accountColumn}`)}` : sql``;
      const closed = copy.accountColumn ? sql.ref('a.closed_at') : sql`null`;
      const deal = copy.dealPath ? dealColumnsOf(copy.dealPath) : null;
      const key = recordKeyOf(copy, 't');
      const result = await sql<ScannedRecord>`select ${key} as id, ${column(copy.subjectColumn)} as subject_id,
          ${column(copy.accountColumn)} as account_id, ${column(copy.clockColumn)} as clock_at, ${closed} as closed_at
          ${deal ? sql`, ${deal.select}` : sql``}
        from ${sql.table(copy.table)} t ${joined} ${deal?.join ?? sql``}
        where ${key} > ${afterId} order by ${key} limit ${limit}`.execute(db);
      return result.rows;
    },
  };
}
