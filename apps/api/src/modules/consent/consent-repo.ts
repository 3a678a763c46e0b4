import type { Kysely, Transaction } from 'kysely';
import type { ConsentEventsTable, ConsentNoticesTable, Database, PrivacyTicketEventsTable, PrivacyTicketsTable } from '../../db/schema.ts';
import { prepared } from '../../platform/db/index.ts';

export type NoticeRow = ConsentNoticesTable;
export type ConsentEventRow = ConsentEventsTable;
export type TicketRow = PrivacyTicketsTable;
export type TicketEventRow = PrivacyTicketEventsTable;

export function createConsentRepo(db: Kysely<Database>): ConsentRepo {
  // The guard's hot path (every consent check reads the notice in force and the latest events), compiled once per
  // shape (ADR 0012 addendum); nothing read is kept, so a withdrawal is refused by the next check on any instance.
  const noticeVersionsQuery = prepared(db, (q, p) =>
    q
      .selectFrom('consent_notices')
      .select(['version', 'purpose_versions_json'])
      .where('effective_at', '<=', p('at'))
      .orderBy('version', 'desc')
      .limit(1),
  );
  const eventsQueries = new Map<number, ReturnType<typeof latestEventsQuery>>();
  const latestEventsQuery = (n: number) =>
    prepared(db, (q, p) =>
      q
        .selectFrom('consent_events')
        .select(['account_id', 'consent_key', 'decision', 'purpose_version', 'seq'])
        .where((eb) =>
          eb.or(Array.from({ length: n }, (_, i) => eb.and([eb('account_id', '=', p(`a${i}`)), eb('consent_key', '=', p(`k${i}`))]))),
        ),
    );
  return {
    transaction: <T>(work: (repo: ConsentRepo, trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute((trx) => work(createConsentRepo(trx), trx)),
    listNotices: () => db.selectFrom('consent_notices').selectAll().orderBy('version', 'desc').execute(),
    findNotice: (version: number) => db.selectFrom('consent_notices').selectAll().where('version', '=', version).executeTakeFirst(),
    latestNotice: () => db.selectFrom('consent_notices').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst(),
    /** The version in force at `at`: the highest version whose effective date has come. */
    effectiveNotice: (at: string) =>
      db.selectFrom('consent_notices').selectAll().where('effective_at', '<=', at).orderBy('version', 'desc').limit(1).executeTakeFirst(),
    /** The version in force and its purpose versions only (the guard's hot path needs nothing else). */
    effectiveNoticeVersions: async (at: string) => (await noticeVersionsQuery({ at }))[0],
    insertNotice: (row: NoticeRow) => db.insertInto('consent_notices').values(row).execute(),
    eventsOf: (accountId: string) =>
      db.selectFrom('consent_events').selectAll().where('account_id', '=', accountId).orderBy('at', 'asc').orderBy('seq', 'asc').execute(),
    latestEvent: (accountId: string, key: string) =>
      db
        .selectFrom('consent_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('consent_key', '=', key)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),
    /** The latest event of each (account, key), in one query. */
    async latestEvents(keys: readonly { accountId: string; key: string }[]) {
      if (!keys.length) return [];
      let query = eventsQueries.get(keys.length);
      if (!query) {
        query = latestEventsQuery(keys.length);
        if (keys.length <= 8) eventsQueries.set(keys.length, query);
      }
      const params: Record<string, string> = {};
      keys.forEach((k, i) => {
        params[`a${i}`] = k.accountId;
        params[`k${i}`] = k.key;
      });
      const rows = await query(params);
      const best = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const id = `${r.account_id}\u0000${r.consent_key}`;
        if ((best.get(id)?.seq ?? -1) < r.seq) best.set(id, r);
      }
      return [...best.values()];
    },
    findEvent: (accountId: string, id: string) =>
      db.selectFrom('consent_events').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst(),
    insertEvent: (row: ConsentEventRow) => db.insertInto('consent_events').values(row).execute(),
    insertTicket: (row: TicketRow) => db.insertInto('privacy_tickets').values(row).execute(),
    listTickets: () => db.selectFrom('privacy_tickets').selectAll().orderBy('status', 'desc').orderBy('due_at', 'asc').limit(500).execute(),
    findTicket: (id: string) => db.selectFrom('privacy_tickets').selectAll().where('id', '=', id).executeTakeFirst(),
    closeTicket: (id: string, at: string, by: string) =>
      db
        .updateTable('privacy_tickets')
        .set({ status: 'closed', closed_at: at, closed_by: by })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    accountExists: async (id: string) =>
      (await db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    myTickets: (accountId: string) =>
      db.selectFrom('privacy_tickets').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(200).execute(),
    openTickets: () => db.selectFrom('privacy_tickets').selectAll().where('status', '=', 'open').execute(),
    /** Compare-and-set on the open state (and the due date, for an extension): two officers cannot both act. */
    updateOpenTicket: (id: string, dueAt: string, values: Partial<TicketRow>) =>
      db
        .updateTable('privacy_tickets')
        .set(values)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('due_at', '=', dueAt)
        .executeTakeFirst(),
    markTicket: (id: string, values: Pick<Partial<TicketRow>, 'reminded_at' | 'escalated_at'>) =>
      db.updateTable('privacy_tickets').set(values).where('id', '=', id).execute(),
    /** Appends to a ticket's history with the next number (the unique index refuses a concurrent duplicate). */
    async insertTicketEvent(row: Omit<TicketEventRow, 'seq'>) {
      const last = await db
        .selectFrom('privacy_ticket_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('ticket_id', '=', row.ticket_id)
        .executeTakeFirst();
      await db
        .insertInto('privacy_ticket_events')
        .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
        .execute();
    },
    ticketEventsOf: (ids: readonly string[]) =>
      ids.length
        ? db.selectFrom('privacy_ticket_events').selectAll().where('ticket_id', 'in', ids).orderBy('ticket_id').orderBy('seq').execute()
        : Promise.resolve([]),
  };
}

export type ConsentRepo = {
  transaction: <T>(work: (repo: ConsentRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  listNotices: () => Promise<NoticeRow[]>;
  findNotice: (version: number) => Promise<NoticeRow | undefined>;
  latestNotice: () => Promise<NoticeRow | undefined>;
  effectiveNotice: (at: string) => Promise<NoticeRow | undefined>;
  effectiveNoticeVersions: (at: string) => Promise<Pick<NoticeRow, 'version' | 'purpose_versions_json'> | undefined>;
  insertNotice: (row: NoticeRow) => Promise<unknown>;
  eventsOf: (accountId: string) => Promise<ConsentEventRow[]>;
  latestEvent: (accountId: string, key: string) => Promise<ConsentEventRow | undefined>;
  latestEvents: (
    keys: readonly { accountId: string; key: string }[],
  ) => Promise<Pick<ConsentEventRow, 'account_id' | 'consent_key' | 'decision' | 'purpose_version' | 'seq'>[]>;
  findEvent: (accountId: string, id: string) => Promise<ConsentEventRow | undefined>;
  insertEvent: (row: ConsentEventRow) => Promise<unknown>;
  insertTicket: (row: TicketRow) => Promise<unknown>;
  listTickets: () => Promise<TicketRow[]>;
  findTicket: (id: string) => Promise<TicketRow | undefined>;
  closeTicket: (id: string, at: string, by: string) => Promise<{ numUpdatedRows: bigint }>;
  accountExists: (id: string) => Promise<boolean>;
  myTickets: (accountId: string) => Promise<TicketRow[]>;
  openTickets: () => Promise<TicketRow[]>;
  updateOpenTicket: (id: string, dueAt: string, values: Partial<TicketRow>) => Promise<{ numUpdatedRows: bigint }>;
  markTicket: (id: string, values: Pick<Partial<TicketRow>, 'reminded_at' | 'escalated_at'>) => Promise<unknown>;
  insertTicketEvent: (row: Omit<TicketEventRow, 'seq'>) => Promise<unknown>;
  ticketEventsOf: (ids: readonly string[]) => Promise<TicketEventRow[]>;
};
