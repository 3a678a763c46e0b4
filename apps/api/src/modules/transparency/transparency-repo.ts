import type { Kysely, Selectable, Transaction } from 'kysely';
import { RIGHTS_FINAL_STATUSES } from '@sealbridge/contracts';
import type { Database, TransparencyAuthorityRequestsTable, TransparencyReportsTable } from '../../db/schema.ts';

export type ReportRow = Selectable<TransparencyReportsTable>;
export type AuthorityRequestRow = Selectable<TransparencyAuthorityRequestsTable>;
/** A quarter as instants (`from` inclusive, `to` exclusive, UTC ISO) and as Beijing days (inclusive). */
export type QuarterRange = { fromIso: string; toIso: string; fromDay: string; toDay: string };

export type TransparencyRepo = ReturnType<typeof operations> & {
  transaction: <T>(work: (repo: TransparencyRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

const n = (row: { n: string | number | bigint } | undefined) => Number(row?.n ?? 0);

/**
 * Reports, the authority-request register, and the read-only counts a report is made of. Every count reads another
 * module's table by its columns of dates, statuses and categories — never a ciphertext, a digest or a free text.
 */
export function createTransparencyRepo(db: Kysely<Database>): TransparencyRepo {
  return { ...operations(db), transaction: (work) => db.transaction().execute((trx) => work(createTransparencyRepo(trx), trx)) };
}

function operations(db: Kysely<Database>) {
  return {
    findReport: (period: string) => db.selectFrom('transparency_reports').selectAll().where('period', '=', period).executeTakeFirst(),
    listReports: (status?: 'published') => {
      let q = db.selectFrom('transparency_reports').selectAll().orderBy('period', 'desc').limit(200);
      if (status) q = q.where('status', '=', status);
      return q.execute();
    },
    insertReport: (row: ReportRow) => db.insertInto('transparency_reports').values(row).execute(),
    /** Replaces a draft's figures; a published report is never touched (the `status = 'draft'` guard). */
    replaceDraft: async (period: string, values: Pick<ReportRow, 'report_json' | 'generated_at' | 'generated_by'>) =>
      Number(
        (
          await db
            .updateTable('transparency_reports')
            .set(values)
            .where('period', '=', period)
            .where('status', '=', 'draft')
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    /** Compare-and-set: only a draft is published, once. */
    publish: async (period: string, at: string, by: string, reportJson: string) =>
      Number(
        (
          await db
            .updateTable('transparency_reports')
            .set({ status: 'published', published_at: at, published_by: by, report_json: reportJson })
            .where('period', '=', period)
            .where('status', '=', 'draft')
            .executeTakeFirst()
        ).numUpdatedRows,
      ),

    insertAuthorityRequest: (row: AuthorityRequestRow) => db.insertInto('transparency_authority_requests').values(row).execute(),
    listAuthorityRequests: () =>
      db
        .selectFrom('transparency_authority_requests')
        .selectAll()
        .orderBy('received_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .limit(500)
        .execute(),

    // The counts (read-only views of rights, consent, security, vendors, audit and retention).
    rightsReceivedByKind: (q: QuarterRange) =>
      db
        .selectFrom('rights_requests')
        .select(['kind', (eb) => eb.fn.countAll().as('n')])
        .where('created_at', '>=', q.fromIso)
        .where('created_at', '<', q.toIso)
        .groupBy('kind')
        .execute(),
    /** Requests that reached a final state in the quarter: dates only (the working days are counted in the service). */
    rightsAnswered: (q: QuarterRange) =>
      db
        .selectFrom('rights_requests')
        .select(['created_at', 'due_at', 'closed_at'])
        .where('status', 'in', [...RIGHTS_FINAL_STATUSES])
        .where('closed_at', '>=', q.fromIso)
        .where('closed_at', '<', q.toIso)
        .execute(),
    feedback: async (q: QuarterRange) => {
      const base = () =>
        db
          .selectFrom('privacy_tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('kind', '=', 'feedback');
      const [received, closed] = await Promise.all([
        base().where('created_at', '>=', q.fromIso).where('created_at', '<', q.toIso).executeTakeFirst(),
        base().where('status', '=', 'closed').where('closed_at', '>=', q.fromIso).where('closed_at', '<', q.toIso).executeTakeFirst(),
      ]);
      return { received: n(received), closed: n(closed) };
    },
    incidents: (q: QuarterRange) =>
      db
        .selectFrom('security_incidents')
        .select(['grade', 'reported_at'])
        .where('detected_at', '>=', q.fromIso)
        .where('detected_at', '<', q.toIso)
        .execute(),
    transfers: async (q: QuarterRange) => {
      const inQuarter = () => db.selectFrom('data_transfers').where('created_at', '>=', q.fromIso).where('created_at', '<', q.toIso);
      const [byKind, persons] = await Promise.all([
        inQuarter()
          .select(['outcome', 'cross_border', (eb) => eb.fn.countAll().as('n')])
          .groupBy(['outcome', 'cross_border'])
          .execute(),
        inQuarter()
          .select(['sensitive', (eb) => eb.fn.count('subject_digest').distinct().as('n')])
          .where('outcome', '=', 'allowed')
          .where('cross_border', '=', 1)
          .groupBy('sensitive')
          .execute(),
      ]);
      const personsAll = await inQuarter()
        .select((eb) => eb.fn.count('subject_digest').distinct().as('n'))
        .where('outcome', '=', 'allowed')
        .where('cross_border', '=', 1)
        .executeTakeFirst();
      return { byKind, persons, personsAll: n(personsAll) };
    },
    authorityRequests: (q: QuarterRange) =>
      db
        .selectFrom('transparency_authority_requests')
        .select(['legal_basis', 'disclosed', 'persons_affected'])
        .where('received_on', '>=', q.fromDay)
        .where('received_on', '<=', q.toDay)
        .execute(),
    /** Reveals of personal fields by staff accounts (a customer reading its own data or a buyer under a grant is not staff). */
    staffReveals: (q: QuarterRange) =>
      db
        .selectFrom('audit_log')
        .select(['purpose', 'decision', (eb) => eb.fn.countAll().as('n')])
        .where('type', '=', 'vault.fields_revealed')
        .where('at', '>=', q.fromIso)
        .where('at', '<', q.toIso)
        .where('actor_account_id', 'in', db.selectFrom('accounts').select('id').where('kind', '=', 'staff'))
        .groupBy(['purpose', 'decision'])
        .execute(),
    consentWithdrawals: async (q: QuarterRange) =>
      n(
        await db
          .selectFrom('consent_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('decision', '=', 'withdrawn')
          .where('at', '>=', q.fromIso)
          .where('at', '<', q.toIso)
          .executeTakeFirst(),
      ),
    erasures: async (q: QuarterRange) => {
      const [accounts, destroyed] = await Promise.all([
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', '=', 'lifecycle.account_erased')
          .where('at', '>=', q.fromIso)
          .where('at', '<', q.toIso)
          .executeTakeFirst(),
        db
          .selectFrom('retention_certificates')
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), eb.val(0)).as('n'))
          .where('destroyed_at', '>=', q.fromIso)
          .where('destroyed_at', '<', q.toIso)
          .executeTakeFirst(),
      ]);
      return { accountsErased: n(accounts), recordsDestroyedByRetention: n(destroyed) };
    },
  };
}
