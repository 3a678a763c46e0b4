import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { VERIFICATION_CHECKLIST } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { INQUIRY, noticeVersion, sha256 } from '../disclosure/disclosure-fixture.ts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { idNumber, submission } from '../verification/verification-fixture.ts';

/**
 * A PDF with the given lines on each page (Helvetica: ASCII text only). Page content is compressed by pdf-lib; a
 * `marker` is also appended as a PDF comment line, so the file's bytes carry it literally.
 */
export async function samplePdf(
  pages: number,
  lines: (page: number) => string[] = (p) => [`Due diligence page ${p}`],
  marker?: string,
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([595, 842]);
    lines(p).forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 13, font }));
    for (let row = 0; row < 24; row++)
      page.drawText(`Revenue ${p}.${row}  Assets  Liabilities  Cash flow  Contracts  Guarantees`, {
        x: 60,
        y: 600 - row * 20,
        size: 10,
        font,
      });
  }
  const bytes = Buffer.from(await pdf.save());
  return marker ? Buffer.concat([bytes, Buffer.from(`% ${marker}\n`)]) : bytes;
}

/** A multipart body as a browser sends it: fields first, then the file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sealbridge${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Party = 'seller' | 'buyer' | 'broker' | 'admin';
export type Buyer = { session: Session; id: string; inquiryId: string; grantId: string; alias: string };

export type RoomFixture = {
  t: IdentityTestApp;
  listingId: string;
  listingCode: string;
  ids: Record<Party, string>;
  sessions: Record<Party, Session>;
  /** The demo buyer, taken the real way to an active L2 grant (disclosure module): see `qualify`. */
  buyer: Buyer;
  /**
   * Another customer taken through the whole disclosure path to an approved L2 grant: verified by the adviser, NDA
   * signed, the seller's separate consent naming them, L1 approved, L2 requested and approved.
   */
  qualify: (loginName: string) => Promise<Buyer>;
  /** A signed-in customer with no grant at all. */
  stranger: (loginName: string) => Promise<Session>;
  peer: () => Promise<FastifyInstance>;
  upload: (
    app: FastifyInstance,
    title: string,
    file: { name: string; bytes: Buffer },
    folderId?: string,
  ) => Promise<{ statusCode: number; json: () => Record<string, unknown>; body: string }>;
  setLevel: (app: FastifyInstance, grantId: string, documentId: string, level: string, who?: Session) => Promise<number>;
  close: () => Promise<void>;
};

