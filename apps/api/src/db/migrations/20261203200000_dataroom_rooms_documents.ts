import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The data room (issue 12, level L2). Files never rest in plaintext: each version's bytes are sealed by the vault
 * under the room's own data key (a `data_room` vault subject per listing) and kept by a BlobStore — the file system
 * under DATA_DIR, or `dataroom_blob_chunks` here so every instance of a scale-out deployment sees every file.
 * Permissions key on the disclosure module's L2 grant id; nothing here says a buyer may see a document unless a
 * row in `dataroom_permissions` does (fail-closed). `dataroom_renderings` maps each watermark code to the grant,
 * viewer, document, page and time it was rendered for.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('dataroom_rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull().unique())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('shredded_at', 'text')
    .execute();
  await db.schema
    .createTable('dataroom_folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('dataroom_rooms.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dataroom_folders_room').on('dataroom_folders').column('room_id').execute();
  await db.schema
    .createTable('dataroom_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('dataroom_rooms.id').onDelete('cascade'))
    .addColumn('folder_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('released_version_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dataroom_documents_room').on('dataroom_documents').columns(['room_id', 'folder_id']).execute();
  await db.schema
    .createTable('dataroom_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('dataroom_documents.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('has_text_layer', 'integer', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('source_version_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dataroom_versions_document').on('dataroom_versions').columns(['document_id', 'number']).unique().execute();
  await db.schema
    .createTable('dataroom_permissions')
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull().references('dataroom_documents.id').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataroom_permissions_pk', ['grant_id', 'document_id'])
    .execute();
  await db.schema.createIndex('dataroom_permissions_room').on('dataroom_permissions').column('room_id').execute();
  await db.schema
    .createTable('dataroom_renderings')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('viewer_account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rendered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dataroom_renderings_room').on('dataroom_renderings').columns(['room_id', 'rendered_at']).execute();
  await db.schema
    .createTable('dataroom_dwell')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('viewer_account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('dwell_ms', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dataroom_dwell_room').on('dataroom_dwell').column('room_id').execute();
  await db.schema
    .createTable('dataroom_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('dataroom_rooms.id').onDelete('cascade'))
    .addColumn('document_id', 'text')
    .addColumn('asker_account_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer_text', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_role', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('dataroom_questions_room').on('dataroom_questions').columns(['room_id', 'asked_at']).execute();
  // The PostgreSQL BlobStore: sealed bytes in chunks (each at most a few hundred KiB), never plaintext.
  await db.schema
    .createTable('dataroom_blob_chunks')
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataroom_blob_chunks_pk', ['blob_key', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'dataroom_blob_chunks',
    'dataroom_questions',
    'dataroom_dwell',
    'dataroom_renderings',
    'dataroom_permissions',
    'dataroom_versions',
    'dataroom_documents',
    'dataroom_folders',
    'dataroom_rooms',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
