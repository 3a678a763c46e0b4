import { sql, type Kysely } from 'kysely';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PERSONAL_DATA_COPIES, PERSONAL_FIELDS } from '../../src/modules/vault/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders } from '../helpers/test-app.ts';
import { inquire } from '../disclosure/disclosure-fixture.ts';
import { client, createMessagingTestApp, type MessagingTestApp } from '../messaging/messaging-fixture.ts';

/**
 * Issue 14 item 2: erasure reaches every copy. A value is planted through the API in every module that keeps a copy of
 * a person's data; after erasure it is found nowhere — neither in plain text in any column of any table, nor
 * decryptable from any ciphertext whose key still exists.
 */
const WORD = '灯塔青梅巷';
const MOBILE = '13912340077';

/** Tables with free text or a registered field that a person's erasure must account for. */
const FREE_TEXT_TABLES_OF_A_PERSON = [
  'inquiries',
  'dataroom_questions',
  'deal_events',
  'deal_checklist_marks',
  'listing_saved_searches',
  'thread_messages',
  'privacy_tickets',
  'disputes',
  'dispute_sessions',
];

describe('every copy of a person is declared', () => {
  test('every table holding a registered personal field, and every table with free text a person writes, declares its copy', () => {
    const declared = new Set(PERSONAL_DATA_COPIES.map((c) => c.table));
    for (const table of new Set(PERSONAL_FIELDS.map((f) => f.table)))
      assert.ok(declared.has(table), `${table} holds personal data: declare it`);
    for (const table of FREE_TEXT_TABLES_OF_A_PERSON) assert.ok(declared.has(table), `${table} holds a person's text: declare it`);
  });

  test('a kept copy says why, a sealed copy names its subject column, and a plain copy names how it finds the person', () => {
    for (const copy of PERSONAL_DATA_COPIES) {
      if (copy.action === 'retain') assert.ok(copy.reason, `${copy.table}: why is it kept?`);
      if (copy.action === 'shred') assert.ok(copy.subjectColumn && (copy.accountColumn || copy.byContact), copy.table);
      if (copy.action === 'anonymize') assert.ok(copy.accountColumn && copy.textColumns?.length, copy.table);
      if (copy.action === 'delete') assert.ok(copy.accountColumn, copy.table);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`erasure reaches every copy on ${dialect}`, () => {
    let t: MessagingTestApp;
    before(async () => {
      t = await createMessagingTestApp(dialect);
    });
    after(async () => t.close());

    /** Every table's rows as text: the plain-text search. */
    async function plainHits(needle: string): Promise<string[]> {
      // This store's tables only (PostgreSQL lists every schema: other test files' and the key store's).
      // This store's tables only, listed without a catalog-wide scan (other test files drop their schemas meanwhile).
      const tables = t.database.pgSchema
        ? (
            await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = ${t.database.pgSchema} and table_type = 'BASE TABLE'`.execute(t.database.db)
          ).rows
        : await t.database.db.introspection.getTables();
      const hits: string[] = [];
      for (const table of tables) {
        const rows = await (t.database.db as unknown as Kysely<Record<string, object>>).selectFrom(table.name).selectAll().execute();
        for (const row of rows) {
          const text = JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
          if (text.includes(needle)) hits.push(table.name);
        }
      }
      return [...new Set(hits)];
    }

    /**
     * Every ciphertext of every registered table that still opens (its subject's key exists), opened as the subject
     * would, with every value of its row tried as the record it is bound to: the values that contain `needle`.
     */
    async function decryptableHits(needle: string): Promise<string[]> {
      const db = t.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const hits: string[] = [];
      for (const table of new Set(PERSONAL_FIELDS.map((f) => f.table))) {
        const fields = PERSONAL_FIELDS.filter((f) => f.table === table).map((f) => f.field);
        for (const row of await db.selectFrom(table).selectAll().execute()) {
          const subjects = await t.database.db.selectFrom('vault_subjects').select(['subject_id', 'erased_at']).execute();
          const bound = Object.values(row).filter((v): v is string => typeof v === 'string' && v.length < 80);
          for (const subject of subjects.filter((s) => !s.erased_at && bound.includes(s.subject_id))) {
            for (const recordId of bound) {
              for (const field of fields.filter((f) => typeof row[`${f}_ct`] === 'string')) {
                // A wrong binding fails authentication: only the record the ciphertext belongs to opens it.
                const opened = await t.app.services.vault
                  .reveal({
                    actor: { accountId: 'test', roles: [], kind: 'customer' },
                    own: true,
                    subjectId: subject.subject_id,
                    table,
                    recordId,
                    row,
                    fields: [field],
                    purpose: 'rights_request',
                  })
                  .catch(() => ({}) as Record<string, { state: string; value?: string }>);
                const view = opened[field];
                if (view?.state === 'revealed' && view.value?.includes(needle)) hits.push(`${table}.${field}`);
              }
            }
          }
        }
      }
      return [...new Set(hits)];
    }

    test('a word and a mobile number planted in every module through the API are found nowhere after erasure', async () => {
      const buyer = t.sessions.buyer;
      const headers = authHeaders(buyer);
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers,
        payload: { mobile: MOBILE, address: `四川省成都市武侯区${WORD}8号` },
      });
      assert.equal(put.statusCode, 200, put.body);
      // The delivery outbox: a registration code to the same number (answered the same whether it is registered or not).
      const code = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { channel: 'mobile', address: MOBILE } });
      assert.equal(code.statusCode, 202, code.body);
      // The world's buyer is verified already: the verification record is sealed under the profile's subject.
      await inquire(t.world, `想了解${WORD}的经营情况`);
      const thread = await client(t.app, buyer).open(t.listingId);
      assert.equal(thread.statusCode, 200, thread.body);
      const threadId = thread.json().id as string;
      const sent = await client(t.app, buyer).send(threadId, 'buyer_broker', `请问${WORD}附近的情况`);
      assert.equal(sent.statusCode, 200, sent.body);
      const ticket = await t.app.inject({
        method: 'POST',
        url: '/api/privacy/feedback',
        headers,
        payload: { topic: 'question', message: `关于${WORD}的请求` },
      });
      assert.equal(ticket.statusCode, 201, ticket.body);
      const search = await t.app.inject({
        method: 'POST',
        url: '/api/me/saved-searches',
        headers,
        payload: { name: WORD, query: { q: WORD } },
      });
      assert.equal(search.statusCode, 200, search.body);

      // Planted: in plain text where the module keeps plain text, and decryptable where it seals.
      assert.ok((await plainHits(WORD)).length > 0, 'the word is in plain text somewhere before erasure');
      const before = await decryptableHits(WORD);
      for (const where of ['account_profiles.address', 'thread_messages.body', 'privacy_tickets.message']) {
        assert.ok(before.includes(where), `planted in ${where}: ${before.join(', ')}`);
      }
      assert.ok((await decryptableHits(MOBILE)).includes('delivery_outbox.mobile'), 'the outbox holds the number');

      const report = await t.app.services.erasure.eraseAccount(
        t.ids.buyer,
        { accountId: 'privacy-officer', roles: ['privacy_officer'], kind: 'staff' },
        'DR-2026-0001',
      );
      assert.ok(report.subjectsShredded >= 3, JSON.stringify(report));

      assert.deepEqual(await plainHits(WORD), [], 'no plain copy of the word is left');
      assert.deepEqual(await plainHits(MOBILE), [], 'no plain copy of the number is left');
      assert.deepEqual(await decryptableHits(WORD), [], 'no copy of the word can be decrypted');
      assert.deepEqual(await decryptableHits(MOBILE), [], 'no copy of the number can be decrypted (the outbox included)');
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('type', '=', 'lifecycle.account_erased').execute();
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(`${WORD}|${MOBILE}`));
    });

    test('erasing again finds nothing more to do and still succeeds', async () => {
      const report = await t.app.services.erasure.eraseAccount(
        t.ids.buyer,
        { accountId: 'privacy-officer', roles: ['privacy_officer'], kind: 'staff' },
        'DR-2026-0001',
      );
      assert.equal(report.subjectsShredded, 0);
    });
  });
}
