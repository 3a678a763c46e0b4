import { sql, type Kysely } from 'kysely';

/**
 * Real-name verification submissions (issue 5 item 7). Name, ID number and both ID card images are vault
 * ciphertexts (`_ct`) under the customer's data key; the ID number also has a blind index to notice the same person
 * under two accounts. The `sensitive_consent_*` columns record the separate consent (PIPL Art. 29) until the consent
 * module takes them over.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('identity_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('full_name_ct', 'text')
    .addColumn('id_number_ct', 'text')
    .addColumn('id_number_bidx', 'text')
    .addColumn('id_front_image_ct', 'text')
    .addColumn('id_front_image_type', 'text')
    .addColumn('id_back_image_ct', 'text')
    .addColumn('id_back_image_type', 'text')
    .addColumn('possible_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sensitive_consent_given_at', 'text', (c) => c.notNull())
    .addColumn('sensitive_consent_text_hash', 'text', (c) => c.notNull())
    .addColumn('sensitive_consent_statement', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('checklist', 'text')
    .execute();
  await db.schema
    .createIndex('identity_verifications_account')
    .on('identity_verifications')
    .columns(['account_id', 'submitted_at'])
    .execute();
  await db.schema.createIndex('identity_verifications_status').on('identity_verifications').columns(['status', 'submitted_at']).execute();
  // At most one open (pending or verified) submission per account, also when two submissions race.
  await db.schema
    .createIndex('identity_verifications_one_open')
    .on('identity_verifications')
    .column('account_id')
    .unique()
    .where(sql<boolean>`status in ('pending', 'verified')`)
    .execute();
  await db.schema.createIndex('identity_verifications_id_number_bidx').on('identity_verifications').column('id_number_bidx').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identity_verifications').execute();
}
