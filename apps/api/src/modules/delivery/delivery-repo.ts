import type { Kysely } from 'kysely';
import type { Database, DeliveryOutboxTable } from '../../db/schema.ts';

export type DeliveryRepo = ReturnType<typeof createDeliveryRepo>;

export function createDeliveryRepo(db: Kysely<Database>) {
  return {
    insert: (row: DeliveryOutboxTable) => db.insertInto('delivery_outbox').values(row).execute(),
    find: (id: string) => db.selectFrom('delivery_outbox').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Settles a queued message once: a second settlement (a redelivered job) changes nothing and returns false. */
    markDispatched: async (id: string, status: 'sent' | 'failed', at: string, failure: string | null) =>
      Number(
        (
          await db
            .updateTable('delivery_outbox')
            .set({ status, dispatched_at: at, failure })
            .where('id', '=', id)
            .where('status', '=', 'queued')
            .executeTakeFirst()
        ).numUpdatedRows,
      ) > 0,
    /** A failed attempt that will be retried: the class is kept, the message stays queued. */
    noteFailure: (id: string, failure: string) =>
      db.updateTable('delivery_outbox').set({ failure }).where('id', '=', id).where('status', '=', 'queued').execute(),
    /** Newest first. */
    list: (filter: { status?: DeliveryOutboxTable['status'] | undefined }, limit: number, offset: number) => {
      let query = db.selectFrom('delivery_outbox').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
    },
    count: async (filter: { status?: DeliveryOutboxTable['status'] | undefined }) => {
      let query = db.selectFrom('delivery_outbox').select((eb) => eb.fn.countAll().as('n'));
      if (filter.status) query = query.where('status', '=', filter.status);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
  };
}
