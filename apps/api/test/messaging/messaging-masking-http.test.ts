import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TMessagePage, TMessageView, TThreadSummary } from '@sealbridge/contracts';
import { bytesAtRest } from '../helpers/at-rest.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { client, createMessagingTestApp, rendered, type MessagingTestApp } from './messaging-fixture.ts';

const MOBILE = '13912345678';
const WECHAT = 'zhang_san88';
const TEXT = `您好，方便的话直接打我手机 ${MOBILE}，或者加微信：${WECHAT}，我们细谈价格。`;

for (const dialect of DIALECTS) {
  describe(`messages masked until L3 on ${dialect}`, () => {
    let t: MessagingTestApp;
    let threadId: string;
    let messageId: string;
    const as = (who: keyof MessagingTestApp['sessions']) => client(t.app, t.sessions[who]);
    const page = async (who: keyof MessagingTestApp['sessions'], lane = 'parties') => {
      const res = await as(who).messages(threadId, lane);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as TMessagePage;
    };
    const audit = (type: string) => t.database.db.selectFrom('audit_log').selectAll().where('type', '=', type).orderBy('seq').execute();

    before(async () => {
      t = await createMessagingTestApp(dialect);
      await t.grants.inquire();
      const opened = await as('buyer').open(t.listingId);
      assert.equal(opened.statusCode, 200, opened.body);
      threadId = (opened.json() as TThreadSummary).id;
    });
    after(async () => t.close());

    test('before L1 the buyer and the seller cannot use the parties lane, and the buyer talks to the broker', async () => {
      assert.equal((await as('buyer').send(threadId, 'parties', '你好')).json().code, 'LANE_CLOSED');
      assert.equal((await as('seller').messages(threadId, 'parties')).json().code, 'LANE_CLOSED');
      const toBroker = await as('buyer').send(threadId, 'buyer_broker', '请问这家公司还在吗？');
      assert.equal(toBroker.statusCode, 200, toBroker.body);
      const brokerView = await page('broker', 'buyer_broker');
      assert.equal(rendered(brokerView.items[0] as TMessageView), '请问这家公司还在吗？');
      // The seller is not in the buyer's line to the broker at all.
      assert.equal((await as('seller').messages(threadId, 'buyer_broker')).statusCode, 403);
      const sellerThread = (await as('seller').thread(threadId)).json() as TThreadSummary;
      assert.deepEqual(
        sellerThread.lanes.map((l) => [l.lane, l.readable, l.open]),
        [
          ['parties', false, false],
          ['seller_broker', true, true],
        ],
      );
    });

    test('after L1 a contact sent to the seller is masked for the seller and the broker, and the sender sees what and why', async () => {
      await t.grants.openL1();
      const sent = await as('buyer').send(threadId, 'parties', TEXT);
      assert.equal(sent.statusCode, 200, sent.body);
      const own = sent.json() as TMessageView;
      messageId = own.id;
      assert.deepEqual(own.masking, {
        reason: 'contacts_closed',
        kinds: [
          { kind: 'mobile', count: 1 },
          { kind: 'wechat', count: 1 },
        ],
      });
      assert.equal(rendered(own), TEXT.replace(MOBILE, `«${MOBILE}»`).replace(WECHAT, `«${WECHAT}»`));
      for (const reader of ['seller', 'broker'] as const) {
        const res = await as(reader).messages(threadId, 'parties');
        assert.doesNotMatch(res.body, /13912345678|zhang_san88|1391234/);
        const m = (res.json() as TMessagePage).items[0] as TMessageView;
        assert.equal(m.rendering, 'masked');
        assert.equal(m.masking, null);
        assert.equal(rendered(m), TEXT.replace(MOBILE, '⟨mobile⟩').replace(WECHAT, '⟨wechat⟩'));
      }
      // The sender reads it back as written, with the note.
      const mine = (await page('buyer')).items[0] as TMessageView;
      assert.equal(mine.sender.self, true);
      assert.equal(mine.masking?.reason, 'contacts_closed');
    });

    test('once L3 is active the seller reads the original, audited as a reveal for deal_execution; the broker still reads it masked', async () => {
      await t.grants.openL3();
      const seller = (await page('seller')).items[0] as TMessageView;
      assert.equal(seller.rendering, 'original');
      assert.equal(rendered(seller), TEXT);
      const broker = (await page('broker')).items[0] as TMessageView;
      assert.equal(broker.rendering, 'masked');
      assert.doesNotMatch(rendered(broker), /13912345678/);
      const buyerOwn = (await page('buyer')).items[0] as TMessageView;
      assert.equal(buyerOwn.masking, null, 'nothing is hidden from the other party any more');
      await t.app.services.auditLog.drain();
      const reveals = (await audit('vault.fields_revealed')).filter((r) => r.actor_account_id === t.ids.seller);
      const last = reveals.at(-1);
      assert.ok(last);
      assert.equal(last.purpose, 'deal_execution');
      assert.equal(last.decision, 'allowed');
      assert.match(last.fields ?? '', /thread_messages\.body/);
      // Provided to the seller under the buyer's L3 grant (both sides' consents naming each other), recorded with it.
      assert.ok((JSON.parse(last.data) as { recipient?: { grantId?: string } }).recipient?.grantId);
    });

    test('a withdrawn L3 consent masks again at once, on this instance and on a second one; consent again opens it; a revoked L3 masks for good', async () => {
      await t.grants.sellerL3Consent('withdraw');
      const here = await as('seller').messages(threadId, 'parties');
      assert.doesNotMatch(here.body, /13912345678/);
      const second = await t.secondInstance();
      const there = await client(second, t.sessions.seller).messages(threadId, 'parties');
      assert.equal(there.statusCode, 200, there.body);
      assert.doesNotMatch(there.body, /13912345678/);
      assert.equal(((there.json() as TMessagePage).items[0] as TMessageView).rendering, 'masked');
      // Consent given again: the second instance opens it without any cache to invalidate.
      await t.grants.sellerL3Consent('give');
      assert.match((await client(second, t.sessions.seller).messages(threadId, 'parties')).body, /13912345678/);
      await t.grants.revoke('L3');
      assert.doesNotMatch((await client(second, t.sessions.seller).messages(threadId, 'parties')).body, /13912345678/);
      assert.doesNotMatch((await as('seller').messages(threadId, 'parties')).body, /13912345678/);
    });

    test("the seller's reply reaches the buyer masked too, and a reply to the broker is masked with the broker-line reason", async () => {
      const reply = await as('seller').send(threadId, 'parties', '我的邮箱是 seller.owner@example.com');
      assert.deepEqual((reply.json() as TMessageView).masking, { reason: 'contacts_closed', kinds: [{ kind: 'email', count: 1 }] });
      const buyerView = (await page('buyer')).items.at(-1) as TMessageView;
      assert.equal(rendered(buyerView), '我的邮箱是 ⟨email⟩');
      const toBroker = await as('seller').send(threadId, 'seller_broker', '有事打 021-62345678');
      assert.equal((toBroker.json() as TMessageView).masking?.reason, 'broker_line');
      assert.doesNotMatch((await as('broker').messages(threadId, 'seller_broker')).body, /62345678/);
    });

    test('nothing a participant wrote rests in plaintext — not in the store files, the key store or the logs — and the audit trail names kinds and counts only', async () => {
      const rows = await t.database.db.selectFrom('thread_messages').selectAll().execute();
      assert.ok(rows.length >= 3);
      await t.app.services.auditLog.drain();
      const atRest = (await bytesAtRest(t)).toString('utf8');
      for (const needle of [MOBILE, WECHAT, 'seller.owner@example.com', '细谈价格', '62345678']) {
        assert.ok(!atRest.includes(needle), `${needle} at rest`);
        assert.ok(!t.logLines.some((l) => l.includes(needle)), `${needle} in the logs`);
      }
      await t.app.services.auditLog.drain();
      const sent = await audit('messaging.message_sent');
      assert.ok(sent.some((r) => JSON.parse(r.data ?? '{}').masked?.mobile === 1));
      assert.doesNotMatch(JSON.stringify(sent), /13912345678|zhang_san88/);
      assert.equal(messageId.length, 36);
    });

    test('a revoked L1 closes the parties lane to both sides again, the lines to the broker stay open', async () => {
      await t.grants.revoke('L1');
      assert.equal((await as('seller').messages(threadId, 'parties')).json().code, 'LANE_CLOSED');
      assert.equal((await as('buyer').send(threadId, 'parties', '还在吗')).json().code, 'LANE_CLOSED');
      assert.equal((await as('buyer').send(threadId, 'buyer_broker', '还在吗')).statusCode, 200);
      assert.equal((await as('broker').messages(threadId, 'parties')).statusCode, 200, 'the broker keeps the history');
    });
  });
}
