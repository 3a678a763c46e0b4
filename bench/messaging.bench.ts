import { Redis } from 'ioredis';
import { newId } from '../apps/api/src/platform/ids/index.ts';
import { createDisclosureWorld, openL1 } from '../apps/api/test/disclosure/disclosure-fixture.ts';
import { completeStaffTraining } from '../apps/api/test/helpers/staff-training.ts';
import { authHeaders, type Session } from '../apps/api/test/helpers/test-app.ts';
import { openStream } from '../apps/api/test/messaging/sse-client.ts';
import { result, type BenchSuite } from './lib.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SAMPLES = 100;
const WARMUP = 10;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Raw Redis: publish on one connection, receive on a subscribed one — the floor under any cross-instance delivery. */
async function redisBaseline(): Promise<number[]> {
  const pub = new Redis(REDIS_URL);
  const sub = new Redis(REDIS_URL);
  const channel = `sealbridge:bench:${newId()}`;
  const pending = new Map<string, (t: number) => void>();
  sub.on('message', (_c: string, message: string) => pending.get((JSON.parse(message) as { id: string }).id)?.(performance.now()));
  await sub.subscribe(channel);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const id = newId();
    const arrived = new Promise<number>((resolve) => pending.set(id, resolve));
    const t0 = performance.now();
    // The same shape and size as a messaging event.
    await pub.publish(
      channel,
      JSON.stringify({ id, type: 'message', to: [newId(), newId(), newId()], threadId: newId(), lane: 'parties', messageId: id }),
    );
    const t1 = await arrived;
    pending.delete(id);
    if (i >= WARMUP) times.push(t1 - t0);
  }
  await sub.quit();
  await pub.quit();
  return times;
}

/**
 * Two app instances over one SQLite store and one Redis, the demo world with a real L1 grant (inquiry, verification,
 * NDA, the seller's consent, the broker's approval): the buyer and the broker take turns sending on instance A
 * (HTTP through the whole app: guard, grant checks, vault sealing, insert + audit in one transaction, publish); the
 * seller's live stream is open on instance B. Time from the send request to the event on B's stream.
 */
async function crossInstance(): Promise<number[]> {
  const world = await createDisclosureWorld('sqlite', { REDIS_URL, LOG_LEVEL: 'silent' });
  const { t } = world;
  try {
    await openL1(world);
    const a = t.app;
    const opened = await a.inject({
      method: 'POST',
      url: '/api/me/threads',
      headers: authHeaders(world.buyer),
      payload: { listingId: world.listing.id },
    });
    const threadId = (opened.json() as { id: string }).id;
    await completeStaffTraining(a.services, world.ids.broker);
    const b = await t.secondInstance();
    const base = await b.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(base, world.seller);
    // Two senders keep each far below the per-account send limit (60 a minute).
    const senders = [world.buyer, world.broker];
    const times: number[] = [];
    try {
      for (let i = 0; i < SAMPLES + WARMUP; i++) {
        const arriving = stream.next('message');
        const t0 = performance.now();
        const sent = await a.inject({
          method: 'POST',
          url: `/api/me/threads/${threadId}/messages`,
          headers: authHeaders(senders[i % senders.length] as Session),
          payload: { lane: 'parties', text: `第 ${i} 条：方便的话打 1391234${String(i % 10000).padStart(4, '0')} 细谈。` },
        });
        if (sent.statusCode !== 200) throw new Error(`send failed: ${sent.statusCode} ${sent.body}`);
        const event = await arriving;
        if (event.id !== (sent.json() as { id: string }).id) throw new Error('events out of order');
        if (i >= WARMUP) times.push(event.at - t0);
      }
    } finally {
      await stream.close();
    }
    return times;
  } finally {
    await t.close();
  }
}

const suite: BenchSuite = {
  name: 'messaging',
  async run() {
    const baseline = await redisBaseline();
    const delivery = await crossInstance();
    const p95 = percentile(delivery, 95);
    const baseP95 = percentile(baseline, 95);
    return [
      result(
        'messaging.delivery_to_second_instance_p95',
        'ms',
        p95,
        baseP95,
        `send on instance A (HTTP, grants, sealing, insert + audit, publish) → SSE event on instance B over Redis, ${delivery.length} messages; ` +
          `p50 ${percentile(delivery, 50).toFixed(2)} ms, p99 ${percentile(delivery, 99).toFixed(2)} ms (goal p95 < 200 ms); ` +
          `baseline: raw Redis publish → subscribe p95 (p50 ${percentile(baseline, 50).toFixed(3)} ms)`,
      ),
    ];
  },
};

export default suite;
