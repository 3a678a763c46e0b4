import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMessageBus } from '../../src/modules/messaging/index.ts';
import { createStreamHub, MAX_STREAMS_PER_ACCOUNT } from '../../src/modules/messaging/message-stream.ts';
import { createMemoryPresence } from '../../src/modules/messaging/presence.ts';
import { createLocalPubSub } from '../../src/platform/pubsub/index.ts';
import { captureLogs } from '../helpers/test-store.ts';

function sink() {
  const chunks: string[] = [];
  let ended = false;
  return { chunks, ended: () => ended, write: (c: string) => void chunks.push(c), end: () => void (ended = true) };
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs = 2000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await tick(5);
  }
}

test('events go only to the streams of the accounts they name, as ids', async () => {
  const { logger } = captureLogs();
  const bus = createMessageBus(createLocalPubSub(logger), logger);
  const hub = createStreamHub({ bus, presence: createMemoryPresence(), logger, heartbeatMs: 10_000 });
  await hub.start();
  const a = sink();
  const b = sink();
  const sa = await hub.open({ accountId: 'a', sink: a, stillSignedIn: async () => true });
  const sb = await hub.open({ accountId: 'b', sink: b, stillSignedIn: async () => true });
  await bus.publish({ id: 'e1', type: 'message', to: ['a'], threadId: 't1', lane: 'parties', messageId: 'm1' });
  await bus.publish({ id: 'e2', type: 'read', to: ['b'], threadId: 't1', lane: 'parties', messageId: 'm1' });
  await until(() => b.chunks.some((c) => c.includes('e2')));
  assert.ok(a.chunks.includes('id: e1\nevent: message\ndata: {"threadId":"t1","lane":"parties","messageId":"m1"}\n\n'));
  assert.ok(!b.chunks.some((c) => c.includes('e1')));
  sa.close();
  sb.close();
  assert.equal(hub.size(), 0);
});

test('a heartbeat keeps the stream alive and marks presence; a session that ended closes the stream with signed_out', async () => {
  const { logger } = captureLogs();
  // Presence on a still clock: a mark counts until it is cleared, however slow the machine is between two lines.
  const presence = createMemoryPresence(() => 0);
  const hub = createStreamHub({ bus: createMessageBus(createLocalPubSub(logger), logger), presence, logger, heartbeatMs: 20 });
  let signedIn = true;
  const s = sink();
  await hub.open({ accountId: 'a', sink: s, stillSignedIn: async () => signedIn });
  assert.equal(await presence.online('a'), true);
  await until(() => s.chunks.some((c) => c.startsWith(': heartbeat')));
  signedIn = false;
  await until(() => s.ended());
  assert.ok(s.chunks.some((c) => c.includes('event: signed_out')));
  assert.equal(s.ended(), true);
  assert.equal(hub.size(), 0);
  assert.equal(await presence.online('a'), false, 'the last stream of the account closed');
});

test('closeAll ends every stream (shutdown)', async () => {
  const { logger } = captureLogs();
  const hub = createStreamHub({
    bus: createMessageBus(createLocalPubSub(logger), logger),
    presence: createMemoryPresence(),
    logger,
    heartbeatMs: 10_000,
  });
  const sinks = [sink(), sink(), sink()];
  for (const [i, s] of sinks.entries()) await hub.open({ accountId: `acc-${i % 2}`, sink: s, stillSignedIn: async () => true });
  assert.equal(hub.size(), 3);
  hub.closeAll();
  assert.equal(hub.size(), 0);
  assert.ok(sinks.every((s) => s.ended()));
});

test('an account opening streams without end keeps only the newest few', async () => {
  const { logger } = captureLogs();
  const hub = createStreamHub({
    bus: createMessageBus(createLocalPubSub(logger), logger),
    presence: createMemoryPresence(),
    logger,
    heartbeatMs: 10_000,
  });
  const sinks = Array.from({ length: MAX_STREAMS_PER_ACCOUNT + 3 }, () => sink());
  for (const s of sinks) await hub.open({ accountId: 'greedy', sink: s, stillSignedIn: async () => true });
  assert.equal(hub.size(), MAX_STREAMS_PER_ACCOUNT);
  assert.deepEqual(
    sinks.map((s) => s.ended()),
    sinks.map((_, i) => i < 3),
  );
  hub.closeAll();
});
