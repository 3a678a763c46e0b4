import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, RetentionCertificatesTable, RetentionHoldsTable, RetentionRunsTable } from '../../db/schema.ts';
import type { PersonalDataCopy } from '../vault/index.ts';

export type HoldRow = Selectable<RetentionHoldsTable>;
export type RunRow = Selectable<RetentionRunsTable>;
export type CertificateRow = Selectable<RetentionCertificatesTable>;
/** One record of a declared copy as the retention job sees it: ids and dates, never a value. */
export type ScannedRecord = {
  id: string;
  subject_id: string | null;
  account_id: string | null;
  clock_at: string | null;
  closed_at: string | null;
};

export type RetentionRepo = ReturnType<typeof operations> & {
  transaction: <T>(work: (repo: RetentionRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

/** Holds, runs, certificates, and the paged scan of a declared copy (table and column names come from code only). */
export function createRetentionRepo(db: Kysely<Database>): RetentionRepo {
  return {
    ...operations(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRetentionRepo(trx), trx)),
  };
}

function operations(db: Kysely<Database>) {
  return {
    insertHold: (row: RetentionHoldsTable) => db.insertInto('retention_holds').values(row).execute(),
    listHolds: () => db.selectFrom('retention_holds').selectAll().orderBy('placed_at', 'desc').limit(200).execute(),
    activeHolds: () => db.selectFrom('retention_holds').selectAll().where('lifted_at', 'is', null).execute(),
    findHold: (id: string) => db.selectFrom('retention_holds').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Compare-and-set: only a hold still in force is lifted (two officers cannot both lift it). */
    liftHold: async (id: string, at: string, by: string | null, reason: string) =>
      Number(
        (
          await db
            .updateTable('retention_holds')
            .set({ lifted_at: at, lifted_by: by, lift_reason: reason })
            .where('id', '=', id)
            .where('lifted_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1,

    insertRun: (row: RetentionRunsTable) => db.insertInto('retention_runs').values(row).execute(),
    listRuns: () => db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').limit(20).execute(),

    insertCertificate: (row: RetentionCertificatesTable) => db.insertInto('retention_certificates').values(row).execute(),
    listCertificates: () => db.selectFrom('retention_certificates').selectAll().orderBy('destroyed_at', 'desc').limit(200).execute(),
    findCertificate: (id: string) =>
      db
        .selectFrom('retention_certificates')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', id), eb('certificate_no', '=', id)]))
        .executeTakeFirst(),

    accountByNo: (accountNo: string) =>
      db.selectFrom('accounts').select(['id', 'kind']).where('account_no', '=', accountNo).executeTakeFirst(),
    accountNumbers: async (ids: string[]) =>
      new Map(
        ids.length
          ? (await db.selectFrom('accounts').select(['id', 'account_no']).where('id', 'in', ids).execute()).map((a) => [a.id, a.account_no])
          : [],
      ),

    /**
     * One page of a declared copy, in id order: the record's id, subject, account, its clock column and the account's
     * closing day. Table and column names come from PERSONAL_DATA_COPIES (code), never from input.
     */
    scanPage: async (copy: PersonalDataCopy, afterId: string, limit: number): Promise<ScannedRecord[]> => {
      const column = (name: string | undefined) => (name ? sql.ref(`t.${name}`) : sql`null`);
      const joined = copy.accountColumn ? sql`left join accounts a on a.id = ${sql.ref(`t.${copy.accountColumn}`)}` : sql``;
      const closed = copy.accountColumn ? sql.ref('a.closed_at') : sql`null`;
      const result = await sql<ScannedRecord>`select t.id as id, ${column(copy.subjectColumn)} as subject_id,
          ${column(copy.accountColumn)} as account_id, ${column(copy.clockColumn)} as clock_at, ${closed} as closed_at
        from ${sql.table(copy.table)} t ${joined}
        where t.id > ${afterId} order by t.id limit ${limit}`.execute(db);
      return result.rows;
    },
  };
}
