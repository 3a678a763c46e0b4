import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TCallbackView, TMaskingFlag, TMessagePage, TMessageView, TThreadList, TThreadSummary } from '@sealbridge/contracts';
import { newId } from '../../src/platform/ids/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { client, createMessagingTestApp, type MessagingTestApp } from './messaging-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`message threads, participants, flags and call-backs on ${dialect}`, () => {
    let t: MessagingTestApp;
    let threadId: string;
    const as = (who: keyof MessagingTestApp['sessions']) => client(t.app, t.sessions[who]);
    const audit = async (type: string) => {
      await t.app.services.auditLog.drain();
      return t.database.db.selectFrom('audit_log').selectAll().where('type', '=', type).orderBy('seq').execute();
    };

    before(async () => {
      t = await createMessagingTestApp(dialect);
      await t.grants.inquire();
    });
    after(async () => t.close());

    test('a buyer without an inquiry gets the same 404 as for a listing that does not exist', async () => {
      const noInquiry = await as('stranger').open(t.listingId);
      const noListing = await as('stranger').open(newId());
      assert.equal(noInquiry.statusCode, 404);
      assert.equal(noListing.statusCode, 404);
      assert.equal(noInquiry.json().code, noListing.json().code);
      assert.equal((await as('seller').open(t.listingId)).statusCode, 404, 'a seller cannot open a thread on their own listing');
    });

    test('a buyer with an inquiry opens one thread per listing, however often they ask', async () => {
      await t.grants.openL1();
      const first = await as('buyer').open(t.listingId);
      const again = await as('buyer').open(t.listingId);
      assert.equal(first.statusCode, 200, first.body);
      threadId = (first.json() as TThreadSummary).id;
      assert.equal((again.json() as TThreadSummary).id, threadId);
      const summary = first.json() as TThreadSummary;
      assert.equal(summary.listingCode, t.listingCode);
      assert.match(summary.buyerAlias, /^B-[0-9A-Z]{6}$/);
      assert.equal((await audit('messaging.thread_opened')).length, 1);
      for (const who of ['seller', 'broker'] as const) {
        const list = (await as(who).threads()).json() as TThreadList;
        assert.deepEqual(
          list.items.map((i) => [i.id, i.myRole]),
          [[threadId, who]],
        );
      }
    });

    test('someone outside the thread gets 404 for every route, exactly as for a thread that does not exist, and the probe is audited', async () => {
      await as('buyer').send(threadId, 'parties', '您好');
      const ghost = newId();
      for (const who of ['stranger', 'otherBroker'] as const) {
        const c = as(who);
        for (const [res, ghostRes] of [
          [await c.thread(threadId), await c.thread(ghost)],
          [await c.messages(threadId, 'parties'), await c.messages(ghost, 'parties')],
          [await c.send(threadId, 'parties', 'hi'), await c.send(ghost, 'parties', 'hi')],
          [await c.callback(threadId), await c.callback(ghost)],
        ] as const) {
          assert.equal(res.statusCode, 404, `${who}: ${res.body}`);
          assert.deepEqual({ ...(res.json() as object), requestId: '' }, { ...(ghostRes.json() as object), requestId: '' });
        }
        assert.deepEqual(((await c.threads()).json() as TThreadList).items, []);
      }
      const refused = await audit('messaging.access_refused');
      assert.ok(refused.some((r) => r.actor_account_id === t.ids.stranger && r.decision === 'denied'));
    });

    test('a broker taken off the listing loses the thread at once; the new one has it', async () => {
      await t.moveListingTo(t.ids.otherBroker);
      assert.equal((await as('broker').messages(threadId, 'parties')).statusCode, 404);
      assert.equal((await as('otherBroker').messages(threadId, 'parties')).statusCode, 200);
      await t.moveListingTo(t.ids.broker);
      assert.equal((await as('otherBroker').messages(threadId, 'parties')).statusCode, 404);
    });

    test('read receipts: the sender sees who in the lane has read the message', async () => {
      const sent = (await as('buyer').send(threadId, 'parties', '请看一下报价')).json() as TMessageView;
      assert.deepEqual(sent.readBy, []);
      const unread = ((await as('seller').threads()).json() as TThreadList).items[0]?.lanes.find((l) => l.lane === 'parties');
      assert.equal(unread?.unread, 2);
      assert.equal((await as('seller').read(threadId, 'parties', sent.id)).statusCode, 204);
      const after = ((await as('buyer').messages(threadId, 'parties')).json() as TMessagePage).items.find((m) => m.id === sent.id);
      assert.deepEqual(after?.readBy, ['seller']);
      assert.equal(((await as('seller').threads()).json() as TThreadList).items[0]?.lanes.find((l) => l.lane === 'parties')?.unread, 0);
      assert.equal((await as('seller').read(threadId, 'buyer_broker', sent.id)).statusCode, 403, "not the seller's lane");
    });

    test('attachments are data-room document ids: kept as references, anything else refused', async () => {
      const doc = newId();
      const ok = await as('seller').send(threadId, 'parties', '尽调资料见附件', [doc]);
      assert.deepEqual((ok.json() as TMessageView).attachments, [{ documentId: doc }]);
      const seen = ((await as('buyer').messages(threadId, 'parties')).json() as TMessagePage).items.find(
        (m) => m.id === (ok.json() as TMessageView).id,
      );
      assert.deepEqual(seen?.attachments, [{ documentId: doc }]);
      const bad = await as('seller').send(threadId, 'parties', '附件', ['../../etc/passwd']);
      assert.equal(bad.statusCode, 422);
    });

    test('three identifiers within a day raise one flag for the broker, with kinds and counts only, and a notice', async () => {
      await as('buyer').send(threadId, 'parties', '手机 13912345678');
      assert.deepEqual(((await as('broker').flags()).json() as { items: TMaskingFlag[] }).items, []);
      await as('buyer').send(threadId, 'parties', '或者 13812345678，QQ号：123456789');
      const flags = ((await as('broker').flags()).json() as { items: TMaskingFlag[] }).items;
      assert.equal(flags.length, 1);
      const flag = flags[0] as TMaskingFlag;
      assert.equal(flag.partyRole, 'buyer');
      assert.equal(flag.attempts, 3);
      assert.deepEqual(flag.kinds, [
        { kind: 'mobile', count: 2 },
        { kind: 'qq', count: 1 },
      ]);
      const events = await audit('messaging.contact_attempts_flagged');
      assert.equal(events.length, 1);
      assert.deepEqual(JSON.parse(events[0]?.data ?? '{}').kinds, { mobile: 2, qq: 1 });
      assert.doesNotMatch(JSON.stringify(events), /13912345678|13812345678|123456789/);
      assert.equal((await t.notices(t.ids.broker, 'messages_contact_attempts')).length, 1);
      // Another attempt updates the open flag; no second flag, no second notice.
      await as('buyer').send(threadId, 'parties', 'buyer@example.com');
      const updated = ((await as('broker').flags()).json() as { items: TMaskingFlag[] }).items;
      assert.equal(updated.length, 1);
      assert.equal(updated[0]?.attempts, 4);
      assert.equal((await t.notices(t.ids.broker, 'messages_contact_attempts')).length, 1);
      // The buyer cannot see or handle flags; the broker acknowledges, after which counting starts afresh.
      assert.equal((await as('buyer').flags()).statusCode, 403);
      assert.equal((await as('otherBroker').acknowledge(flag.id)).statusCode, 404);
      assert.equal((await as('broker').acknowledge(flag.id)).statusCode, 200);
      assert.equal((await as('broker').acknowledge(flag.id)).statusCode, 409);
      await as('buyer').send(threadId, 'parties', '13912345678');
      assert.deepEqual(((await as('broker').flags()).json() as { items: TMaskingFlag[] }).items, []);
    });

    test('the broker never gets a flag for contacts sent after L3, nor for what a party tells the broker', async () => {
      await t.grants.openL3();
      for (let i = 0; i < 3; i += 1) await as('seller').send(threadId, 'parties', `电话 1391234567${i}`);
      await t.grants.sellerL3Consent('withdraw');
      for (let i = 0; i < 3; i += 1) await as('seller').send(threadId, 'seller_broker', `电话 1381234567${i}`);
      assert.ok(((await as('broker').flags()).json() as { items: TMaskingFlag[] }).items.every((f) => f.partyRole !== 'seller'));
    });

    test("a call-back request goes to the broker's queue; closing it tells the requester", async () => {
      const requested = await as('seller').callback(threadId, 'morning');
      assert.equal(requested.statusCode, 200, requested.body);
      const request = requested.json() as TCallbackView;
      assert.equal((await as('seller').callback(threadId)).statusCode, 409, 'one open request per party');
      assert.equal((await as('broker').callback(threadId)).statusCode, 403);
      assert.equal(((await as('seller').thread(threadId)).json() as TThreadSummary).openCallback?.id, request.id);
      const queue = ((await as('broker').callbacks()).json() as { items: TCallbackView[] }).items;
      assert.deepEqual(
        queue.map((c) => [c.id, c.requesterRole, c.window, c.listingCode]),
        [[request.id, 'seller', 'morning', t.listingCode]],
      );
      assert.equal((await t.notices(t.ids.broker, 'messages_callback_requested')).length, 1);
      assert.equal((await as('otherBroker').done(request.id)).statusCode, 404);
      const done = await as('broker').done(request.id, 'call_held');
      assert.equal((done.json() as TCallbackView).status, 'done');
      assert.equal((await as('broker').done(request.id)).statusCode, 409);
      assert.equal((await t.notices(t.ids.seller, 'messages_callback_done')).length, 1);
      assert.equal(((await as('seller').thread(threadId)).json() as TThreadSummary).openCallback, null);
      assert.equal((await audit('messaging.callback_done')).length, 1);
    });

    test("who read a party's words after L3 shows in that party's access log", async () => {
      await t.grants.sellerL3Consent('give');
      await as('seller').messages(threadId, 'parties');
      await t.grants.sellerL3Consent('withdraw');
      const log = await t.app.inject({ url: '/api/me/access-log', headers: { cookie: t.sessions.buyer.cookie } });
      const entries = (log.json() as { entries: { actorRole: string; purpose: string; fields: { key: string }[] }[] }).entries;
      assert.ok(
        entries.some(
          (e) => e.actorRole === 'seller' && e.purpose === 'deal_execution' && e.fields.some((f) => f.key === 'thread_messages.body'),
        ),
      );
      assert.ok(entries.some((e) => e.actorRole === 'broker' && e.fields.some((f) => f.key === 'thread_messages.masked_body')));
    });

    test('erasing a thread destroys the keys of every party in it, and the thread is gone for them', async () => {
      const admin = { accountId: t.ids.broker, roles: ['privacy_officer'], kind: 'staff' as const, sessionId: null };
      assert.equal(await t.app.services.messaging.eraseThread(threadId, admin, 'RET-2026-001'), true);
      assert.equal(await t.app.services.messaging.eraseThread(threadId, admin, 'RET-2026-001'), false);
      assert.equal((await as('buyer').messages(threadId, 'parties')).statusCode, 404);
      const subjects = await t.database.db
        .selectFrom('message_thread_parties')
        .select('subject_id')
        .where('thread_id', '=', threadId)
        .execute();
      const erased = await t.database.db
        .selectFrom('vault_subjects')
        .select('erased_at')
        .where(
          'subject_id',
          'in',
          subjects.map((s) => s.subject_id ?? ''),
        )
        .execute();
      assert.ok(erased.length >= 2 && erased.every((s) => s.erased_at !== null));
      assert.equal((await audit('messaging.thread_erased')).length, 1);
    });
  });
}
