import type { Kysely } from 'kysely';
import type { AccountProfilesTable, Database } from '../../db/schema.ts';

export type ProfileRow = AccountProfilesTable;

export function createProfilesRepo(db: Kysely<Database>) {
  return {
    findByAccount: (accountId: string) => db.selectFrom('account_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst(),
    insert: (row: AccountProfilesTable) => db.insertInto('account_profiles').values(row).execute(),
    update: (accountId: string, columns: Partial<AccountProfilesTable>) =>
      db.updateTable('account_profiles').set(columns).where('account_id', '=', accountId).execute(),
    /** Candidates by blind index: several records may share an index value by design (k-anonymity floor). */
    findByBlindIndex: (column: 'mobile_bidx' | 'email_bidx' | 'id_number_bidx', value: string) =>
      db.selectFrom('account_profiles').selectAll().where(column, '=', value).limit(50).execute(),
    findManyByAccount: (accountIds: string[]) =>
      accountIds.length ? db.selectFrom('account_profiles').selectAll().where('account_id', 'in', accountIds).execute() : Promise.resolve([]),
  };
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>;
