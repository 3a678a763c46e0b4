import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildApp } from '../../src/app.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { createFakeDisclosureAccess } from '../fakes/fake-disclosure-access.ts';
import { authHeaders, createTestApp, signIn, TEST_INDEX_HTML, type Session, type TestApp } from '../helpers/test-app.ts';

export const PASSWORD = 'room-password-1';

/**
 * A PDF with the given lines on each page (Helvetica: ASCII text only). Page content is compressed by pdf-lib; a
 * `marker` is also appended as a PDF comment line, so the file's bytes carry it literally.
 */
export async function samplePdf(pages: number, lines: (page: number) => string[] = (p) => [`Due diligence page ${p}`], marker?: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = pdf.addPage([595, 842]);
    lines(p).forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 13, font }));
    for (let row = 0; row < 24; row++) page.drawText(`Revenue ${p}.${row}  Assets  Liabilities  Cash flow  Contracts  Guarantees`, { x: 60, y: 600 - row * 20, size: 10, font });
  }
  const bytes = Buffer.from(await pdf.save());
  return marker ? Buffer.concat([bytes, Buffer.from(`% ${marker}\n`)]) : bytes;
}

/** A multipart body as a browser sends it: fields first, then the file. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sealbridge${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export type RoomFixture = {
  t: TestApp;
  fake: ReturnType<typeof createFakeDisclosureAccess>;
  listingId: string;
  ids: Record<'seller' | 'buyer' | 'buyer2' | 'broker' | 'admin', string>;
  sessions: Record<'seller' | 'buyer' | 'buyer2' | 'broker' | 'admin', Session>;
  /** A second app instance over the same store and the same grants (a scale-out peer). */
  peer: () => Promise<FastifyInstance>;
  upload: (app: FastifyInstance, title: string, file: { name: string; bytes: Buffer }, folderId?: string) => Promise<{ statusCode: number; json: () => Record<string, unknown>; body: string }>;
  setLevel: (app: FastifyInstance, grantId: string, documentId: string, level: string, who?: Session) => Promise<number>;
  close: () => Promise<void>;
};

export async function createRoomFixture(dialect: DialectName, env: Record<string, string> = {}): Promise<RoomFixture> {
  const fake = createFakeDisclosureAccess();
  const t = await createTestApp(dialect, env, { disclosureAccess: fake.access });
  const make = async (loginName: string, kind: 'staff' | 'customer', roles: string[]) =>
    (await t.app.services.identity.createAccount({ kind, loginName, accountNo: `R-${loginName}`, roles: roles as never, password: PASSWORD })).id;
  const ids = {
    seller: await make('room-seller', 'customer', ['seller']),
    buyer: await make('room-buyer', 'customer', ['buyer']),
    buyer2: await make('room-buyer2', 'customer', ['buyer']),
    broker: await make('room-broker', 'staff', ['broker']),
    admin: await make('room-admin', 'staff', ['admin']),
  };
  const listingId = `listing-${randomBytes(4).toString('hex')}`;
  fake.addListing({ listingId, listingCode: 'SB-TEST1', sellerAccountId: ids.seller, brokerAccountId: ids.broker });
  await t.app.ready();
  const sessions = {
    seller: await signIn(t.app, 'room-seller', PASSWORD),
    buyer: await signIn(t.app, 'room-buyer', PASSWORD),
    buyer2: await signIn(t.app, 'room-buyer2', PASSWORD),
    broker: await signIn(t.app, 'room-broker', PASSWORD),
    admin: await signIn(t.app, 'room-admin', PASSWORD),
  };
  const peers: FastifyInstance[] = [];
  return {
    t,
    fake,
    listingId,
    ids,
    sessions,
    async peer() {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const dir = `${t.dataDir}/web-dist-peer`;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/index.html`, TEST_INDEX_HTML);
      const app = await buildApp({ config: t.config, database: t.database, keys: t.keys, logger: t.logger, version: '0.0.0-peer', webDistDir: dir, disclosureAccess: fake.access });
      await app.ready();
      peers.push(app);
      return app;
    },
    async upload(app, title, file, folderId) {
      const body = multipart({ title, ...(folderId ? { folderId } : {}) }, file);
      const res = await app.inject({ method: 'POST', url: `/api/dataroom/${listingId}/documents`, headers: { ...authHeaders(sessions.broker), ...body.headers }, payload: body.payload });
      return { statusCode: res.statusCode, json: () => res.json() as Record<string, unknown>, body: res.body };
    },
    async setLevel(app, grantId, documentId, level, who = sessions.broker) {
      const res = await app.inject({ method: 'PUT', url: `/api/dataroom/${listingId}/permissions`, headers: authHeaders(who), payload: { grantId, target: { type: 'document', id: documentId }, level } });
      return res.statusCode;
    },
    async close() {
      for (const p of peers) await p.close();
      await t.close();
    },
  };
}
