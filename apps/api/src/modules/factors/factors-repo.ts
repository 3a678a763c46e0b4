import type { Kysely, Transaction } from 'kysely';
import type {
  FactorsAttemptsTable,
  FactorsChallengesTable,
  FactorsRecoveryCodesTable,
  FactorsStepUpsTable,
  FactorsTable,
  FactorsTables,
  FactorsTotpTable,
  FactorsWebauthnTable,
} from './factors-tables.ts';

export type ActiveFactorRow = Pick<FactorsTable, 'id' | 'kind' | 'status' | 'created_at' | 'confirmed_at' | 'last_used_at'> & {
  device_type: FactorsWebauthnTable['device_type'] | null;
  backed_up: number | null;
};
export type TotpRow = Pick<FactorsTable, 'id' | 'status' | 'created_at'> & Pick<FactorsTotpTable, 'secret_sealed' | 'last_step'>;
export type CredentialRow = Pick<FactorsWebauthnTable, 'factor_id' | 'credential_id' | 'public_key' | 'sign_count' | 'transports'>;

/**
 * Queries over the factors tables; no business logic. Typed against `Kysely<FactorsTables>` and generic over the
 * caller's database type, so `transaction` hands `work` a transaction of the whole database (the audit log's
 * `appendInTransaction` takes that one).
 */
export type FactorsRepo<Tx = unknown> = {
  transaction: <T>(work: (repo: FactorsRepo<Tx>, trx: Tx) => Promise<T>) => Promise<T>;
  listActiveFactors: (accountId: string) => Promise<ActiveFactorRow[]>;
  findFactor: (accountId: string, factorId: string) => Promise<FactorsTable | undefined>;
  countActiveFactors: (accountId: string) => Promise<number>;
  /** Row-locks the account's factors (an UPDATE that changes nothing): concurrent removals queue on PostgreSQL. */
  lockAccountFactors: (accountId: string) => Promise<void>;
  insertFactor: (row: FactorsTable) => Promise<void>;
  activateFactor: (factorId: string, at: string) => Promise<void>;
  markFactorUsed: (factorId: string, at: string) => Promise<void>;
  deleteFactor: (accountId: string, factorId: string) => Promise<number>;
  findTotp: (accountId: string) => Promise<TotpRow | undefined>;
  insertTotp: (row: FactorsTotpTable) => Promise<void>;
  deletePendingTotp: (accountId: string) => Promise<void>;
  /** Stores the accepted step only if it is later than the stored one: false means the code was already used. */
  acceptTotpStep: (factorId: string, step: number) => Promise<boolean>;
  listCredentials: (accountId: string) => Promise<CredentialRow[]>;
  findCredential: (accountId: string, credentialId: string) => Promise<CredentialRow | undefined>;
  insertWebauthn: (row: FactorsWebauthnTable) => Promise<void>;
  /** Compare-and-set of the signature counter: false when another verification moved it first. */
  updateSignCount: (factorId: string, expected: number, next: number) => Promise<boolean>;
  countUnusedRecoveryCodes: (accountId: string) => Promise<number>;
  replaceRecoveryCodes: (accountId: string, rows: FactorsRecoveryCodesTable[]) => Promise<void>;
  deleteRecoveryCodes: (accountId: string) => Promise<void>;
  /** Marks an unused code used; false when there is no such unused code (wrong, used, or raced). */
  useRecoveryCode: (accountId: string, codeHash: string, at: string) => Promise<boolean>;
  insertChallenge: (row: FactorsChallengesTable) => Promise<void>;
  /** Deletes the matching unexpired challenge; true only for the one caller that deleted it. */
  consumeChallenge: (
    match: Pick<FactorsChallengesTable, 'account_id' | 'session_id_hash' | 'purpose' | 'challenge'>,
    now: string,
  ) => Promise<boolean>;
  insertAttempt: (row: FactorsAttemptsTable) => Promise<void>;
  attemptsSince: (accountId: string, since: string) => Promise<{ count: number; oldest: string | null }>;
  deleteAttempt: (id: string) => Promise<void>;
  clearAttempts: (accountId: string) => Promise<void>;
  upsertStepUp: (row: FactorsStepUpsTable) => Promise<void>;
  findStepUp: (sessionIdHash: string) => Promise<FactorsStepUpsTable | undefined>;
  purgeStale: (cutoffs: { now: string; attemptsBefore: string; pendingBefore: string; stepUpsBefore: string }) => Promise<number>;
};

