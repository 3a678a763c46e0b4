import type { Kysely } from 'kysely';
import type { Database, NotificationSettingsTable, NotificationsTable } from '../../db/schema.ts';

/** Queries of the notices and channel choices; no business logic. */
export function createNotificationsRepo(db: Kysely<Database>) {
  return {
    insert: (rows: NotificationsTable[]) => (rows.length ? db.insertInto('notifications').values(rows).execute() : Promise.resolve([])),
    latest: (accountId: string, limit: number) =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    async unreadCount(accountId: string): Promise<number> {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('account_id', '=', accountId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    markRead: (accountId: string, ids: readonly string[] | null, at: string) => {
      let q = db.updateTable('notifications').set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null);
      if (ids) q = q.where('id', 'in', [...ids]);
      return q.execute();
    },
    settings: (accountIds: readonly string[]) =>
      accountIds.length
        ? db
            .selectFrom('notification_settings')
            .selectAll()
            .where('account_id', 'in', [...accountIds])
            .execute()
        : Promise.resolve([] as NotificationSettingsTable[]),
    async saveSettings(rows: NotificationSettingsTable[]) {
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          await trx
            .insertInto('notification_settings')
            .values(row)
            .onConflict((oc) =>
              oc.columns(['account_id', 'topic']).doUpdateSet({ email: row.email, sms: row.sms, updated_at: row.updated_at }),
            )
            .execute();
        }
      });
    },
  };
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
