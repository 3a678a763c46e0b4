import { sql, type Kysely } from 'kysely';

/**
 * Sessions learn their stage (a sign-in waiting for its second factor, a staff member's enrolment-only session)
 * and a public handle and coarse device label for "my sessions"; known devices drive the new-device notice.
 * Sessions opened before second factors were enforced are ended: they never proved a second factor.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from sessions`.execute(db);
  await db.schema
    .alterTable('sessions')
    .addColumn('public_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('device_browser', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('device_os', 'text').execute();
  await db.schema.createIndex('sessions_public_id').on('sessions').column('public_id').unique().execute();
  await db.schema
    .createTable('known_devices')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    /** Keyed digest of the device cookie's random id (never the id itself). */
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_devices_pk', ['account_id', 'device_hash'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('known_devices').execute();
  await db.schema.dropIndex('sessions_public_id').execute();
  for (const column of ['device_os', 'device_browser', 'stage', 'public_id'])
    await db.schema.alterTable('sessions').dropColumn(column).execute();
}
