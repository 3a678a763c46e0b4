import type { Kysely } from 'kysely';

/**
 * One flag per message (issue 19 item 6): 1 when the server found it asks for a photo of a seal or licence, so the
 * recipients see a tip beside it. Nothing else about the message is kept: no matched words, no score.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('thread_messages')
    .addColumn('asks_seal_photo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('thread_messages').dropColumn('asks_seal_photo').execute();
}
