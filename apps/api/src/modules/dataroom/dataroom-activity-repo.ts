import type { Kysely } from 'kysely';
import type { Database, DataroomDwellTable, DataroomQuestionsTable } from '../../db/schema.ts';

export type QuestionRow = DataroomQuestionsTable;

/** Q&A rows, dwell beacons and the view counts the analytics read (renderings of kind "view"). */
export function createActivityRepo(db: Kysely<Database>) {
  return {
    questions: (roomId: string) =>
      db.selectFrom('dataroom_questions').selectAll().where('room_id', '=', roomId).orderBy('asked_at', 'desc').limit(500).execute(),
    question: (roomId: string, id: string) =>
      db.selectFrom('dataroom_questions').selectAll().where('room_id', '=', roomId).where('id', '=', id).executeTakeFirst(),
    insertQuestion: (row: QuestionRow) => db.insertInto('dataroom_questions').values(row).execute(),
    answer: (id: string, text: string, by: string, role: 'broker' | 'seller', at: string) =>
      db
        .updateTable('dataroom_questions')
        .set({ answer_text: text, answered_by: by, answered_role: role, answered_at: at })
        .where('id', '=', id)
        .execute(),
    publish: (id: string, published: boolean) =>
      db
        .updateTable('dataroom_questions')
        .set({ published: published ? 1 : 0 })
        .where('id', '=', id)
        .execute(),

    insertDwell: (rows: DataroomDwellTable[]) =>
      rows.length ? db.insertInto('dataroom_dwell').values(rows).execute() : Promise.resolve([]),
    /** Page views (renderings for viewing) of a room. */
    views: (roomId: string) =>
      db
        .selectFrom('dataroom_renderings')
        .select(['document_id', 'page', 'viewer_account_id', 'grant_id', 'rendered_at'])
        .where('room_id', '=', roomId)
        .where('kind', '=', 'view')
        .orderBy('rendered_at')
        .limit(200_000)
        .execute(),
    dwell: (roomId: string) =>
      db
        .selectFrom('dataroom_dwell')
        .select(['document_id', 'page', 'viewer_account_id', 'dwell_ms'])
        .where('room_id', '=', roomId)
        .limit(200_000)
        .execute(),
    /** Whether a viewer had this page rendered recently (a beacon for a page never shown is dropped). */
    renderedRecently: async (roomId: string, documentId: string, page: number, viewerAccountId: string, since: string) =>
      (await db
        .selectFrom('dataroom_renderings')
        .select('code')
        .where('room_id', '=', roomId)
        .where('document_id', '=', documentId)
        .where('page', '=', page)
        .where('viewer_account_id', '=', viewerAccountId)
        .where('rendered_at', '>=', since)
        .limit(1)
        .executeTakeFirst()) !== undefined,
  };
}

export type ActivityRepo = ReturnType<typeof createActivityRepo>;
