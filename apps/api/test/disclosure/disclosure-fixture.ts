import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { VERIFICATION_CHECKLIST } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';

export type DisclosureWorld = {
  t: IdentityTestApp;
  seller: Session;
  buyer: Session;
  broker: Session;
  admin: Session;
  /** The demo seller's published listing. */
  listing: { id: string; code: string };
  ids: Record<'seller' | 'buyer' | 'broker' | 'admin', string>;
};

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The demo world over a fresh store: seller with a published listing, buyer with a pending verification, broker. */
export async function createDisclosureWorld(dialect: DialectName, env: Record<string, string> = {}): Promise<DisclosureWorld> {
  const t = await createIdentityTestApp(dialect, { env });
  await seedDemo(t.database, t.app.services);
  await t.app.services.listings.settled();
  const [seller, buyer, broker, admin] = await Promise.all(
    ['seller', 'buyer', 'broker', 'admin'].map((n) => signIn(t.app, n, DEMO_PASSWORD)),
  );
  const accounts = await t.database.db.selectFrom('accounts').select(['id', 'login_name']).execute();
  const id = (name: string) => accounts.find((a) => a.login_name === name)?.id ?? '';
  const mine = (
    await t.app.inject({ method: 'GET', url: '/api/seller/listings', headers: authHeaders(seller as Session, false) })
  ).json() as { items: { id: string; code: string; status: string }[] };
  const published = mine.items.find((l) => l.status === 'published');
  assert.ok(published, 'the demo seller has a published listing');
  return {
    t,
    seller: seller as Session,
    buyer: buyer as Session,
    broker: broker as Session,
    admin: admin as Session,
    listing: { id: published.id, code: published.code },
    ids: { seller: id('seller'), buyer: id('buyer'), broker: id('broker'), admin: id('admin') },
  };
}

export function client(app: FastifyInstance) {
  return {
    get: (s: Session | null, url: string) => app.inject({ method: 'GET', url, ...(s ? { headers: authHeaders(s, false) } : {}) }),
    post: (s: Session | null, url: string, payload: unknown = {}) =>
      app.inject({ method: 'POST', url, ...(s ? { headers: authHeaders(s) } : {}), payload: payload as Record<string, unknown> }),
    put: (s: Session | null, url: string, payload: unknown = {}) =>
      app.inject({ method: 'PUT', url, ...(s ? { headers: authHeaders(s) } : {}), payload: payload as Record<string, unknown> }),
  };
}

export const INQUIRY = { buyerType: 'company', budgetBand: '100to300', timeline: '1to3m', note: '希望了解资质和纳税情况' };

/** The buyer's inquiry on the world's listing. */
export async function inquire(w: DisclosureWorld, note = INQUIRY.note): Promise<{ id: string }> {
  const res = await client(w.t.app).post(w.buyer, `/api/listings/${w.listing.code}/inquiries`, { ...INQUIRY, note });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { id: string };
}

/** The broker approves the buyer's pending real-name verification, as the 实名审核 page does. */
export async function verifyBuyer(w: DisclosureWorld) {
  const c = client(w.t.app);
  const queue = (await c.get(w.broker, '/api/staff/verifications?status=pending')).json() as { items: { id: string; accountId: string }[] };
  const item = queue.items.find((i) => i.accountId === w.ids.buyer);
  assert.ok(item, 'the buyer waits in the queue');
  const checklist = Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true]));
  const res = await c.post(w.broker, `/api/staff/verifications/${item.id}/decision`, { outcome: 'verified', checklist });
  assert.equal(res.statusCode, 200, res.body);
}

export async function noticeVersion(w: DisclosureWorld): Promise<number> {
  return ((await client(w.t.app).get(null, '/api/privacy/notices/current')).json() as { version: number }).version;
}

/** A separate consent through the disclosure route (seller: L1 or L3; buyer: L3). */
export async function consent(
  w: DisclosureWorld,
  who: 'seller' | 'buyer',
  inquiryId: string,
  level: 'L1' | 'L3',
  decision: 'given' | 'refused' = 'given',
) {
  const base = who === 'seller' ? '/api/seller' : '/api/me';
  const res = await client(w.t.app).post(w[who], `${base}/inquiries/${inquiryId}/consent`, {
    level,
    decision,
    noticeVersion: await noticeVersion(w),
    uiTextHash: sha256(`consent ${level} ${inquiryId}`),
  });
  assert.equal(res.statusCode, 200, res.body);
}

export async function signNda(w: DisclosureWorld, inquiryId: string): Promise<{ id: string }> {
  const c = client(w.t.app);
  const preview = (await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/nda`)).json() as { version: number; textSha256: string };
  const res = await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/nda`, {
    version: preview.version,
    textSha256: preview.textSha256,
    accepted: true,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { id: string };
}

/** The L1 grant of the buyer's inquiry, as the broker sees it. */
export async function grantOf(w: DisclosureWorld, level: 'L1' | 'L2' | 'L3'): Promise<string> {
  const panel = (await client(w.t.app).get(w.broker, `/api/broker/listings/${w.listing.id}/disclosure`)).json() as {
    buyers: { levels: { level: string; grantId: string | null }[] }[];
  };
  const grantId = panel.buyers[0]?.levels.find((l) => l.level === level)?.grantId;
  assert.ok(grantId, `a ${level} grant exists`);
  return grantId;
}

/** Every step to an open L1: inquiry, verification, NDA, the seller's consent, the broker's approval. */
export async function openL1(w: DisclosureWorld): Promise<{ inquiryId: string; grantId: string }> {
  const { id } = await inquire(w);
  await verifyBuyer(w);
  await signNda(w, id);
  await consent(w, 'seller', id, 'L1');
  const grantId = await grantOf(w, 'L1');
  const res = await client(w.t.app).post(w.broker, `/api/broker/grants/${grantId}/decision`, { decision: 'approve', reason: '', days: 30 });
  assert.equal(res.statusCode, 200, res.body);
  return { inquiryId: id, grantId };
}
