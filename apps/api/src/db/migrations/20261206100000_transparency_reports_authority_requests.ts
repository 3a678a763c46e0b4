import type { Kysely } from 'kysely';

/**
 * The transparency report (issue 19 item 4, modules/transparency): one report per Beijing calendar quarter, a draft
 * the privacy officer may regenerate until it is published (then frozen: the JSON snapshot never changes), and the
 * register of requests for data from government and other authorities that the privacy officer keeps.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transparency_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute();
  await db.schema
    .createTable('transparency_authority_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('disclosed', 'integer', (c) => c.notNull())
    .addColumn('persons_affected', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('transparency_authority_requests_received')
    .on('transparency_authority_requests')
    .column('received_on')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transparency_authority_requests').execute();
  await db.schema.dropTable('transparency_reports').execute();
}
