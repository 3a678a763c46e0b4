/**
 * The L1 identity read (issue 11): GET /api/me/disclosures/:listingId — session, the grant, the inquiry, the buyer's
 * verification, the NDA, proof of funds, three consent checks, the audited vault reveal naming the buyer, decryption —
 * against a bare GET route of the same app in the same run. Goal ≥ 0.35×.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import { VERIFICATION_CHECKLIST } from '@sealbridge/contracts';
import { demoTotpSecret } from '../apps/api/src/demo/seed-demo.ts';
import { result, signInDemo, type BenchResult, type BenchSession, type BenchSuite } from './lib.ts';

const HERE = new URL('.', import.meta.url).pathname;

async function start(): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(`${HERE}servers/app-server.ts`, {
    env: { ...process.env, BENCH_AUDITED: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

type Session = BenchSession;

const signIn = (base: string, loginName: string, staff: boolean): Promise<Session> =>
  signInDemo(base, loginName, staff ? () => generate({ secret: demoTotpSecret(loginName) }) : undefined);

async function call<T>(base: string, s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: s.headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The whole path through the API, as the people would take it, to an open L1 for the demo buyer. */
async function openL1(base: string): Promise<{ buyer: Session; listingId: string }> {
  const [seller, buyer, broker] = [
    await signIn(base, 'seller', false),
    await signIn(base, 'buyer', false),
    await signIn(base, 'broker', true),
  ];
  const listing = (
    await call<{ items: { id: string; code: string; status: string }[] }>(base, seller, 'GET', '/api/seller/listings')
  ).items.find((l) => l.status === 'published');
  if (!listing) throw new Error('no published demo listing');
  const inquiry = await call<{ id: string }>(base, buyer, 'POST', `/api/listings/${listing.code}/inquiries`, {
    buyerType: 'company',
    budgetBand: '100to300',
    timeline: '1to3m',
    note: '',
  });
  const queue = await call<{ items: { id: string }[] }>(base, broker, 'GET', '/api/staff/verifications?status=pending');
  for (const item of queue.items) {
    await call(base, broker, 'POST', `/api/staff/verifications/${item.id}/decision`, {
      outcome: 'verified',
      checklist: Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true])),
    });
  }
  const preview = await call<{ version: number; textSha256: string }>(base, buyer, 'GET', `/api/me/inquiries/${inquiry.id}/nda`);
  await call(base, buyer, 'POST', `/api/me/inquiries/${inquiry.id}/nda`, {
    version: preview.version,
    textSha256: preview.textSha256,
    accepted: true,
  });
  const notice = await call<{ version: number }>(base, seller, 'GET', '/api/privacy/notices/current');
  await call(base, seller, 'POST', `/api/seller/inquiries/${inquiry.id}/consent`, {
    level: 'L1',
    decision: 'given',
    noticeVersion: notice.version,
    uiTextHash: createHash('sha256').update('bench').digest('hex'),
  });
  const panel = await call<{ buyers: { levels: { level: string; grantId: string | null }[] }[] }>(
    base,
    broker,
    'GET',
    `/api/broker/listings/${listing.id}/disclosure`,
  );
  const grantId = panel.buyers[0]?.levels.find((l) => l.level === 'L1')?.grantId;
  await call(base, broker, 'POST', `/api/broker/grants/${grantId}/decision`, { decision: 'approve', days: 30 });
  return { buyer, listingId: listing.id };
}

async function identityRead(): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const { child, base } = await start();
  try {
    const { buyer, listingId } = await openL1(base);
    const run = async (path: string, duration: number) => {
      const r = await autocannon({
        url: `${base}${path}`,
        method: 'GET',
        headers: { cookie: buyer.headers.cookie ?? '' },
        connections: 16,
        duration,
      });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: non-2xx ${r.non2xx}, errors ${r.errors}`);
      return r;
    };
    await run(`/api/me/disclosures/${listingId}`, 1);
    await run('/api/bench/bare', 1);
    // Rounds alternate so both routes see the same machine noise; the best round of each counts.
    let bare = { rps: 0, p99: Number.POSITIVE_INFINITY };
    let l1 = { rps: 0, p99: Number.POSITIVE_INFINITY };
    for (let round = 0; round < 3; round += 1) {
      const b = await run('/api/bench/bare', Math.max(1, Math.round(seconds / 2)));
      const d = await run(`/api/me/disclosures/${listingId}`, Math.max(1, Math.round(seconds / 2)));
      if (b.requests.average > bare.rps) bare = { rps: b.requests.average, p99: b.latency.p99 };
      if (d.requests.average > l1.rps) l1 = { rps: d.requests.average, p99: d.latency.p99 };
    }
    return [
      result(
        'disclosure.l1_identity_read_vs_bare_route',
        'req/s',
        l1.rps,
        bare.rps,
        'GET L1 (session, grant, inquiry, verification, NDA, proof of funds, 3 consent checks, audited reveal naming the buyer, decrypt) vs a bare GET route with the same session cookie in the same app; goal >= 0.35',
      ),
      result('disclosure.l1_identity_read_p99', 'ms', l1.p99, bare.p99 + 10, `baseline = bare p99 (${bare.p99} ms) + 10 ms`),
    ];
  } finally {
    child.kill();
  }
}

const suite: BenchSuite = { name: 'disclosure', run: identityRead };
export default suite;
