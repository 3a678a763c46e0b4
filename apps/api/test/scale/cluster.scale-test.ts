import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, VERIFICATION_CHECKLIST } from '@sealbridge/contracts';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { multipart, samplePdf } from '../dataroom/dataroom-fixture.ts';
import { INQUIRY, sha256 } from '../disclosure/disclosure-fixture.ts';
import { nextTotpCode } from '../helpers/test-app.ts';
import { exportedCheckpoints, http, scalePrerequisites, startCluster, type Cluster, type HttpAnswer } from './cluster.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

/**
 * Three instances on one PostgreSQL and one Redis behind haproxy (`npm run test:scale`; needs DATABASE_URL,
 * REDIS_URL and /usr/sbin/haproxy). What one instance decides, every instance must see.
 */
const missing = scalePrerequisites();
const REPO = new URL('../../../../', import.meta.url).pathname;

type Session = { cookie: string; csrf: string };
let clientNo = 0;
/** Each simulated person comes from an address of their own (haproxy forwards it; TRUST_PROXY=1). */
const nextAddress = () => `10.91.${Math.floor(++clientNo / 250)}.${(clientNo % 250) + 1}`;

function sessionOf(res: HttpAnswer): Session {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const value = (name: string) =>
    cookies
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? '';
  return { cookie: `${SESSION_COOKIE}=${value(SESSION_COOKIE)}; ${CSRF_COOKIE}=${value(CSRF_COOKIE)}`, csrf: value(CSRF_COOKIE) };
}

/**
 * Polls `check` on every live instance at once until it holds on all of them; returns when the last one first held
 * (measured at its answer, so it includes that request's own time — on a loaded machine a few hundred ms).
 */
async function seenEverywhere(cluster: Cluster, check: (port: number) => Promise<boolean>, limitMs = 1000): Promise<number> {
  const start = performance.now();
  const live = cluster.instances.filter((i) => i.alive);
  const seenAt = await Promise.all(
    live.map(async (i) => {
      while (performance.now() - start < limitMs * 3) {
        if (await check(i.port)) return performance.now() - start;
        await new Promise((r) => setTimeout(r, 20));
      }
      return Number.POSITIVE_INFINITY;
    }),
  );
  const missed = live.filter((_, n) => seenAt[n] === Number.POSITIVE_INFINITY).map((i) => i.port);
  assert.equal(missed.length, 0, `not seen on ports ${missed.join(', ')}`);
  return Math.max(...seenAt);
}

