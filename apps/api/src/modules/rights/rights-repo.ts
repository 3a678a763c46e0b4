import type { Kysely, Transaction } from 'kysely';
import type { Database, RightsRequestEventsTable, RightsRequestsTable } from '../../db/schema.ts';

export type RightsRow = RightsRequestsTable;
export type RightsEventRow = RightsRequestEventsTable;

/** Queries of the rights module; no permission or business logic. */
export function createRightsRepo(db: Kysely<Database>): RightsRepo {
  return {
    transaction: <T>(work: (repo: RightsRepo, trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute((trx) => work(createRightsRepo(trx), trx)),
    insert: (row: RightsRow) => db.insertInto('rights_requests').values(row).execute(),
    find: (id: string) => db.selectFrom('rights_requests').selectAll().where('id', '=', id).executeTakeFirst(),
    mine: (accountId: string) =>
      db.selectFrom('rights_requests').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(200).execute(),
    openOfKind: (accountId: string, kind: string, finals: readonly string[]) =>
      db
        .selectFrom('rights_requests')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('kind', '=', kind)
        .where('status', 'not in', finals)
        .executeTakeFirst(),
    queue: () => db.selectFrom('rights_requests').selectAll().orderBy('closed_at', 'desc').orderBy('due_at', 'asc').limit(500).execute(),
    open: (finals: readonly string[]) => db.selectFrom('rights_requests').selectAll().where('status', 'not in', finals).execute(),
    /** Compare-and-set on the status, so two officers cannot both move one request. */
    update: (id: string, fromStatus: string, values: Partial<RightsRow>) =>
      db.updateTable('rights_requests').set(values).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst(),
    mark: (id: string, values: Pick<Partial<RightsRow>, 'reminded_at' | 'escalated_at'>) =>
      db.updateTable('rights_requests').set(values).where('id', '=', id).execute(),
    /** Appends to a request's history with the next number (the unique index refuses a concurrent duplicate). */
    async insertEvent(row: Omit<RightsEventRow, 'seq'>) {
      const last = await db
        .selectFrom('rights_request_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('request_id', '=', row.request_id)
        .executeTakeFirst();
      await db
        .insertInto('rights_request_events')
        .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
        .execute();
    },
    eventsOf: (ids: readonly string[]) =>
      ids.length
        ? db.selectFrom('rights_request_events').selectAll().where('request_id', 'in', ids).orderBy('request_id').orderBy('seq').execute()
        : Promise.resolve([]),
  };
}

export type RightsRepo = {
  transaction: <T>(work: (repo: RightsRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  insert: (row: RightsRow) => Promise<unknown>;
  find: (id: string) => Promise<RightsRow | undefined>;
  mine: (accountId: string) => Promise<RightsRow[]>;
  openOfKind: (accountId: string, kind: string, finals: readonly string[]) => Promise<RightsRow | undefined>;
  queue: () => Promise<RightsRow[]>;
  open: (finals: readonly string[]) => Promise<RightsRow[]>;
  update: (id: string, fromStatus: string, values: Partial<RightsRow>) => Promise<{ numUpdatedRows: bigint }>;
  mark: (id: string, values: Pick<Partial<RightsRow>, 'reminded_at' | 'escalated_at'>) => Promise<unknown>;
  insertEvent: (row: Omit<RightsEventRow, 'seq'>) => Promise<unknown>;
  eventsOf: (ids: readonly string[]) => Promise<RightsEventRow[]>;
};
