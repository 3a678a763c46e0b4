import type { Kysely, Transaction } from 'kysely';
import type { AccountProfilesTable, AccountsTable, CodePurpose, Database, IdentityVerificationCodesTable } from '../../db/schema.ts';

export type ContactCandidate = { account_id: string; subject_id: string; ciphertext: string | null };

/** Codes, contact candidates and the rows a registration writes. Holds no logic: the service decides. */
export type RegistrationRepo = {
  transaction: <T>(work: (repo: RegistrationRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
  /** Profiles whose contact has this blind index (several may share it by design); the caller confirms. */
  findContactCandidates: (channel: 'mobile' | 'email', blindIndex: string) => Promise<ContactCandidate[]>;
  insertCode: (row: IdentityVerificationCodesTable) => Promise<unknown>;
  /** Ends every live code of the address (a new code replaces the older ones). */
  supersedeCodes: (purpose: CodePurpose, addressHash: string, at: string) => Promise<unknown>;
  findLiveCode: (purpose: CodePurpose, addressHash: string, at: string) => Promise<IdentityVerificationCodesTable | undefined>;
  /** Counts one attempt if fewer than `max` were made; false when the code has no attempt left. */
  spendAttempt: (id: string, max: number) => Promise<boolean>;
  /** Marks the code used; false when it already was (single use under concurrency). */
  consumeCode: (id: string, at: string) => Promise<boolean>;
  deleteCodesExpiredBefore: (cutoff: string) => Promise<number>;
  accountNoTaken: (accountNo: string) => Promise<boolean>;
  updatePassword: (accountId: string, passwordHash: string, at: string) => Promise<unknown>;
  insertAccount: (row: AccountsTable) => Promise<unknown>;
  insertProfile: (row: AccountProfilesTable) => Promise<unknown>;
};

export function createRegistrationRepo(db: Kysely<Database>): RegistrationRepo {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(createRegistrationRepo(trx), trx)),
    findContactCandidates: (channel, blindIndex) =>
      channel === 'mobile'
        ? db
            .selectFrom('account_profiles')
            .select(['account_id', 'subject_id', 'mobile_ct as ciphertext'])
            .where('mobile_bidx', '=', blindIndex)
            .limit(50)
            .execute()
        : db
            .selectFrom('account_profiles')
            .select(['account_id', 'subject_id', 'email_ct as ciphertext'])
            .where('email_bidx', '=', blindIndex)
            .limit(50)
            .execute(),
    insertCode: (row) => db.insertInto('identity_verification_codes').values(row).execute(),
    supersedeCodes: (purpose, addressHash, at) =>
      db
        .updateTable('identity_verification_codes')
        .set({ consumed_at: at })
        .where('purpose', '=', purpose)
        .where('address_hash', '=', addressHash)
        .where('consumed_at', 'is', null)
        .execute(),
    findLiveCode: (purpose, addressHash, at) =>
      db
        .selectFrom('identity_verification_codes')
        .selectAll()
        .where('purpose', '=', purpose)
        .where('address_hash', '=', addressHash)
        .where('consumed_at', 'is', null)
        .where('expires_at', '>', at)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    spendAttempt: async (id, max) => {
      const result = await db
        .updateTable('identity_verification_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where('attempts', '<', max)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    consumeCode: async (id, at) => {
      const result = await db
        .updateTable('identity_verification_codes')
        .set({ consumed_at: at })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    deleteCodesExpiredBefore: async (cutoff) => {
      const result = await db.deleteFrom('identity_verification_codes').where('expires_at', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    updatePassword: (accountId, passwordHash, at) =>
      db.updateTable('accounts').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', accountId).execute(),
    accountNoTaken: async (accountNo) =>
      (await db.selectFrom('accounts').select('id').where('account_no', '=', accountNo).executeTakeFirst()) !== undefined,
    insertAccount: (row) => db.insertInto('accounts').values(row).execute(),
    insertProfile: (row) => db.insertInto('account_profiles').values(row).execute(),
  };
}
