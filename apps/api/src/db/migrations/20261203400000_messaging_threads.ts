import { sql, type Kysely } from 'kysely';

/**
 * Messages (issue 13): a thread per (listing, buyer); each participant's words sealed under a vault subject of
 * their own in that thread (`message_thread_parties.subject_id`); per-lane read cursors; masking flags for the
 * broker; call-back requests. Message bodies exist only as vault ciphertexts (`body_ct`, `masked_body_ct`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('listing_id', 'text', (c) => c.notNull())
    .addColumn('listing_code', 'text', (c) => c.notNull())
    .addColumn('buyer_account_id', 'text', (c) => c.notNull())
    // The listing's seller and broker as last seen through the disclosure port: an index for "my threads" only;
    // every access asks the port again and refreshes them.
    .addColumn('seller_account_id', 'text', (c) => c.notNull())
    .addColumn('broker_account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('message_threads_listing_buyer')
    .on('message_threads')
    .columns(['listing_id', 'buyer_account_id'])
    .unique()
    .execute();
  await db.schema.createIndex('message_threads_buyer').on('message_threads').column('buyer_account_id').execute();
  await db.schema.createIndex('message_threads_seller').on('message_threads').column('seller_account_id').execute();
  await db.schema.createIndex('message_threads_broker').on('message_threads').column('broker_account_id').execute();

  await db.schema
    .createTable('message_thread_parties')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // Created with the party's first message in the thread.
    .addColumn('subject_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // When the last "new messages" notice went out; the next one waits until the party has read since.
    .addColumn('notified_at', 'text')
    .addPrimaryKeyConstraint('message_thread_parties_pk', ['thread_id', 'account_id'])
    .execute();
  await db.schema.createIndex('message_thread_parties_account').on('message_thread_parties').column('account_id').execute();

  await db.schema
    .createTable('thread_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('lane', 'text', (c) => c.notNull())
    .addColumn('sender_account_id', 'text', (c) => c.notNull())
    .addColumn('sender_role', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('body_ct', 'text')
    .addColumn('masked_body_ct', 'text')
    // {"mobile": 1, …}: kinds and counts of what the masking hid at sending — never a value.
    .addColumn('masked_kinds', 'text')
    // 1 when identifiers were sent to the other party before L3 (counts toward a flag for the broker).
    .addColumn('contact_attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thread_messages_lane').on('thread_messages').columns(['thread_id', 'lane', 'id']).execute();
  await db.schema
    .createIndex('thread_messages_attempts')
    .on('thread_messages')
    .columns(['thread_id', 'sender_account_id', 'created_at'])
    .execute();

  // References to data-room documents (ids only; the data room decides who may open them).
  await db.schema
    .createTable('message_attachments')
    .addColumn('message_id', 'text', (c) => c.notNull().references('thread_messages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_attachments_pk', ['message_id', 'position'])
    .execute();

  await db.schema
    .createTable('message_reads')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('lane', 'text', (c) => c.notNull())
    .addColumn('last_read_message_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_reads_pk', ['thread_id', 'account_id', 'lane'])
    .execute();

  await db.schema
    .createTable('message_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('party_role', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  // One open flag per party and thread, also when two sends race.
  await db.schema
    .createIndex('message_flags_one_open')
    .on('message_flags')
    .columns(['thread_id', 'account_id'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();

  await db.schema
    .createTable('message_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('message_threads.id').onDelete('cascade'))
    .addColumn('requester_account_id', 'text', (c) => c.notNull())
    .addColumn('requester_role', 'text', (c) => c.notNull())
    .addColumn('time_window', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .execute();
  // One open request per requester and thread.
  await db.schema
    .createIndex('message_callbacks_one_open')
    .on('message_callbacks')
    .columns(['thread_id', 'requester_account_id'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'message_callbacks',
    'message_flags',
    'message_reads',
    'message_attachments',
    'thread_messages',
    'message_thread_parties',
    'message_threads',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
