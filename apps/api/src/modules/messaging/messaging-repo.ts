import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  Database,
  MessageCallbacksTable,
  MessageFlagsTable,
  MessageThreadPartiesTable,
  MessageThreadsTable,
  ThreadMessagesTable,
} from '../../db/schema.ts';

export type ThreadRow = MessageThreadsTable;
export type MessageRow = ThreadMessagesTable;
export type PartyRow = MessageThreadPartiesTable;
export type FlagRow = MessageFlagsTable;
export type CallbackRow = MessageCallbacksTable;
export type ReadRow = { account_id: string; lane: string; last_read_message_id: string; read_at: string };
export type LaneActivity = { thread_id: string; lane: string; unread: number; last_at: string | null };

export type MessagingRepo = ReturnType<typeof queries> & {
  /** Runs `work` in one transaction with a repository bound to it (a change and its audit record commit together). */
  transaction: <T>(work: (tx: MessagingRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

/** Kysely over the messaging tables; no rules here (thread-rules.ts and the operations hold them). */
export function createMessagingRepo(db: Kysely<Database>): MessagingRepo {
  return { ...queries(db), transaction: (work) => db.transaction().execute((trx) => work(createMessagingRepo(trx), trx)) };
}

function queries(db: Kysely<Database>) {
  return {
    findThread: (id: string) => db.selectFrom('message_threads').selectAll().where('id', '=', id).executeTakeFirst(),
    findThreadOf: (listingId: string, buyerAccountId: string) =>
      db
        .selectFrom('message_threads')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .executeTakeFirst(),
    insertThread: (row: ThreadRow) => db.insertInto('message_threads').values(row).execute(),
    /** Keeps the stored seller / broker (an index for "my threads") in line with what the disclosure port says now. */
    refreshParties: (id: string, sellerAccountId: string, brokerAccountId: string | null) =>
      db
        .updateTable('message_threads')
        .set({ seller_account_id: sellerAccountId, broker_account_id: brokerAccountId })
        .where('id', '=', id)
        .execute(),
    markErased: (id: string, at: string) => db.updateTable('message_threads').set({ erased_at: at }).where('id', '=', id).execute(),
    /** Threads where the account is stored as buyer, seller or broker (callers confirm each against the port). */
    threadsOf: (accountId: string, limit: number) =>
      db
        .selectFrom('message_threads')
        .selectAll()
        .where((eb) =>
          eb.or([eb('buyer_account_id', '=', accountId), eb('seller_account_id', '=', accountId), eb('broker_account_id', '=', accountId)]),
        )
        .where('erased_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute(),

    findParty: (threadId: string, accountId: string) =>
      db
        .selectFrom('message_thread_parties')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),
    partiesOfThread: (threadId: string) => db.selectFrom('message_thread_parties').selectAll().where('thread_id', '=', threadId).execute(),
    /** Adds the party row if missing; a racing insert loses quietly. */
    ensureParty: (row: PartyRow) =>
      db
        .insertInto('message_thread_parties')
        .values(row)
        .onConflict((oc) => oc.columns(['thread_id', 'account_id']).doNothing())
        .execute(),
    /** Sets the party's vault subject once; returns whether this call set it (a racing first message may win). */
    setPartySubject: async (threadId: string, accountId: string, subjectId: string) => {
      const r = await db
        .updateTable('message_thread_parties')
        .set({ subject_id: subjectId })
        .where('thread_id', '=', threadId)
        .where('account_id', '=', accountId)
        .where('subject_id', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Party subjects of an account (its voice in every thread), for its access log and for erasure. */
    subjectsOfAccount: async (accountId: string) =>
      (
        await db
          .selectFrom('message_thread_parties')
          .select('subject_id')
          .where('account_id', '=', accountId)
          .where('subject_id', 'is not', null)
          .execute()
      ).map((r) => r.subject_id as string),
    /**
     * Claims the right to send a "new messages" notice: true for the first claim, and afterwards only once the last
     * notice is older than `since` (the party read the thread after it, or a day passed). One winner per race.
     */
    claimNotice: async (threadId: string, accountId: string, role: PartyRow['role'], at: string, since: string) => {
      const inserted = await db
        .insertInto('message_thread_parties')
        .values({ thread_id: threadId, account_id: accountId, role, subject_id: null, created_at: at, notified_at: at })
        .onConflict((oc) => oc.columns(['thread_id', 'account_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
      const r = await db
        .updateTable('message_thread_parties')
        .set({ notified_at: at })
        .where('thread_id', '=', threadId)
        .where('account_id', '=', accountId)
        .where((eb) => eb.or([eb('notified_at', 'is', null), eb('notified_at', '<', since)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    insertMessage: (row: MessageRow) => db.insertInto('thread_messages').values(row).execute(),
    insertAttachments: (messageId: string, documentIds: readonly string[]) =>
      documentIds.length === 0
        ? Promise.resolve()
        : db
            .insertInto('message_attachments')
            .values(documentIds.map((documentId, position) => ({ message_id: messageId, position, document_id: documentId })))
            .execute()
            .then(() => undefined),
    findMessage: (threadId: string, id: string) =>
      db.selectFrom('thread_messages').selectAll().where('thread_id', '=', threadId).where('id', '=', id).executeTakeFirst(),
    /** A page of a lane, oldest first: after an id (newer), before one (older), or the latest. */
    messages: async (threadId: string, lane: MessageRow['lane'], page: { after?: string; before?: string; limit: number }) => {
      let q = db.selectFrom('thread_messages').selectAll().where('thread_id', '=', threadId).where('lane', '=', lane);
      if (page.after) q = q.where('id', '>', page.after);
      if (page.before) q = q.where('id', '<', page.before);
      const rows = await q
        .orderBy('id', page.after ? 'asc' : 'desc')
        .limit(page.limit + 1)
        .execute();
      const hasMore = rows.length > page.limit;
      const kept = rows.slice(0, page.limit);
      return { rows: page.after ? kept : kept.reverse(), hasMore };
    },
    attachmentsOf: async (messageIds: readonly string[]) =>
      messageIds.length === 0
        ? []
        : db
            .selectFrom('message_attachments')
            .select(['message_id', 'document_id'])
            .where('message_id', 'in', messageIds)
            .orderBy('message_id')
            .orderBy('position')
            .execute(),
    /** Messages of a thread since an id (exclusive), any lane, oldest first — for a stream's replay. */
    messagesSince: (threadIds: readonly string[], afterId: string, limit: number) =>
      threadIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('thread_messages')
            .select(['id', 'thread_id', 'lane', 'sender_account_id'])
            .where('thread_id', 'in', threadIds)
            .where('id', '>', afterId)
            .orderBy('id')
            .limit(limit)
            .execute(),
    /** Masked kinds of a sender's contact attempts in a thread since a time (for the flag rule). */
    attemptsSince: (threadId: string, accountId: string, since: string) =>
      db
        .selectFrom('thread_messages')
        .select(['masked_kinds', 'created_at'])
        .where('thread_id', '=', threadId)
        .where('sender_account_id', '=', accountId)
        .where('contact_attempt', '=', 1)
        .where('created_at', '>=', since)
        .orderBy('created_at')
        .execute(),

    readsOf: (threadId: string): Promise<ReadRow[]> =>
      db
        .selectFrom('message_reads')
        .select(['account_id', 'lane', 'last_read_message_id', 'read_at'])
        .where('thread_id', '=', threadId)
        .execute(),
    /** Moves a read cursor forward only (an older message id never moves it back). */
    markRead: async (threadId: string, accountId: string, lane: string, messageId: string, at: string) => {
      await db
        .insertInto('message_reads')
        .values({ thread_id: threadId, account_id: accountId, lane, last_read_message_id: messageId, read_at: at })
        .onConflict((oc) =>
          oc
            .columns(['thread_id', 'account_id', 'lane'])
            .doUpdateSet({ last_read_message_id: messageId, read_at: at })
            .where('message_reads.last_read_message_id', '<', messageId),
        )
        .execute();
    },
    /** Per thread and lane: messages from others after the account's read cursor, and the latest message time. */
    laneActivity: async (threadIds: readonly string[], accountId: string): Promise<LaneActivity[]> => {
      if (threadIds.length === 0) return [];
      const rows = await db
        .selectFrom('thread_messages as m')
        .leftJoin('message_reads as r', (join) =>
          join.onRef('r.thread_id', '=', 'm.thread_id').onRef('r.lane', '=', 'm.lane').on('r.account_id', '=', accountId),
        )
        .select((eb) => [
          'm.thread_id',
          'm.lane',
          eb.fn.max('m.created_at').as('last_at'),
          eb.fn
            .sum<number | string>(
              eb
                .case()
                .when(
                  eb.and([
                    eb('m.sender_account_id', '!=', accountId),
                    eb.or([eb('r.last_read_message_id', 'is', null), eb('m.id', '>', eb.ref('r.last_read_message_id'))]),
                  ]),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as('unread'),
        ])
        .where('m.thread_id', 'in', threadIds)
        .groupBy(['m.thread_id', 'm.lane'])
        .execute();
      return rows.map((r) => ({ thread_id: r.thread_id, lane: r.lane, unread: Number(r.unread ?? 0), last_at: r.last_at ?? null }));
    },

    openFlagOf: (threadId: string, accountId: string) =>
      db
        .selectFrom('message_flags')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('account_id', '=', accountId)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    lastAcknowledgedAt: async (threadId: string, accountId: string) =>
      (
        await db
          .selectFrom('message_flags')
          .select('acknowledged_at')
          .where('thread_id', '=', threadId)
          .where('account_id', '=', accountId)
          .where('status', '=', 'acknowledged')
          .orderBy('acknowledged_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.acknowledged_at ?? null,
    /** Inserts a flag unless the party already has an open one in the thread (also when two sends race). */
    insertFlag: async (row: FlagRow) => {
      const r = await db
        .insertInto('message_flags')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['thread_id', 'account_id'])
            .where(sql<boolean>`status = 'open'`)
            .doNothing(),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    updateFlagCounts: (id: string, attempts: number, kinds: string, lastAt: string) =>
      db.updateTable('message_flags').set({ attempts, kinds, last_at: lastAt }).where('id', '=', id).where('status', '=', 'open').execute(),
    findFlag: (id: string) => db.selectFrom('message_flags').selectAll().where('id', '=', id).executeTakeFirst(),
    acknowledgeFlag: async (id: string, by: string, at: string) => {
      const r = await db
        .updateTable('message_flags')
        .set({ status: 'acknowledged', acknowledged_by: by, acknowledged_at: at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    flagsOfThreads: (threadIds: readonly string[], status: FlagRow['status']) =>
      threadIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('message_flags')
            .selectAll()
            .where('thread_id', 'in', threadIds)
            .where('status', '=', status)
            .orderBy('last_at', 'desc')
            .limit(200)
            .execute(),

    /** Inserts a request unless the requester already has an open one in the thread; returns whether it did. */
    insertCallback: async (row: CallbackRow) => {
      const r = await db
        .insertInto('message_callbacks')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['thread_id', 'requester_account_id'])
            .where(sql<boolean>`status = 'open'`)
            .doNothing(),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    findCallback: (id: string) => db.selectFrom('message_callbacks').selectAll().where('id', '=', id).executeTakeFirst(),
    openCallbackOf: (threadId: string, accountId: string) =>
      db
        .selectFrom('message_callbacks')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('requester_account_id', '=', accountId)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    completeCallback: async (id: string, outcome: NonNullable<CallbackRow['outcome']>, by: string, at: string) => {
      const r = await db
        .updateTable('message_callbacks')
        .set({ status: 'done', outcome, done_by: by, done_at: at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    callbacksOfThreads: (threadIds: readonly string[], status: CallbackRow['status']) =>
      threadIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('message_callbacks')
            .selectAll()
            .where('thread_id', 'in', threadIds)
            .where('status', '=', status)
            .orderBy('created_at', status === 'open' ? 'asc' : 'desc')
            .limit(200)
            .execute(),
  };
}
