import type { Kysely, Transaction } from 'kysely';
import type { AccountProfilesTable, ClientAssignmentsTable, Database } from '../../db/schema.ts';

export type ProfileRow = AccountProfilesTable;

export function createProfilesRepo(db: Kysely<Database>): ProfilesRepoShape {
  return {
    /** Runs `work` in one transaction, with a repository bound to it (for a change and its audit record). */
    transaction: <T>(work: (repo: ProfilesRepoShape, trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute((trx) => work(createProfilesRepo(trx), trx)),
    findByAccount: (accountId: string) =>
      db.selectFrom('account_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst(),
    insert: (row: AccountProfilesTable) => db.insertInto('account_profiles').values(row).execute(),
    update: (accountId: string, columns: Partial<AccountProfilesTable>) =>
      db.updateTable('account_profiles').set(columns).where('account_id', '=', accountId).execute(),
    /** Candidates by blind index: several records may share an index value by design (k-anonymity floor). */
    findByBlindIndex: (column: 'mobile_bidx' | 'email_bidx' | 'id_number_bidx', value: string) =>
      db.selectFrom('account_profiles').selectAll().where(column, '=', value).limit(50).execute(),
    assignedAmong: async (brokerAccountId: string, customerAccountIds: readonly string[]) =>
      new Set(
        customerAccountIds.length === 0
          ? []
          : (
              await db
                .selectFrom('client_assignments')
                .select('customer_account_id')
                .where('broker_account_id', '=', brokerAccountId)
                .where('ended_at', 'is', null)
                .where('customer_account_id', 'in', [...customerAccountIds])
                .execute()
            ).map((r) => r.customer_account_id),
      ),
    /** One adviser at a time: any other open assignment of the customer ends (kept as history) when a new one starts. */
    assign: (row: ClientAssignmentsTable) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('client_assignments')
          .set({ ended_at: row.assigned_at, ended_by: row.assigned_by })
          .where('customer_account_id', '=', row.customer_account_id)
          .where('broker_account_id', '<>', row.broker_account_id)
          .where('ended_at', 'is', null)
          .execute();
        await trx
          .insertInto('client_assignments')
          .values({ ...row, ended_at: null, ended_by: null })
          .onConflict((oc) =>
            oc
              .columns(['customer_account_id', 'broker_account_id'])
              .doUpdateSet({ assigned_at: row.assigned_at, assigned_by: row.assigned_by, ended_at: null, ended_by: null })
              .where('client_assignments.ended_at', 'is not', null),
          )
          .execute();
      }),
    /** Kind, roles and status of accounts (an assignment must join a customer to an active broker). */
    accountsForAssignment: (ids: readonly string[]) =>
      db
        .selectFrom('accounts')
        .select(['id', 'kind', 'roles', 'status'])
        .where('id', 'in', [...ids])
        .execute(),
    findManyByAccount: (accountIds: string[]) =>
      accountIds.length
        ? db.selectFrom('account_profiles').selectAll().where('account_id', 'in', accountIds).execute()
        : Promise.resolve([]),
  };
}

type ProfilesRepoShape = {
  transaction: <T>(work: (repo: ProfilesRepoShape, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  findByAccount: (accountId: string) => Promise<AccountProfilesTable | undefined>;
  insert: (row: AccountProfilesTable) => Promise<unknown>;
  update: (accountId: string, columns: Partial<AccountProfilesTable>) => Promise<unknown>;
  findByBlindIndex: (column: 'mobile_bidx' | 'email_bidx' | 'id_number_bidx', value: string) => Promise<AccountProfilesTable[]>;
  findManyByAccount: (accountIds: string[]) => Promise<AccountProfilesTable[]>;
  accountsForAssignment: (
    ids: readonly string[],
  ) => Promise<{ id: string; kind: 'staff' | 'customer'; roles: string; status: 'active' | 'disabled' }[]>;
  /** Of these customers, the ones assigned to the broker. */
  assignedAmong: (brokerAccountId: string, customerAccountIds: readonly string[]) => Promise<Set<string>>;
  assign: (row: ClientAssignmentsTable) => Promise<unknown>;
};

export type ProfilesRepo = ProfilesRepoShape;