const changed = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined) =>
  Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? 0);

export function createFactorsRepo<DB extends FactorsTables>(database: Kysely<DB>): FactorsRepo<Transaction<DB>> {
  const db = database as unknown as Kysely<FactorsTables>;
  return {
    transaction: (work) => database.transaction().execute((trx) => work(createFactorsRepo(trx), trx)),

    listActiveFactors: (accountId) =>
      db
        .selectFrom('factors')
        .leftJoin('factors_webauthn', 'factors_webauthn.factor_id', 'factors.id')
        .select([
          'factors.id',
          'factors.kind',
          'factors.status',
          'factors.created_at',
          'factors.confirmed_at',
          'factors.last_used_at',
          'factors_webauthn.device_type',
          'factors_webauthn.backed_up',
        ])
        .where('factors.account_id', '=', accountId)
        .where('factors.status', '=', 'active')
        .orderBy('factors.created_at')
        .execute(),
    findFactor: (accountId, factorId) =>
      db.selectFrom('factors').selectAll().where('id', '=', factorId).where('account_id', '=', accountId).executeTakeFirst(),
    countActiveFactors: async (accountId) =>
      Number(
        (
          await db
            .selectFrom('factors')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('account_id', '=', accountId)
            .where('status', '=', 'active')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    lockAccountFactors: async (accountId) => {
      await db
        .updateTable('factors')
        .set((eb) => ({ account_id: eb.ref('account_id') }))
        .where('account_id', '=', accountId)
        .execute();
    },
    insertFactor: async (row) => {
      await db.insertInto('factors').values(row).execute();
    },
    activateFactor: async (factorId, at) => {
      await db.updateTable('factors').set({ status: 'active', confirmed_at: at, last_used_at: at }).where('id', '=', factorId).execute();
    },
    markFactorUsed: async (factorId, at) => {
      await db.updateTable('factors').set({ last_used_at: at }).where('id', '=', factorId).execute();
    },
    deleteFactor: async (accountId, factorId) =>
      changed(await db.deleteFrom('factors').where('id', '=', factorId).where('account_id', '=', accountId).executeTakeFirst()),

    findTotp: (accountId) =>
      db
        .selectFrom('factors')
        .innerJoin('factors_totp', 'factors_totp.factor_id', 'factors.id')
        .select(['factors.id', 'factors.status', 'factors.created_at', 'factors_totp.secret_sealed', 'factors_totp.last_step'])
        .where('factors.account_id', '=', accountId)
        .where('factors.kind', '=', 'totp')
        .executeTakeFirst()
        .then((row) => row && { ...row, last_step: row.last_step === null ? null : Number(row.last_step) }),
    insertTotp: async (row) => {
      await db.insertInto('factors_totp').values(row).execute();
    },
    deletePendingTotp: async (accountId) => {
      await db
        .deleteFrom('factors')
        .where('account_id', '=', accountId)
        .where('kind', '=', 'totp')
        .where('status', '=', 'pending')
        .execute();
    },
    acceptTotpStep: async (factorId, step) =>
      changed(
        await db
          .updateTable('factors_totp')
          .set({ last_step: step })
          .where('factor_id', '=', factorId)
          .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
          .executeTakeFirst(),
      ) === 1,

    listCredentials: (accountId) =>
      db
        .selectFrom('factors_webauthn')
        .innerJoin('factors', 'factors.id', 'factors_webauthn.factor_id')
        .select([
          'factors_webauthn.factor_id',
          'factors_webauthn.credential_id',
          'factors_webauthn.public_key',
          'factors_webauthn.sign_count',
          'factors_webauthn.transports',
        ])
        .where('factors.account_id', '=', accountId)
        .where('factors.status', '=', 'active')
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, sign_count: Number(r.sign_count) }))),
    findCredential: (accountId, credentialId) =>
      db
        .selectFrom('factors_webauthn')
        .innerJoin('factors', 'factors.id', 'factors_webauthn.factor_id')
        .select([
          'factors_webauthn.factor_id',
          'factors_webauthn.credential_id',
          'factors_webauthn.public_key',
          'factors_webauthn.sign_count',
          'factors_webauthn.transports',
        ])
        .where('factors.account_id', '=', accountId)
        .where('factors.status', '=', 'active')
        .where('factors_webauthn.credential_id', '=', credentialId)
        .executeTakeFirst()
        .then((r) => r && { ...r, sign_count: Number(r.sign_count) }),
    insertWebauthn: async (row) => {
      await db.insertInto('factors_webauthn').values(row).execute();
    },
    updateSignCount: async (factorId, expected, next) =>
      changed(
        await db
          .updateTable('factors_webauthn')
          .set({ sign_count: next })
          .where('factor_id', '=', factorId)
          .where('sign_count', '=', expected)
          .executeTakeFirst(),
      ) === 1,

    countUnusedRecoveryCodes: async (accountId) =>
      Number(
        (
          await db
            .selectFrom('factors_recovery_codes')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('account_id', '=', accountId)
            .where('used_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    replaceRecoveryCodes: async (accountId, rows) => {
      await db.deleteFrom('factors_recovery_codes').where('account_id', '=', accountId).execute();
      if (rows.length) await db.insertInto('factors_recovery_codes').values(rows).execute();
    },
    deleteRecoveryCodes: async (accountId) => {
      await db.deleteFrom('factors_recovery_codes').where('account_id', '=', accountId).execute();
    },
    useRecoveryCode: async (accountId, codeHash, at) =>
      changed(
        await db
          .updateTable('factors_recovery_codes')
          .set({ used_at: at })
          .where('account_id', '=', accountId)
          .where('code_hash', '=', codeHash)
          .where('used_at', 'is', null)
          .executeTakeFirst(),
      ) === 1,

    insertChallenge: async (row) => {
      await db.insertInto('factors_challenges').values(row).execute();
    },
    consumeChallenge: async (match, now) =>
      changed(
        await db
          .deleteFrom('factors_challenges')
          .where('challenge', '=', match.challenge)
          .where('account_id', '=', match.account_id)
          .where('session_id_hash', '=', match.session_id_hash)
          .where('purpose', '=', match.purpose)
          .where('expires_at', '>', now)
          .executeTakeFirst(),
      ) === 1,

    insertAttempt: async (row) => {
      await db.insertInto('factors_attempts').values(row).execute();
    },
    attemptsSince: async (accountId, since) => {
      const row = await db
        .selectFrom('factors_attempts')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('oldest')])
        .where('account_id', '=', accountId)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), oldest: row.oldest ?? null };
    },
    deleteAttempt: async (id) => {
      await db.deleteFrom('factors_attempts').where('id', '=', id).execute();
    },
    clearAttempts: async (accountId) => {
      await db.deleteFrom('factors_attempts').where('account_id', '=', accountId).execute();
    },

    upsertStepUp: async (row) => {
      await db
        .insertInto('factors_step_ups')
        .values(row)
        .onConflict((oc) =>
          oc.column('session_id_hash').doUpdateSet({ account_id: row.account_id, method: row.method, stepped_up_at: row.stepped_up_at }),
        )
        .execute();
    },
    findStepUp: (sessionIdHash) =>
      db.selectFrom('factors_step_ups').selectAll().where('session_id_hash', '=', sessionIdHash).executeTakeFirst(),

    purgeStale: async ({ now, attemptsBefore, pendingBefore, stepUpsBefore }) => {
      const results = [
        await db.deleteFrom('factors_challenges').where('expires_at', '<=', now).executeTakeFirst(),
        await db.deleteFrom('factors_attempts').where('at', '<=', attemptsBefore).executeTakeFirst(),
        await db.deleteFrom('factors').where('status', '=', 'pending').where('created_at', '<=', pendingBefore).executeTakeFirst(),
        await db.deleteFrom('factors_step_ups').where('stepped_up_at', '<=', stepUpsBefore).executeTakeFirst(),
      ];
      return results.reduce((n, r) => n + changed(r), 0);
    },
  };
}
