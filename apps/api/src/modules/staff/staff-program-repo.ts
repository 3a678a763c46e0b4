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
  };
}

export type StaffProgramRepo = ReturnType<typeof createStaffProgramRepo>;
