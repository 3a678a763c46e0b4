import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDUCATION_TIPS, type TEducationList, type TMessagePage, type TMessageView, type TThreadSummary } from '@sealbridge/contracts';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { createDisclosureWorld, inquire, type DisclosureWorld } from '../disclosure/disclosure-fixture.ts';
import { client } from '../messaging/messaging-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`customer education: guides, tips and the seal-photo flag on ${dialect}`, () => {
    let w: DisclosureWorld;
    let t: DisclosureWorld['t'];
    let threadId = '';
    let officer: Session;
    const as = (who: 'buyer' | 'seller' | 'broker') => client(t.app, w[who]);

    before(async () => {
      // The demo world with an inquiry is enough: the buyer and the broker talk in their own lane without L1.
      w = await createDisclosureWorld(dialect);
      t = w.t;
      await inquire(w);
      threadId = ((await as('buyer').open(w.listing.id)).json() as TThreadSummary).id;
      officer = await signIn(t.app, 'privacy', DEMO_PASSWORD);
    });
    after(async () => t.close());

    test('anyone reads the guides and every tip in both languages, seeded from the migration', async () => {
      const res = await t.app.inject({ url: '/api/education' });
      assert.equal(res.statusCode, 200);
      const { items } = res.json() as TEducationList;
      assert.deepEqual(
        EDUCATION_TIPS.filter((code) => !items.some((i) => i.code === code && i.kind === 'tip')),
        [],
      );
      assert.ok(items.filter((i) => i.kind === 'guide' && i.audience === 'buyer').length >= 3);
      assert.ok(items.filter((i) => i.kind === 'guide' && i.audience === 'seller').length >= 3);
      assert.ok(items.every((i) => i.revision === 1 && i.text['zh-CN'].length > 10 && i.text.en.length > 10));
    });

    test('the privacy officer publishes a new revision; identifiers are refused; a broker cannot edit', async () => {
      const body = {
        'zh-CN': '付定金前请核对收款账户是否为资金共管账户，切勿付入个人账户。',
        en: 'Before a deposit, check the payee is the escrow account.',
      };
      const url = '/api/staff/education/tip.deposit';
      assert.equal((await t.app.inject({ method: 'PUT', url, headers: authHeaders(w.broker), payload: body })).statusCode, 403);
      const withPhone = await t.app.inject({
        method: 'PUT',
        url,
        headers: authHeaders(officer),
        payload: { ...body, 'zh-CN': '有疑问请致电 13800138000 核实收款账户信息' },
      });
      assert.equal(withPhone.json().code, 'FREE_TEXT_IDENTIFIERS');
      const unknown = await t.app.inject({
        method: 'PUT',
        url: '/api/staff/education/tip.invented',
        headers: authHeaders(officer),
        payload: body,
      });
      assert.equal(unknown.statusCode, 404, 'items are not created through the API');
      const saved = await t.app.inject({ method: 'PUT', url, headers: authHeaders(officer), payload: body });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().revision, 2);
      const shown = ((await t.app.inject({ url: '/api/education' })).json() as TEducationList).items.find((i) => i.code === 'tip.deposit');
      assert.deepEqual([shown?.revision, shown?.text['zh-CN']], [2, body['zh-CN']]);
      const rows = await t.database.db.selectFrom('education_items').select('revision').where('code', '=', 'tip.deposit').execute();
      assert.deepEqual(rows.map((r) => r.revision).sort(), [1, 2], 'the earlier revision is kept');
      await t.app.services.auditLog.drain();
      const audited = await t.database.db.selectFrom('audit_log').select('data').where('type', '=', 'education.item_revised').execute();
      assert.deepEqual(JSON.parse(String(audited[0]?.data)), { code: 'tip.deposit', revision: 2 });
    });

    test('a message asking for a seal photo carries the tip for its recipient only, and the store keeps just a flag', async () => {
      const asks = ['麻烦把公章拍给我看看', '发个营业执照照片', '印章照片也要'];
      const plain = ['交割时再移交公章和营业执照', '请勿在聊天中发送公章照片', '请看一下报价'];
      const sent: Record<string, string> = {};
      for (const text of [...asks, ...plain]) {
        const res = await as('buyer').send(threadId, 'buyer_broker', text);
        assert.equal(res.statusCode, 200, res.body);
        const own = res.json() as TMessageView;
        assert.equal(own.tip, undefined, 'the sender gets no tip about their own message');
        sent[own.id] = text;
      }
      const page = (await as('broker').messages(threadId, 'buyer_broker')).json() as TMessagePage;
      assert.equal(page.items.length, asks.length + plain.length);
      const tipped = page.items.filter((m) => m.tip === 'tip.seal-photo').map((m) => sent[m.id]);
      assert.deepEqual(tipped.sort(), [...asks].sort());
      const own = (await as('buyer').messages(threadId, 'buyer_broker')).json() as TMessagePage;
      assert.equal(own.items.filter((m) => m.tip).length, 0, 'nor when the sender reads the thread again');
      const rows = await t.database.db.selectFrom('thread_messages').selectAll().where('thread_id', '=', threadId).execute();
      const flagged = rows.filter((r) => r.asks_seal_photo === 1).map((r) => sent[r.id]);
      assert.deepEqual(flagged.sort(), [...asks].sort());
      assert.deepEqual(
        Object.keys(rows[0] ?? {}).sort(),
        [
          'asks_seal_photo',
          'body_ct',
          'contact_attempt',
          'created_at',
          'id',
          'lane',
          'masked_body_ct',
          'masked_kinds',
          'sender_account_id',
          'sender_role',
          'subject_id',
          'thread_id',
        ],
        'no column beyond the flag was added',
      );
      await t.app.services.auditLog.drain();
      const audit = await t.database.db.selectFrom('audit_log').select('data').where('type', '=', 'messaging.message_sent').execute();
      assert.equal(
        audit.some((r) => String(r.data).includes('seal')),
        false,
        'the audit record says nothing of the ask',
      );
    });
  });
}
