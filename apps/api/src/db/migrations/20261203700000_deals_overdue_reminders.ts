import type { Kysely } from 'kysely';

/** The day the parties of a deal were last reminded of overdue checklist items (the reminder job's own clock). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deals').addColumn('overdue_reminded_on', 'text').execute();
}
