import { RIGHTS_FINAL_STATUSES } from '@sealbridge/contracts';
import type { Kysely } from 'kysely';
import type {
  Database,
  StaffConductVersionsTable,
  StaffConductViolationsTable,
  StaffTrainingModulesTable,
  StaffTrainingRemindersTable,
} from '../../db/schema.ts';

/** The privacy program's tables (issue 19): training modules, reminders, code-of-conduct versions, violations. */
export function createStaffProgramRepo(db: Kysely<Database>) {
  return {
    listModules: () => db.selectFrom('staff_training_modules').selectAll().orderBy('code').execute(),
    findModule: (code: string) => db.selectFrom('staff_training_modules').selectAll().where('code', '=', code).executeTakeFirst(),
    insertModule: (row: StaffTrainingModulesTable) => db.insertInto('staff_training_modules').values(row).execute(),
    updateModule: (row: StaffTrainingModulesTable) =>
      db
        .updateTable('staff_training_modules')
        .set({ ...row })
        .where('code', '=', row.code)
        .execute(),

    /** True when this reminder was not sent before (one of each kind per completion). */
    insertReminder: async (row: StaffTrainingRemindersTable) =>
      (
        await db
          .insertInto('staff_training_reminders')
          .values(row)
          .onConflict((oc) => oc.columns(['account_id', 'course', 'expires_at', 'kind']).doNothing())
          .returning('account_id')
          .execute()
      ).length > 0,

    latestConduct: () => db.selectFrom('staff_conduct_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst(),
    insertConduct: (row: StaffConductVersionsTable) => db.insertInto('staff_conduct_versions').values(row).execute(),

    insertViolation: (row: StaffConductViolationsTable) => db.insertInto('staff_conduct_violations').values(row).execute(),
    listViolations: (limit: number) =>
      db.selectFrom('staff_conduct_violations').selectAll().orderBy('recorded_at', 'desc').limit(limit).execute(),
    /** How many of these audit record numbers exist (a violation must rest on real records). */
    countAuditRecords: async (seqs: readonly number[]) =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('seq', 'in', [...seqs])
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Counts for the console's privacy metrics (read-only views of rights, consent, break-glass, reviews). */
    metricCounts: async (at: string, since: string) => {
      const n = (row: { n: string | number | bigint } | undefined) => Number(row?.n ?? 0);
      const [overdue, alerts, withdrawals, campaign] = await Promise.all([
        db
          .selectFrom('rights_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'not in', [...RIGHTS_FINAL_STATUSES])
          .where('due_at', '<', at)
          .executeTakeFirst(),
        db
          .selectFrom('staff_break_glass')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('acknowledged_at', 'is', null)
          .executeTakeFirst(),
        db
          .selectFrom('consent_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('decision', '=', 'withdrawn')
          .where('at', '>=', since)
          .executeTakeFirst(),
        db.selectFrom('staff_review_campaigns').select('id').orderBy('started_at', 'desc').limit(1).executeTakeFirst(),
      ]);
      return { overdue: n(overdue), alerts: n(alerts), withdrawals: n(withdrawals), campaignId: campaign?.id };
    },
  };
}

export type StaffProgramRepo = ReturnType<typeof createStaffProgramRepo>;
