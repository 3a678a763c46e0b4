import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  DisputeEvidenceTable,
  DisputePartiesTable,
  DisputeRemindersTable,
  DisputeSessionsTable,
  DisputesTable,
} from '../../db/schema.ts';

/**
 * The disputes tables, plus read-only views of what a dispute is about (listings, inquiries, deals, client
 * assignments) and of who may cite what (message-thread parties and lanes, data-room renderings). Writes to those
 * tables belong to their modules.
 */
export function createDisputesRepo(db: Kysely<Database>) {
  return {
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(work),

    findListing: (code: string) =>
      db
        .selectFrom('listings')
        .select(['id', 'code', 'seller_account_id', 'broker_account_id'])
        .where('code', '=', code)
        .executeTakeFirst(),
    buyerHasInquiry: async (listingId: string, buyerAccountId: string) =>
      (await db
        .selectFrom('inquiries')
        .select('id')
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .limit(1)
        .executeTakeFirst()) !== undefined,
    latestDealBuyer: async (listingId: string) =>
      (
        await db
          .selectFrom('deals')
          .select('buyer_account_id')
          .where('listing_id', '=', listingId)
          .orderBy('started_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.buyer_account_id,
    adviserOf: async (customerAccountId: string) =>
      (
        await db
          .selectFrom('client_assignments')
          .select('broker_account_id')
          .where('customer_account_id', '=', customerAccountId)
          .where('ended_at', 'is', null)
          .limit(1)
          .executeTakeFirst()
      )?.broker_account_id,
    staffNumber: async (accountId: string | null) =>
      accountId
        ? (await db.selectFrom('accounts').select('account_no').where('id', '=', accountId).executeTakeFirst())?.account_no
        : undefined,
    countDisputes: async () =>
      Number(
        (
          await db
            .selectFrom('disputes')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** A message the account can read: a party of its thread, in a lane that includes their role. */
    canSeeMessage: async (accountId: string, messageId: string) => {
      const row = await db
        .selectFrom('thread_messages')
        .innerJoin('message_thread_parties', 'message_thread_parties.thread_id', 'thread_messages.thread_id')
        .select(['thread_messages.lane', 'message_thread_parties.role'])
        .where('thread_messages.id', '=', messageId)
        .where('message_thread_parties.account_id', '=', accountId)
        .executeTakeFirst();
      if (!row) return false;
      return row.lane === 'parties' || row.role === 'broker' || row.lane === `${row.role}_broker`;
    },
    /** A document of this listing's data room the account can see: its seller or adviser, or a viewer it was rendered for. */
    canSeeDocument: async (
      accountId: string,
      documentId: string,
      listing: { id: string; seller_account_id?: string | null; broker_account_id?: string | null },
    ) => {
      const doc = await db
        .selectFrom('dataroom_documents')
        .innerJoin('dataroom_rooms', 'dataroom_rooms.id', 'dataroom_documents.room_id')
        .select('dataroom_documents.id')
        .where('dataroom_documents.id', '=', documentId)
        .where('dataroom_rooms.listing_id', '=', listing.id)
        .executeTakeFirst();
      if (!doc) return false;
      if (accountId === listing.seller_account_id || accountId === listing.broker_account_id) return true;
      return (
        (await db
          .selectFrom('dataroom_renderings')
          .select('code')
          .where('document_id', '=', documentId)
          .where('viewer_account_id', '=', accountId)
          .limit(1)
          .executeTakeFirst()) !== undefined
      );
    },

    insertDispute: (row: DisputesTable) => db.insertInto('disputes').values(row).execute(),
    insertParties: (rows: DisputePartiesTable[]) => db.insertInto('dispute_parties').values(rows).execute(),
    insertEvidence: (row: DisputeEvidenceTable) => db.insertInto('dispute_evidence').values(row).execute(),
    insertSession: (row: DisputeSessionsTable) => db.insertInto('dispute_sessions').values(row).execute(),
    updateDispute: (id: string, set: Partial<DisputesTable>) => db.updateTable('disputes').set(set).where('id', '=', id).execute(),
    findDispute: (id: string) => db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst(),
    partiesOf: (id: string) => db.selectFrom('dispute_parties').selectAll().where('dispute_id', '=', id).execute(),
    evidenceOf: (id: string) => db.selectFrom('dispute_evidence').selectAll().where('dispute_id', '=', id).orderBy('added_at').execute(),
    sessionsOf: (id: string) => db.selectFrom('dispute_sessions').selectAll().where('dispute_id', '=', id).orderBy('held_at').execute(),
    idsOfParty: async (accountId: string) =>
      (await db.selectFrom('dispute_parties').select('dispute_id').where('account_id', '=', accountId).execute()).map((r) => r.dispute_id),
    /** Cases still running (open or in mediation): the clock sweep's input. */
    liveDisputes: () => db.selectFrom('disputes').selectAll().where('status', 'in', ['open', 'mediation']).orderBy('opened_at').execute(),
    /** True when this reminder is new; a reminder already sent (by any instance) is left alone. */
    insertReminder: async (row: DisputeRemindersTable) =>
      (
        await db
          .insertInto('dispute_reminders')
          .values(row)
          .onConflict((oc) => oc.columns(['dispute_id', 'clock', 'kind']).doNothing())
          .returning('dispute_id')
          .execute()
      ).length > 0,
    idsOfMediator: async (accountId: string) =>
      (
        await db.selectFrom('disputes').select('id').where('mediator_account_id', '=', accountId).orderBy('opened_at', 'desc').execute()
      ).map((r) => r.id),
  };
}

export type DisputesRepo = ReturnType<typeof createDisputesRepo>;
