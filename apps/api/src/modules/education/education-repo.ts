import type { Kysely, Transaction } from 'kysely';
import type { Database, EducationItemsTable } from '../../db/schema.ts';

/** Guide and tip revisions (issue 19 item 6). Rows are only ever added: an edit is a new revision. */
export function createEducationRepo(db: Kysely<Database>) {
  return {
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(work),
    /** The latest revision of every item, in display order. */
    latest: async (): Promise<EducationItemsTable[]> => {
      const rows = await db.selectFrom('education_items').selectAll().orderBy('code').orderBy('revision', 'desc').execute();
      const seen = new Set<string>();
      return rows.filter((r) => !seen.has(r.code) && seen.add(r.code)).sort((a, b) => a.position - b.position);
    },
    latestOf: (code: string) =>
      db.selectFrom('education_items').selectAll().where('code', '=', code).orderBy('revision', 'desc').limit(1).executeTakeFirst(),
    insert: (row: EducationItemsTable) => db.insertInto('education_items').values(row).execute(),
  };
}

export type EducationRepo = ReturnType<typeof createEducationRepo>;
