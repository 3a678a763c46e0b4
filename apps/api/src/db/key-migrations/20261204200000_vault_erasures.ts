import type { Kysely } from 'kysely';

/**
 * The erasure journal, kept in the key store (issue 14 item 7): which subjects were crypto-shredded and which accounts
 * erased, when. The key store is never overwritten by an older copy, so a data backup restored after an erasure replays
 * it: sealed copies stay unreadable (their keys are gone) and plain copies are anonymized again. Ids only, no values.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vault_erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('reason_ref', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vault_erasures_at').on('vault_erasures').column('erased_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vault_erasures').execute();
}