describe('three instances behind haproxy', { skip: missing }, () => {
  let cluster: Cluster;
  let lb: number;
  const signIn = async (port: number, loginName: string): Promise<Session> => {
    const res = await http(port, 'POST', '/api/auth/login', {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { loginName, password: DEMO_PASSWORD },
    });
    assert.equal(res.status, 200, res.body);
    return sessionOf(res);
  };
  const as = (s: Session, csrf = false) => ({ cookie: s.cookie, ...(csrf ? { [CSRF_HEADER]: s.csrf } : {}) });
  /** A demo staff member signs in with the authenticator the demo seed enrolled (password, then TOTP). */
  const staffSignIn = async (port: number, loginName: string): Promise<Session> => {
    const res = await http(port, 'POST', '/api/auth/login', {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { loginName, password: DEMO_PASSWORD },
    });
    assert.equal(res.status, 200, res.body);
    const { stage, account } = JSON.parse(res.body) as { stage: string; account: { id: string } };
    assert.equal(stage, 'second_factor');
    const code = await nextTotpCode(account.id, loginName);
    const stepped = await http(port, 'POST', '/api/auth/step-up', { headers: as(sessionOf(res), true), body: { method: 'totp', code } });
    assert.equal(stepped.status, 200, stepped.body);
    return sessionOf(stepped);
  };
  /** JSON of a request that must succeed. */
  const ok = async <T>(port: number, method: string, path: string, s: Session, body?: unknown): Promise<T> => {
    const res = await http(port, method, path, { headers: as(s, method !== 'GET'), ...(body === undefined ? {} : { body }) });
    assert.ok(res.status >= 200 && res.status < 300, `${method} ${path}: ${res.status} ${res.body}`);
    return JSON.parse(res.body || '{}') as T;
  };
  let world: { seller: Session; buyer: Session; buyerId: string; broker: Session; listing: { id: string; code: string } } | undefined;
  /** The demo seller's published listing and the three parties, signed in once for the tests below. */
  const parties = async () => {
    if (world) return world;
    const [seller, buyer, broker] = await Promise.all([signIn(lb, 'seller'), signIn(lb, 'buyer'), staffSignIn(lb, 'broker')]);
    const buyerId = (await ok<{ account: { id: string } }>(lb, 'GET', '/api/auth/me', buyer)).account.id;
    const mine = await ok<{ items: { id: string; code: string; status: string }[] }>(lb, 'GET', '/api/seller/listings', seller);
    const listing = mine.items.find((l) => l.status === 'published');
    assert.ok(listing, 'the demo seller has a published listing');
    world = { seller, buyer, buyerId, broker, listing };
    return world;
  };

  let sink: SmtpSink;
  before(async () => {
    // E-mails leave through a local SMTP server; each instance names itself in its EHLO. A job held by a killed
    // worker is offered again after 3 s (JOB_EXPIRE_SECONDS; the monitor then passes every second).
    sink = await startSmtpSink();
    cluster = await startCluster(3, {
      logLevel: process.env.SCALE_LOG ?? 'warn',
      // No SMTP_URL in the shared env: the audit CLI run below has none, and must not end the smtp provider's
      // registration the instances send through (only the serving app reconciles the vendor register).
      env: { JOB_EXPIRE_SECONDS: '3' },
      instanceEnv: (index) => ({ SMTP_URL: `smtp://127.0.0.1:${sink.port}?name=app${index}` }),
    });
    lb = cluster.lb[2] ?? 0;
  });
  after(async () => {
    await cluster?.stop();
    await sink?.close();
  });

  test('a rate limit is global: the instances share one counter (±5 %)', async () => {
    const from = nextAddress();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        http(lb, 'POST', '/api/auth/login', {
          headers: { 'x-forwarded-for': from },
          body: { loginName: 'nobody-here', password: 'wrong-password-1' },
        }),
      ),
    );
    const allowed = answers.filter((a) => a.status !== 429).length;
    // The sign-in route allows 10 a minute per address; three separate counters would let all 20 through.
    assert.ok(Math.abs(allowed - 10) <= 0.5, `allowed ${allowed} of 20 (limit 10)`);
  });

  test('a session signed out on one instance is refused by every instance within 1 s', async () => {
    const [a] = cluster.instances;
    const session = await signIn(a?.port ?? 0, 'buyer');
    for (const i of cluster.instances) assert.equal((await http(i.port, 'GET', '/api/me/sessions', { headers: as(session) })).status, 200);
    const out = await http(a?.port ?? 0, 'POST', '/api/auth/logout', { headers: as(session, true), body: {} });
    assert.ok(out.status < 300, out.body);
    const ms = await seenEverywhere(
      cluster,
      async (port) => (await http(port, 'GET', '/api/me/sessions', { headers: as(session) })).status === 401,
    );
    assert.ok(ms <= 1000, `${ms} ms`);
  });

  test('a consent withdrawn on one instance is withdrawn for every instance within 1 s', async (t) => {
    const session = await signIn(lb, 'buyer');
    type Decision = { purpose: string; kind: string; recipient: string | null; allowed: boolean };
    const decisions = async (port: number) =>
      (JSON.parse((await http(port, 'GET', '/api/me/consents/decisions', { headers: as(session) })).body) as { decisions: Decision[] })
        .decisions;
    // Give a consent the privacy center asks for (as the web page does), then withdraw it on another instance.
    const pending = JSON.parse((await http(lb, 'GET', '/api/me/consents/pending', { headers: as(session) })).body) as {
      noticeVersion: number | null;
      pending: { purpose: string; kind: string; recipient: string | null }[];
    };
    const ask = pending.pending.find((p) => p.recipient === null);
    if (ask && pending.noticeVersion) {
      const gave = await http(cluster.instances[0]?.port ?? 0, 'POST', '/api/me/consents', {
        headers: as(session, true),
        body: { purpose: ask.purpose, kind: ask.kind, decision: 'given', noticeVersion: pending.noticeVersion, uiTextHash: 'a'.repeat(64) },
      });
      assert.equal(gave.status, 201, gave.body);
    }
    const given = (await decisions(lb)).find((d) => d.allowed && d.recipient === null);
    if (!given) return t.skip('no consent the demo buyer can give and withdraw');
    const w = await http(cluster.instances[1]?.port ?? 0, 'POST', '/api/me/consents/withdraw', {
      headers: as(session, true),
      body: { purpose: given.purpose, kind: given.kind, ...(given.recipient ? { recipient: given.recipient } : {}) },
    });
    assert.equal(w.status, 201, w.body);
    const same = (d: Decision) => d.purpose === given.purpose && d.kind === given.kind && d.recipient === given.recipient;
    const ms = await seenEverywhere(cluster, async (port) => (await decisions(port)).find(same)?.allowed === false);
    assert.ok(ms <= 1000, `${ms} ms`);
  });

  test('a disclosure grant revoked on one instance is refused by every instance within 1 s', async () => {
    const { seller, buyer, buyerId, broker, listing } = await parties();
    const [a, b, c] = cluster.instances.map((i) => i.port);
    // The whole path to an open L1, each step on another instance: inquiry, verification, NDA, consent, approval.
    const inquiry = await ok<{ id: string }>(a ?? 0, 'POST', `/api/listings/${listing.code}/inquiries`, buyer, INQUIRY);
    const queue = await ok<{ items: { id: string; accountId: string }[] }>(
      b ?? 0,
      'GET',
      '/api/staff/verifications?status=pending',
      broker,
    );
    const pending = queue.items.find((i) => i.accountId === buyerId);
    assert.ok(pending, "the demo buyer's verification waits in the queue");
    const checklist = Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true]));
    await ok(b ?? 0, 'POST', `/api/staff/verifications/${pending.id}/decision`, broker, { outcome: 'verified', checklist });
    const nda = await ok<{ version: number; textSha256: string }>(c ?? 0, 'GET', `/api/me/inquiries/${inquiry.id}/nda`, buyer);
    await ok(c ?? 0, 'POST', `/api/me/inquiries/${inquiry.id}/nda`, buyer, {
      version: nda.version,
      textSha256: nda.textSha256,
      accepted: true,
    });
    const notice = JSON.parse((await http(a ?? 0, 'GET', '/api/privacy/notices/current')).body) as { version: number };
    await ok(a ?? 0, 'POST', `/api/seller/inquiries/${inquiry.id}/consent`, seller, {
      level: 'L1',
      decision: 'given',
      noticeVersion: notice.version,
      uiTextHash: sha256(`consent L1 ${inquiry.id}`),
    });
    const panel = await ok<{ buyers: { levels: { level: string; grantId: string | null }[] }[] }>(
      b ?? 0,
      'GET',
      `/api/broker/listings/${listing.id}/disclosure`,
      broker,
    );
    const grantId = panel.buyers[0]?.levels.find((l) => l.level === 'L1')?.grantId;
    assert.ok(grantId, 'an L1 grant was requested');
    await ok(b ?? 0, 'POST', `/api/broker/grants/${grantId}/decision`, broker, { decision: 'approve', reason: '', days: 30 });
    const view = (port: number) => http(port, 'GET', `/api/me/disclosures/${listing.id}`, { headers: as(buyer) });
    for (const port of [a, b, c]) assert.equal((await view(port ?? 0)).status, 200, 'the L1 view opens on every instance');

    await ok(c ?? 0, 'POST', `/api/seller/grants/${grantId}/revoke`, seller, { reason: '暂停对外披露' });
    const ms = await seenEverywhere(cluster, async (port) => {
      const res = await view(port);
      return res.status !== 200 && (JSON.parse(res.body) as { code?: string }).code === 'GRANT_NOT_ACTIVE';
    });
    assert.ok(ms <= 1000, `${ms} ms`);
  });

  test('a data room crypto-shredded on one instance cannot be read on any instance within 1 s (cached keys and pages)', async () => {
    const { broker, listing } = await parties();
    const [a, b] = cluster.instances.map((i) => i.port);
    const body = multipart({ title: '尽调底稿' }, { name: 'dd.pdf', bytes: await samplePdf(1) });
    const uploaded = await http(a ?? 0, 'POST', `/api/dataroom/${listing.id}/documents`, {
      headers: { ...as(broker, true), ...body.headers },
      raw: body.payload,
    });
    assert.equal(uploaded.status, 200, uploaded.body);
    const documentId = (JSON.parse(uploaded.body) as { id: string }).id;
    const page = (port: number) =>
      http(port, 'GET', `/api/dataroom/${listing.id}/documents/${documentId}/pages/1`, { headers: as(broker) });
    // Every instance opens the page first: its data key and the rendered bitmap now sit in that instance's caches.
    for (const i of cluster.instances) assert.equal((await page(i.port)).status, 200, `page on ${i.port}`);

    await ok(b ?? 0, 'POST', `/api/dataroom/${listing.id}/shred`, broker, { reason: 'listing withdrawn, ticket PT-91' });
    const ms = await seenEverywhere(cluster, async (port) => (await page(port)).status === 410);
    assert.ok(ms <= 1000, `${ms} ms`);
  });

  test('the audit sequence stays gapless and its chain valid with every instance writing at once', async () => {
    // Sign-ins on all three instances at once: each appends audit records in its own group commit.
    await Promise.all(cluster.instances.flatMap((i) => Array.from({ length: 3 }, () => signIn(i.port, 'seller'))));
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ n: string; lo: string; hi: string }>(
      'select count(*) as n, min(seq) as lo, max(seq) as hi from audit_log',
    );
    await db.end();
    assert.equal(Number(rows[0]?.lo), 1);
    assert.equal(Number(rows[0]?.n), Number(rows[0]?.hi), 'no gap, no duplicate');
    await new Promise((r) => setTimeout(r, 1500)); // the signer's next checkpoint covers them
    const signer = cluster.instances.find((i) => exportedCheckpoints(i) > 0);
    assert.ok(signer, 'a checkpoint was exported');
    const verify = spawnSync(
      process.execPath,
      [join(REPO, 'apps/api/src/cli/main.ts'), 'audit', 'verify', '--checkpoints', join(signer.exportDir, 'checkpoints.jsonl'), '--json'],
      { cwd: REPO, env: { ...process.env, ...cluster.env, DATA_DIR: join(signer.exportDir, '..'), LOG_LEVEL: 'silent' }, encoding: 'utf8' },
    );
    assert.equal(verify.status, 0, `${verify.stdout}\n${verify.stderr}`);
  });

  test('one instance signs checkpoints at a time, and another takes over within seconds when it is killed', async () => {
    const counts = () => cluster.instances.map((i) => exportedCheckpoints(i));
    const grew = (before: number[], now: number[]) => now.map((n, i) => n > (before[i] ?? 0));
    let before = counts();
    await Promise.all(cluster.instances.map((i) => signIn(i.port, 'seller')));
    await new Promise((r) => setTimeout(r, 1500));
    const signers = grew(before, counts());
    assert.equal(signers.filter(Boolean).length, 1, `signers: ${signers.join(',')}`);
    const leader = signers.indexOf(true);

    await cluster.kill(leader, 'SIGKILL');
    before = counts();
    const start = performance.now();
    let taken: number[] = [];
    while (performance.now() - start < 8000) {
      await signIn(lb, 'seller');
      await new Promise((r) => setTimeout(r, 250));
      taken = grew(before, counts())
        .map((g, i) => (g ? i : -1))
        .filter((i) => i >= 0);
      if (taken.length) break;
    }
    assert.equal(taken.length, 1, 'exactly one new signer');
    assert.notEqual(taken[0], leader);
  });

  test('e-mail jobs run exactly once: a worker killed mid-send has its message sent by another instance within seconds', async () => {
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const since = new Date().toISOString();
      // The next message to reach the mail server is kept unanswered: its sender is stuck inside the SMTP DATA.
      const heldPromise = sink.holdNext();
      const batch = 6;
      const answers = await Promise.all(
        Array.from({ length: batch }, (_, n) =>
          http(lb, 'POST', '/api/auth/register/start', {
            headers: { 'x-forwarded-for': nextAddress() },
            body: { channel: 'email', address: `scale-once-${n}-${process.pid}@example.cn` },
          }),
        ),
      );
      for (const a of answers) assert.equal(a.status, 202, a.body);
      const held = await Promise.race([
        heldPromise,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no e-mail reached the mail server')), 8000)),
      ]);
      const victim = cluster.instances.find((i) => `app${i.index}` === held.sender);
      assert.ok(victim?.alive, `the sender ${held.sender} is a live instance`);
      await cluster.kill(victim.index, 'SIGKILL');
      const killedAt = performance.now();

      // Every message of the batch is settled as sent, the held one by another instance.
      const rows = async () =>
        (
          await db.query<{ id: string; status: string }>(
            `select id, status from delivery_outbox where channel = 'email' and template like 'registration%' and created_at >= $1`,
            [since],
          )
        ).rows;
      let settled: { id: string; status: string }[] = [];
      while (performance.now() - killedAt < 12_000) {
        settled = await rows();
        if (settled.length === batch && settled.every((r) => r.status === 'sent')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const recoveredMs = (sink.accepted.find((m) => m.messageId === held.messageId)?.at ?? Number.POSITIVE_INFINITY) - killedAt;
      assert.equal(settled.length, batch, 'one outbox row per request');
      assert.deepEqual(
        settled.filter((r) => r.status !== 'sent'),
        [],
        `not sent within 12 s of the kill (held message recovered after ${recoveredMs} ms)`,
      );
      assert.ok(
        settled.some((r) => r.id === held.messageId),
        'the held message is one of the batch',
      );
      // Exactly once at the mail server: each message accepted one time, none lost, the held one not by the victim.
      for (const r of settled) {
        const copies = sink.accepted.filter((m) => m.messageId === r.id);
        assert.equal(copies.length, 1, `message ${r.id} accepted ${copies.length} times`);
      }
      const resent = sink.accepted.find((m) => m.messageId === held.messageId);
      assert.notEqual(resent?.sender, held.sender, 'sent again by a surviving instance');
      assert.ok(recoveredMs < 12_000, `${recoveredMs} ms`);
      // The job was redelivered (pg-boss failed the dead attempt by its expiry), and every job of the batch completed.
      const jobs = (
        await db.query<{ message_id: string; state: string; retry_count: number }>(
          `select data->>'messageId' as message_id, state, retry_count from pgboss.job where name = 'delivery.dispatch' and data->>'messageId' = any($1)`,
          [settled.map((r) => r.id)],
        )
      ).rows;
      assert.equal(jobs.length, batch);
      assert.deepEqual(
        jobs.filter((j) => j.state !== 'completed').map((j) => j.state),
        [],
      );
      assert.ok((jobs.find((j) => j.message_id === held.messageId)?.retry_count ?? 0) >= 1, 'the held job ran again');
      console.log(`scale: killed worker's e-mail sent by another instance ${Math.round(recoveredMs)} ms after the kill`);
    } finally {
      await db.end();
    }
  });
});
