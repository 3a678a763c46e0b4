import type { Kysely, Transaction } from 'kysely';
import type { Database, IdentityVerificationsTable } from '../../db/schema.ts';
import { prepared } from '../../platform/db/index.ts';

export type VerificationRow = IdentityVerificationsTable;

export type VerificationRepo = {
  /** Runs `work` in one transaction with a repository bound to it (a change and its audit record commit together). */
  transaction: <T>(work: (repo: VerificationRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  findById: (id: string) => Promise<VerificationRow | undefined>;
  /** The account's most recent submission (its status is the account's status). */
  latestOfAccount: (accountId: string) => Promise<VerificationRow | undefined>;
  /** The status of the account's latest submission only (no sealed images read). */
  latestStatusOf: (accountId: string) => Promise<VerificationRow['status'] | undefined>;
  insert: (row: VerificationRow) => Promise<unknown>;
  /** Sets the decision only while the submission is still pending; returns whether it did. */
  decide: (
    id: string,
    columns: Pick<VerificationRow, 'status' | 'decided_at' | 'decided_by' | 'decision_reason' | 'decision_note' | 'checklist'>,
  ) => Promise<boolean>;
  /** Candidates of other accounts sharing the blind index (several may share one by design). */
  findByIdNumberIndex: (bidx: string, exceptAccountId: string) => Promise<VerificationRow[]>;
  /** Submissions in a status of the customers assigned to a broker (client_assignments), oldest first. */
  listForBroker: (brokerAccountId: string, status: VerificationRow['status'], limit: number) => Promise<VerificationRow[]>;
};

export function createVerificationRepo(db: Kysely<Database>): VerificationRepo {
  // Read by every disclosure check (the buyer must still be verified), so compiled once (ADR 0012 addendum).
  const latestStatusQuery = prepared(db, (q, p) =>
    q
      .selectFrom('identity_verifications')
      .select('status')
      .where('account_id', '=', p('accountId'))
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  );
  return {
    transaction: (work) => db.transaction().execute((trx) => work(createVerificationRepo(trx), trx)),
    findById: (id) => db.selectFrom('identity_verifications').selectAll().where('id', '=', id).executeTakeFirst(),
    latestOfAccount: (accountId) =>
      db
        .selectFrom('identity_verifications')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    latestStatusOf: async (accountId) => (await latestStatusQuery({ accountId }))[0]?.status,
    insert: (row) => db.insertInto('identity_verifications').values(row).execute(),
    decide: async (id, columns) => {
      const result = await db
        .updateTable('identity_verifications')
        .set(columns)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    findByIdNumberIndex: (bidx, exceptAccountId) =>
      db
        .selectFrom('identity_verifications')
        .selectAll()
        .where('id_number_bidx', '=', bidx)
        .where('account_id', '!=', exceptAccountId)
        .limit(50)
        .execute(),
    listForBroker: (brokerAccountId, status, limit) =>
      db
        .selectFrom('identity_verifications as v')
        .innerJoin('client_assignments as a', 'a.customer_account_id', 'v.account_id')
        .selectAll('v')
        .where('a.broker_account_id', '=', brokerAccountId)
        .where('a.ended_at', 'is', null)
        .where('v.status', '=', status)
        .orderBy('v.submitted_at', status === 'pending' ? 'asc' : 'desc')
        .limit(limit)
        .execute(),
  };
}
