import type { Kysely } from 'kysely';
import type { AccountsTable, Database, KnownDevicesTable, SessionsTable } from '../../db/schema.ts';
import { prepared } from '../../platform/db/index.ts';

export type IdentityRepo = ReturnType<typeof createIdentityRepo>;

export function createIdentityRepo(db: Kysely<Database>) {
  // Read on every signed-in request, so compiled once (ADR 0012 addendum); a revoked session is refused at once.
  const liveSessionQuery = prepared(db, (q, p) =>
    q
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select([
        'sessions.id_hash',
        'sessions.account_id',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.stage',
        'accounts.kind',
        'accounts.roles',
        'accounts.status',
      ])
      .where('sessions.id_hash', '=', p('idHash'))
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', p('now')),
  );
  return {
    findAccountByLoginName: (loginName: string) =>
      db.selectFrom('accounts').selectAll().where('login_name', '=', loginName).executeTakeFirst(),
    findAccountById: (id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),
    findAccountsByIds: (ids: readonly string[]) =>
      ids.length
        ? db
            .selectFrom('accounts')
            .select(['id', 'account_no', 'kind'])
            .where('id', 'in', [...ids])
            .execute()
        : Promise.resolve([]),
    insertAccount: (row: AccountsTable) => db.insertInto('accounts').values(row).execute(),
    updatePasswordHash: (id: string, passwordHash: string, now: string) =>
      db.updateTable('accounts').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute(),
    countAccounts: async () =>
      Number(
        (
          await db
            .selectFrom('accounts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertSession: (row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
    findLiveSession: async (idHash: string, now: string) => (await liveSessionQuery({ idHash, now }))[0],
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
    /** Revokes every live session of an account (but `except`); returns the id hashes it revoked. */
    revokeAllSessions: async (accountId: string, now: string, except?: string) => {
      let query = db.updateTable('sessions').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
      if (except) query = query.where('id_hash', '!=', except);
      const rows = await query.returning('id_hash').execute();
      return rows.map((r) => r.id_hash);
    },
    /** Revokes one session of the account by its public id; returns its id hash, or undefined if none matched. */
    revokeOwnSession: async (accountId: string, publicId: string, now: string) => {
      const row = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('public_id', '=', publicId)
        .where('revoked_at', 'is', null)
        .returning('id_hash')
        .executeTakeFirst();
      return row?.id_hash;
    },
    liveSessionHashes: async (accountId: string, now: string) =>
      (
        await db
          .selectFrom('sessions')
          .select('id_hash')
          .where('account_id', '=', accountId)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .execute()
      ).map((r) => r.id_hash),
    listLiveSessions: (accountId: string, now: string, idleCutoff: string) =>
      db
        .selectFrom('sessions')
        .select(['id_hash', 'public_id', 'created_at', 'last_seen_at', 'device_browser', 'device_os', 'stage'])
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleCutoff)
        .orderBy('created_at', 'desc')
        .execute(),
    /**
     * A session that was waiting for its second factor (or enrolment) becomes a full one under a NEW token: the old
     * row is revoked and a new row takes its place (same account, device, absolute expiry), in one transaction.
     * Undefined when the old session was not waiting (already full, revoked or unknown).
     */
    rotateToActive: (oldIdHash: string, next: { id_hash: string; csrf_token: string; public_id: string }, now: string) =>
      db.transaction().execute(async (trx) => {
        const revoked = await trx
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('id_hash', '=', oldIdHash)
          .where('stage', '!=', 'active')
          .where('revoked_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!revoked) return undefined;
        const row: SessionsTable = { ...revoked, ...next, stage: 'active', last_seen_at: now, revoked_at: null };
        await trx.insertInto('sessions').values(row).execute();
        return row;
      }),
    /** Marks a session that was waiting for its second factor as full; true when it changed. */
    promoteSession: async (idHash: string, now: string) => {
      const result = await db
        .updateTable('sessions')
        .set({ stage: 'active', last_seen_at: now })
        .where('id_hash', '=', idHash)
        .where('stage', '!=', 'active')
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Whether the account has signed in from this device before (read only; the lockout asks before the password). */
    isKnownDevice: async (accountId: string, deviceHash: string) =>
      (await db
        .selectFrom('known_devices')
        .select('account_id')
        .where('account_id', '=', accountId)
        .where('device_hash', '=', deviceHash)
        .executeTakeFirst()) !== undefined,
    /** Updates the device's last sign-in; false when the account never used it. */
    touchKnownDevice: async (accountId: string, deviceHash: string, now: string) => {
      const result = await db
        .updateTable('known_devices')
        .set({ last_seen_at: now })
        .where('account_id', '=', accountId)
        .where('device_hash', '=', deviceHash)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    countKnownDevices: async (accountId: string) =>
      Number(
        (
          await db
            .selectFrom('known_devices')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('account_id', '=', accountId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertKnownDevice: (row: KnownDevicesTable) =>
      db
        .insertInto('known_devices')
        .values(row)
        .onConflict((oc) => oc.columns(['account_id', 'device_hash']).doNothing())
        .execute(),
    updateAccountStatus: (id: string, status: AccountsTable['status'], now: string) =>
      db.updateTable('accounts').set({ status, updated_at: now }).where('id', '=', id).execute(),
    /** Account closure (a rights request): disabled for good, with the day it closed (the retention clock). */
    closeAccount: (id: string, now: string) =>
      db.updateTable('accounts').set({ status: 'disabled', closed_at: now, updated_at: now }).where('id', '=', id).execute(),
    updateAccountRoles: (id: string, roles: string, now: string) =>
      db.updateTable('accounts').set({ roles, updated_at: now }).where('id', '=', id).execute(),
  };
}
