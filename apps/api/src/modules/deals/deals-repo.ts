import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  DealChecklistMarksTable,
  DealCustodyItemsTable,
  DealEventsTable,
  DealMoneyTable,
  DealsTable,
} from '../../db/schema.ts';

export type DealRow = DealsTable;
export type DealMarkRow = DealChecklistMarksTable;
export type DealCustodyRow = DealCustodyItemsTable;
export type DealMoneyRow = DealMoneyTable;
export type DealEventRow = DealEventsTable;
export type DealsRepo = ReturnType<typeof queries> & {
  /** Runs `work` in one transaction with a repository bound to it (a change and its audit record commit together). */
  transaction: <T>(work: (repo: DealsRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

const LIST_LIMIT = 200;

/** Kysely over the deal tables; no rules here (deals-service and its operations hold them). */
export function createDealsRepo(db: Kysely<Database>): DealsRepo {
  return { ...queries(db), transaction: (work) => db.transaction().execute((trx) => work(createDealsRepo(trx), trx)) };
}

function queries(db: Kysely<Database>) {
  return {
    findById: (id: string) => db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst(),
    findOpen: (listingId: string, buyerAccountId: string) =>
      db
        .selectFrom('deals')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    /** Deals on a set of listings (a broker's advised listings), newest first. */
    listForListings: (listingIds: readonly string[], status: DealRow['status'] | undefined) => {
      if (listingIds.length === 0) return Promise.resolve([]);
      let q = db
        .selectFrom('deals')
        .selectAll()
        .where('listing_id', 'in', [...listingIds]);
      if (status) q = q.where('status', '=', status);
      return q.orderBy('updated_at', 'desc').limit(LIST_LIMIT).execute();
    },
    /** Deals a customer takes part in as seller or buyer, newest first. */
    listForCustomer: (accountId: string, status: DealRow['status'] | undefined) => {
      let q = db
        .selectFrom('deals')
        .selectAll()
        .where((eb) => eb.or([eb('seller_account_id', '=', accountId), eb('buyer_account_id', '=', accountId)]));
      if (status) q = q.where('status', '=', status);
      return q.orderBy('updated_at', 'desc').limit(LIST_LIMIT).execute();
    },
    insert: (row: DealRow) => db.insertInto('deals').values(row).execute(),
    /**
     * Updates a deal only while it is still where the caller saw it (stage and status): two clicks cannot both
     * advance it, and nothing lands on a deal that was cancelled meanwhile. Returns whether it did.
     */
    updateIf: async (id: string, seen: Pick<DealRow, 'stage' | 'status'>, columns: Partial<DealRow>) => {
      const result = await db
        .updateTable('deals')
        .set(columns)
        .where('id', '=', id)
        .where('stage', '=', seen.stage)
        .where('status', '=', seen.status)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    update: (id: string, columns: Partial<DealRow>) => db.updateTable('deals').set(columns).where('id', '=', id).execute(),
    insertEvent: (row: DealEventRow) => db.insertInto('deal_events').values(row).execute(),
    eventsOf: (dealId: string) =>
      db.selectFrom('deal_events').selectAll().where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute(),
    marksOf: (dealId: string) => db.selectFrom('deal_checklist_marks').selectAll().where('deal_id', '=', dealId).execute(),
    marksOfMany: (dealIds: string[]) =>
      dealIds.length ? db.selectFrom('deal_checklist_marks').selectAll().where('deal_id', 'in', dealIds).execute() : Promise.resolve([]),
    upsertMark: (row: DealMarkRow) =>
      db
        .insertInto('deal_checklist_marks')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['deal_id', 'item_key']).doUpdateSet({
            done_at: row.done_at,
            done_by_side: row.done_by_side,
            done_by_account_id: row.done_by_account_id,
            remark: row.remark,
            document_ids: row.document_ids,
          }),
        )
        .execute(),
    deleteMark: (dealId: string, itemKey: string) =>
      db.deleteFrom('deal_checklist_marks').where('deal_id', '=', dealId).where('item_key', '=', itemKey).execute(),
    custodyOf: (dealId: string) => db.selectFrom('deal_custody_items').selectAll().where('deal_id', '=', dealId).orderBy('kind').execute(),
    insertCustody: (rows: DealCustodyRow[]) => db.insertInto('deal_custody_items').values(rows).execute(),
    updateCustody: (dealId: string, kind: string, columns: Partial<DealCustodyRow>) =>
      db.updateTable('deal_custody_items').set(columns).where('deal_id', '=', dealId).where('kind', '=', kind).execute(),
    moneyOf: (dealId: string) =>
      db.selectFrom('deal_money').selectAll().where('deal_id', '=', dealId).orderBy('created_at').orderBy('id').execute(),
    insertMoney: (row: DealMoneyRow) => db.insertInto('deal_money').values(row).execute(),
    updateMoney: (id: string, columns: Partial<DealMoneyRow>) => db.updateTable('deal_money').set(columns).where('id', '=', id).execute(),
    /** Closed deals whose seller has not confirmed the legal-representative change (the reminder job's work list). */
    /** Open deals in start order, a page after `afterId` (the overdue-items job walks them all). */
    openPage: (afterStartedAt: string, limit: number) =>
      db
        .selectFrom('deals')
        .selectAll()
        .where('status', '=', 'open')
        .where('started_at', '>', afterStartedAt)
        .orderBy('started_at')
        .limit(limit)
        .execute(),
    pendingLegalRep: (limit: number) =>
      db
        .selectFrom('deals')
        .selectAll()
        .where('status', '=', 'closed')
        .where('legal_rep_confirmed_at', 'is', null)
        .orderBy('closed_at')
        .limit(limit)
        .execute(),
  };
}
