import type { Kysely } from 'kysely';
import type { AccountsTable, Database, SessionsTable } from '../../db/schema.ts';

export type IdentityRepo = ReturnType<typeof createIdentityRepo>;

export function createIdentityRepo(db: Kysely<Database>) {
  return {
    findAccountByLoginName: (loginName: string) =>
      db.selectFrom('accounts').selectAll().where('login_name', '=', loginName).executeTakeFirst(),
    findAccountById: (id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),
    findAccountsByIds: (ids: readonly string[]) =>
      ids.length ? db.selectFrom('accounts').select(['id', 'account_no', 'kind']).where('id', 'in', [...ids]).execute() : Promise.resolve([]),
    insertAccount: (row: AccountsTable) => db.insertInto('accounts').values(row).execute(),
    updatePasswordHash: (id: string, passwordHash: string, now: string) =>
      db.updateTable('accounts').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute(),
    countAccounts: async () =>
      Number((await db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    insertSession: (row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
    findLiveSession: (idHash: string, now: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
        .select([
          'sessions.id_hash',
          'sessions.account_id',
          'sessions.csrf_token',
          'sessions.last_seen_at',
          'sessions.expires_at',
          'accounts.kind',
          'accounts.roles',
          'accounts.status',
        ])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst(),
    touchSession: (idHash: string, now: string) =>
      db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute(),
    /** Deletes sessions that expired or were revoked more than a day ago (they are useless and hold metadata). */
    deleteStaleSessions: async (cutoff: string) => {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    revokeSession: (idHash: string, now: string) =>
      db.updateTable('sessions').set({ revoked_at: now }).where('id_hash', '=', idHash).execute(),
    /** Revokes every live session of an account; returns the id hashes it revoked. */
    revokeAllSessions: async (accountId: string, now: string) => {
      const rows = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .returning('id_hash')
        .execute();
      return rows.map((r) => r.id_hash);
    },
    updateAccountStatus: (id: string, status: AccountsTable['status'], now: string) =>
      db.updateTable('accounts').set({ status, updated_at: now }).where('id', '=', id).execute(),
    updateAccountRoles: (id: string, roles: string, now: string) =>
      db.updateTable('accounts').set({ roles, updated_at: now }).where('id', '=', id).execute(),
  };
}