export async function createRoomFixture(dialect: DialectName, env: Record<string, string> = {}): Promise<RoomFixture> {
  const t = await createIdentityTestApp(dialect, { env });
  await seedDemo(t.database, t.app.services);
  await t.app.services.listings.settled();
  const [seller, demoBuyer, broker, admin] = await Promise.all(
    ['seller', 'buyer', 'broker', 'admin'].map((n) => signIn(t.app, n, DEMO_PASSWORD)),
  );
  const sessions = { seller, buyer: demoBuyer, broker, admin } as Record<Party, Session>;
  const accounts = await t.database.db.selectFrom('accounts').select(['id', 'login_name']).execute();
  const idOf = (name: string) => accounts.find((a) => a.login_name === name)?.id ?? '';
  const ids = { seller: idOf('seller'), buyer: idOf('buyer'), broker: idOf('broker'), admin: idOf('admin') };
  const mine = (
    await t.app.inject({ method: 'GET', url: '/api/seller/listings', headers: authHeaders(sessions.seller, false) })
  ).json() as { items: { id: string; code: string; status: string }[] };
  const listing = mine.items.find((l) => l.status === 'published');
  assert.ok(listing, 'the demo seller has a published listing');
  const post = async (who: Session, url: string, payload: unknown = {}) => {
    const res = await t.app.inject({ method: 'POST', url, headers: authHeaders(who), payload: payload as Record<string, unknown> });
    assert.ok(res.statusCode === 200 || res.statusCode === 201, `${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  const grantIdOf = async (buyerId: string, level: 'L1' | 'L2') =>
    (
      await t.database.db
        .selectFrom('disclosure_grants')
        .select('id')
        .where('listing_id', '=', listing.id)
        .where('buyer_account_id', '=', buyerId)
        .where('level', '=', level)
        .executeTakeFirstOrThrow()
    ).id;

  /** The disclosure path for one verified-to-be buyer, through the real routes. */
  async function toL2(session: Session, buyerId: string): Promise<Buyer> {
    const inquiry = await post(session, `/api/listings/${listing?.code}/inquiries`, INQUIRY);
    const inquiryId = inquiry['id'] as string;
    const queue = (
      await t.app.inject({ method: 'GET', url: '/api/staff/verifications?status=pending', headers: authHeaders(sessions.broker, false) })
    ).json() as { items: { id: string; accountId: string }[] };
    const pending = queue.items.find((i) => i.accountId === buyerId);
    if (pending)
      await post(sessions.broker, `/api/staff/verifications/${pending.id}/decision`, {
        outcome: 'verified',
        checklist: Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true])),
      });
    const nda = (
      await t.app.inject({ method: 'GET', url: `/api/me/inquiries/${inquiryId}/nda`, headers: authHeaders(session, false) })
    ).json() as { version: number; textSha256: string };
    await post(session, `/api/me/inquiries/${inquiryId}/nda`, { version: nda.version, textSha256: nda.textSha256, accepted: true });
    const version = ((await t.app.inject({ method: 'GET', url: '/api/privacy/notices/current' })).json() as { version: number }).version;
    await post(sessions.seller, `/api/seller/inquiries/${inquiryId}/consent`, {
      level: 'L1',
      decision: 'given',
      noticeVersion: version,
      uiTextHash: sha256(`consent L1 ${inquiryId}`),
    });
    await post(sessions.broker, `/api/broker/grants/${await grantIdOf(buyerId, 'L1')}/decision`, {
      decision: 'approve',
      reason: '',
      days: 30,
    });
    await post(session, `/api/me/inquiries/${inquiryId}/levels`, { level: 'L2' });
    const grantId = await grantIdOf(buyerId, 'L2');
    await post(sessions.broker, `/api/broker/grants/${grantId}/decision`, { decision: 'approve', reason: '', days: 30 });
    assert.ok(await t.app.services.disclosure.access.activeGrant(listing?.id ?? '', buyerId, 'L2'), 'the L2 grant is active');
    return { session, id: buyerId, inquiryId, grantId, alias: t.app.services.disclosure.access.buyerAlias(listing?.id ?? '', buyerId) };
  }

  let serial = 0;
  async function stranger(loginName: string): Promise<Session> {
    await t.app.services.identity.createAccount({
      kind: 'customer',
      loginName,
      accountNo: `C-29${String(++serial).padStart(4, '0')}`,
      roles: ['buyer'],
      password: DEMO_PASSWORD,
    });
    return signIn(t.app, loginName, DEMO_PASSWORD);
  }
  async function qualify(loginName: string): Promise<Buyer> {
    const session = await stranger(loginName);
    const id = (await t.database.db.selectFrom('accounts').select('id').where('login_name', '=', loginName).executeTakeFirstOrThrow()).id;
    await t.app.services.profiles.assignClient(id, ids.broker, ids.admin);
    await post(session, '/api/me/verification', submission({ idNumber: idNumber('110105', '19800101', String(100 + serial)) }));
    return toL2(session, id);
  }

  const buyer = await toL2(sessions.buyer, ids.buyer);
  void noticeVersion;
  return {
    t,
    listingId: listing.id,
    listingCode: listing.code,
    ids,
    sessions,
    buyer,
    qualify,
    stranger,
    peer: () => t.secondInstance(),
    async upload(app, title, file, folderId) {
      const body = multipart({ title, ...(folderId ? { folderId } : {}) }, file);
      const res = await app.inject({
        method: 'POST',
        url: `/api/dataroom/${listing.id}/documents`,
        headers: { ...authHeaders(sessions.broker), ...body.headers },
        payload: body.payload,
      });
      return { statusCode: res.statusCode, json: () => res.json() as Record<string, unknown>, body: res.body };
    },
    async setLevel(app, grantId, documentId, level, who = sessions.broker) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/dataroom/${listing.id}/permissions`,
        headers: authHeaders(who),
        payload: { grantId, target: { type: 'document', id: documentId }, level },
      });
      return res.statusCode;
    },
    close: () => t.close(),
  };
}
