import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { TMessageView, TThreadSummary } from '@sealbridge/contracts';
import { DIALECTS } from '../helpers/test-store.ts';
import { client, createMessagingTestApp, type MessagingTestApp } from './messaging-fixture.ts';
import { openStream } from './sse-client.ts';

const REDIS = process.env.REDIS_URL;
const variants = DIALECTS.flatMap((dialect) => [
  { dialect, bus: 'the in-process bus', env: {} as Record<string, string> },
  ...(REDIS ? [{ dialect, bus: 'Redis pub/sub', env: { REDIS_URL: REDIS } }] : []),
]);

/** Waits until `check` holds (a stream is registered a moment after its headers went out). */
async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

for (const { dialect, bus, env } of variants) {
  describe(`live message updates on ${dialect} with ${bus}`, () => {
    let t: MessagingTestApp;
    let base: string;
    let threadId: string;
    const as = (who: keyof MessagingTestApp['sessions'], app?: FastifyInstance) => client(app ?? t.app, t.sessions[who]);

    before(async () => {
      t = await createMessagingTestApp(dialect, env);
      base = await listen(t.app);
      await t.grants.inquire();
      threadId = ((await as('buyer').open(t.listingId)).json() as TThreadSummary).id;
      await t.grants.openL1();
    });
    after(async () => t.close());

    test('the stream answers only a request for an event stream, and only a signed-in participant role', async () => {
      const plain = await t.app.inject({ url: '/api/me/messages/stream', headers: { cookie: t.sessions.seller.cookie } });
      assert.equal(plain.statusCode, 406);
      assert.equal(plain.json().code, 'NOT_ACCEPTABLE');
      const visitor = await t.app.inject({ url: '/api/me/messages/stream', headers: { accept: 'text/event-stream' } });
      assert.equal(visitor.statusCode, 401);
    });

    test("a new message reaches the other party's open stream as ids only — never text — behind the security headers", async () => {
      const stream = await openStream(base, t.sessions.seller);
      try {
        assert.equal(stream.status, 200);
        assert.match(stream.header('content-type') ?? '', /^text\/event-stream/);
        assert.equal(stream.header('x-content-type-options'), 'nosniff');
        assert.match(stream.header('content-security-policy') ?? '', /default-src 'self'/);
        assert.equal(stream.header('cache-control'), 'no-store');
        const arriving = stream.next('message');
        const sent = (await as('buyer').send(threadId, 'parties', '实时消息 13912345678')).json() as TMessageView;
        const event = await arriving;
        assert.equal(event.id, sent.id);
        assert.deepEqual(JSON.parse(event.data), { threadId, lane: 'parties', messageId: sent.id });
        assert.doesNotMatch(stream.raw(), /实时消息|13912345678/);
      } finally {
        await stream.close();
      }
    });

    test('a reconnect with Last-Event-ID replays what was missed, only from lanes the reader may see', async () => {
      const first = (await as('buyer').send(threadId, 'parties', '第一条')).json() as TMessageView;
      const missed = (await as('buyer').send(threadId, 'parties', '错过的一条')).json() as TMessageView;
      const private_ = (await as('buyer').send(threadId, 'buyer_broker', '只给顾问')).json() as TMessageView;
      const stream = await openStream(base, t.sessions.seller, { 'last-event-id': first.id });
      try {
        const ids = () => stream.events.filter((e) => e.event === 'message').map((e) => e.id);
        await until(() => ids().includes(missed.id));
        // A live message after the replay: once it is here, the replay has been read in full.
        const after = (await as('buyer').send(threadId, 'parties', '之后的一条')).json() as TMessageView;
        await until(() => ids().includes(after.id));
        assert.ok(!ids().includes(private_.id), "the buyer's line to the broker is not the seller's");
      } finally {
        await stream.close();
      }
      const garbage = await openStream(base, t.sessions.seller, { 'last-event-id': 'not-an-id' });
      try {
        await garbage.next('resync');
      } finally {
        await garbage.close();
      }
    });

    test('a member watching a live stream gets no notice; one who is away gets one notice per unread stretch', async () => {
      // The broker has read everything so far: what follows starts a new unread stretch.
      const seen = (await as('broker').messages(threadId, 'parties')).json() as { items: TMessageView[] };
      await as('broker').read(threadId, 'parties', seen.items.at(-1)?.id ?? '');
      const before = {
        buyer: (await t.notices(t.ids.buyer, 'messages_new')).length,
        broker: (await t.notices(t.ids.broker, 'messages_new')).length,
      };
      const buyerStream = await openStream(base, t.sessions.buyer);
      try {
        await until(() => t.app.services.messaging.stream.size() >= 1);
        let last: TMessageView | undefined;
        for (const text of ['一', '二', '三']) last = (await as('seller').send(threadId, 'parties', text)).json() as TMessageView;
        assert.equal((await t.notices(t.ids.buyer, 'messages_new')).length, before.buyer, 'the buyer is watching');
        assert.equal((await t.notices(t.ids.broker, 'messages_new')).length, before.broker + 1, 'one notice for a burst');
        const notice = (await t.notices(t.ids.broker, 'messages_new')).at(-1);
        assert.deepEqual(notice?.params, {
          code: t.listingCode,
          alias: ((await as('broker').thread(threadId)).json() as TThreadSummary).buyerAlias,
        });
        assert.doesNotMatch(JSON.stringify(notice), /一|二|三/);
        // Once the broker has read the thread, the next message is worth a notice again.
        assert.equal((await as('broker').read(threadId, 'parties', last?.id ?? '')).statusCode, 204);
        await as('seller').send(threadId, 'parties', '四');
        assert.equal((await t.notices(t.ids.broker, 'messages_new')).length, before.broker + 2);
      } finally {
        await buyerStream.close();
      }
    });

    test('read receipts travel as events to the sender', async () => {
      const stream = await openStream(base, t.sessions.buyer);
      try {
        const sent = (await as('buyer').send(threadId, 'parties', '已读回执')).json() as TMessageView;
        const receipt = stream.next('read');
        await as('seller').read(threadId, 'parties', sent.id);
        assert.deepEqual(JSON.parse((await receipt).data), { threadId, lane: 'parties', messageId: sent.id });
      } finally {
        await stream.close();
      }
    });

    if (env.REDIS_URL) {
      test('a message sent on one instance reaches a stream on another instance over Redis', async () => {
        const second = await t.secondInstance();
        const secondBase = await listen(second);
        const stream = await openStream(secondBase, t.sessions.seller);
        await until(() => second.services.messaging.stream.size() >= 1);
        try {
          const arriving = stream.next('message');
          const sent = (await as('buyer').send(threadId, 'parties', '跨实例')).json() as TMessageView;
          assert.equal((await arriving).id, sent.id);
          // The seller's stream on the second instance counts as present for the first: no notice.
          const notices = (await t.notices(t.ids.seller, 'messages_new')).length;
          await as('buyer').send(threadId, 'parties', '再一条');
          assert.equal((await t.notices(t.ids.seller, 'messages_new')).length, notices);
        } finally {
          await stream.close();
        }
      });
    }

    test('closing the app ends its open streams instead of waiting for them', async () => {
      const other = await t.secondInstance();
      const otherBase = await listen(other);
      const stream = await openStream(otherBase, t.sessions.broker);
      assert.equal(stream.status, 200);
      await until(() => other.services.messaging.stream.size() >= 1);
      const started = performance.now();
      await other.close();
      await stream.finished;
      assert.ok(stream.ended());
      assert.ok(performance.now() - started < 2000, 'close did not wait for the stream');
      assert.equal(other.services.messaging.stream.size(), 0);
    });
  });
}
