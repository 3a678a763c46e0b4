import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  DataroomDocumentsTable,
  DataroomFoldersTable,
  DataroomPermissionsTable,
  DataroomRenderingsTable,
  DataroomRoomsTable,
  DataroomVersionsTable,
} from '../../db/schema.ts';

export type RoomRow = DataroomRoomsTable;
export type FolderRow = DataroomFoldersTable;
export type DocumentRow = DataroomDocumentsTable;
export type VersionRow = DataroomVersionsTable;
export type PermissionRow = DataroomPermissionsTable;
export type RenderingRow = DataroomRenderingsTable;

/** Rooms, folders, documents, versions, permissions and renderings. No permission logic here: the service decides. */
export type DataroomRepo = ReturnType<typeof queries> & {
  /** Runs `work` in one transaction with a repository bound to it (a change and its audit record commit together). */
  transaction: <T>(work: (repo: DataroomRepo, trx: Transaction<Database>) => Promise<T>) => Promise<T>;
};

export function createDataroomRepo(db: Kysely<Database>): DataroomRepo {
  return { ...queries(db), transaction: (work) => db.transaction().execute((trx) => work(createDataroomRepo(trx), trx)) };
}

function queries(db: Kysely<Database>) {
  return {
    roomOfListing: (listingId: string) =>
      db.selectFrom('dataroom_rooms').selectAll().where('listing_id', '=', listingId).executeTakeFirst(),
    allRooms: () => db.selectFrom('dataroom_rooms').selectAll().orderBy('created_at', 'desc').limit(500).execute(),
    insertRoom: (row: RoomRow) =>
      db
        .insertInto('dataroom_rooms')
        .values(row)
        .onConflict((c) => c.column('listing_id').doNothing())
        .execute(),
    markShredded: (roomId: string, at: string) =>
      db.updateTable('dataroom_rooms').set({ shredded_at: at }).where('id', '=', roomId).execute(),

    folders: (roomId: string) => db.selectFrom('dataroom_folders').selectAll().where('room_id', '=', roomId).orderBy('name').execute(),
    insertFolder: (row: FolderRow) => db.insertInto('dataroom_folders').values(row).execute(),

    documents: (roomId: string) =>
      db.selectFrom('dataroom_documents').selectAll().where('room_id', '=', roomId).orderBy('created_at').execute(),
    documentCounts: async (roomIds: string[]) => {
      if (roomIds.length === 0) return new Map<string, number>();
      const rows = await db
        .selectFrom('dataroom_documents')
        .select(['room_id'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('room_id', 'in', roomIds)
        .groupBy('room_id')
        .execute();
      return new Map(rows.map((r) => [r.room_id, Number(r.n)]));
    },
    document: (roomId: string, documentId: string) =>
      db.selectFrom('dataroom_documents').selectAll().where('room_id', '=', roomId).where('id', '=', documentId).executeTakeFirst(),
    insertDocument: (row: DocumentRow) => db.insertInto('dataroom_documents').values(row).execute(),
    releaseVersion: (documentId: string, versionId: string) =>
      db.updateTable('dataroom_documents').set({ released_version_id: versionId }).where('id', '=', documentId).execute(),

    versions: (roomId: string) =>
      db.selectFrom('dataroom_versions').selectAll().where('room_id', '=', roomId).orderBy('number', 'desc').execute(),
    version: (versionId: string) => db.selectFrom('dataroom_versions').selectAll().where('id', '=', versionId).executeTakeFirst(),
    nextVersionNumber: async (documentId: string) => {
      const row = await db
        .selectFrom('dataroom_versions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },
    insertVersion: (row: VersionRow) => db.insertInto('dataroom_versions').values(row).execute(),

    permissionsOfRoom: (roomId: string) => db.selectFrom('dataroom_permissions').selectAll().where('room_id', '=', roomId).execute(),
    permission: (grantId: string, documentId: string) =>
      db
        .selectFrom('dataroom_permissions')
        .selectAll()
        .where('grant_id', '=', grantId)
        .where('document_id', '=', documentId)
        .executeTakeFirst(),
    permissionsOfGrant: (roomId: string, grantId: string) =>
      db.selectFrom('dataroom_permissions').selectAll().where('room_id', '=', roomId).where('grant_id', '=', grantId).execute(),
    setPermission: async (row: PermissionRow) => {
      await db.deleteFrom('dataroom_permissions').where('grant_id', '=', row.grant_id).where('document_id', '=', row.document_id).execute();
      await db.insertInto('dataroom_permissions').values(row).execute();
    },
    clearPermission: (grantId: string, documentId: string) =>
      db.deleteFrom('dataroom_permissions').where('grant_id', '=', grantId).where('document_id', '=', documentId).execute(),

    insertRendering: (row: RenderingRow) => db.insertInto('dataroom_renderings').values(row).execute(),
    rendering: (code: string) => db.selectFrom('dataroom_renderings').selectAll().where('code', '=', code).executeTakeFirst(),
  };
}
