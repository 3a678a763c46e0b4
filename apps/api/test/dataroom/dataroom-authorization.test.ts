import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, type Session } from '../helpers/test-app.ts';
import { createRoomFixture, multipart, samplePdf, type RoomFixture } from './dataroom-fixture.ts';

/**
 * The data room is fail-closed: a buyer sees a document only while their L2 grant is active *and* a permission row
 * of that grant names the document at the level the request needs. Both are read on every request, so a revocation
 * or an expiry is refused at once, by every instance (a second app over the same store checks here).
 */
for (const dialect of DIALECTS) {
  describe(`data room authorization on ${dialect}`, () => {
    let f: RoomFixture;
    let peer: FastifyInstance;
    let pdf: Buffer;
    before(async () => {
      f = await createRoomFixture(dialect);
      peer = await f.peer();
      pdf = await samplePdf(3);
    });
    after(async () => f.close());

    const room = (app: FastifyInstance, who: Session) => app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}`, headers: authHeaders(who, false) });
    const page = (app: FastifyInstance, who: Session, documentId: string, n = 1) => app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/${n}`, headers: authHeaders(who, false) });
    const download = (app: FastifyInstance, who: Session, documentId: string, form: 'watermarked' | 'original') =>
      app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}/documents/${documentId}/download?form=${form}`, headers: authHeaders(who, false) });
    const uploadOne = async (title: string) => {
      const res = await f.upload(f.t.app, title, { name: 'report.pdf', bytes: pdf });
      assert.equal(res.statusCode, 200, res.body);
      return res.json()['id'] as string;
    };

    test('a buyer without an L2 grant, and anyone outside the listing, is told the room does not exist', async () => {
      await uploadOne('尽调报告 A');
      for (const who of [f.sessions.buyer, f.sessions.buyer2]) assert.equal((await room(f.t.app, who)).statusCode, 404);
      // Staff other than the listing's adviser: refused by the route's permission.
      assert.equal((await room(f.t.app, f.sessions.admin)).statusCode, 403);
    });

    test('a new document is invisible to a buyer with an active L2 grant until it is granted', async () => {
      f.fake.approve(f.listingId, f.ids.buyer);
      const documentId = await uploadOne('财务报表 B');
      const seen = await room(f.t.app, f.sessions.buyer);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.equal((seen.json().documents as unknown[]).length, 0);
      assert.equal((await page(f.t.app, f.sessions.buyer, documentId)).statusCode, 404);
      assert.equal((await download(f.t.app, f.sessions.buyer, documentId, 'original')).statusCode, 404);
    });

    test('view-only shows watermarked pages and refuses both downloads', async () => {
      const grantId = (await f.fake.access.grantsOf(f.listingId, 'L2')).find((g) => g.buyerAlias === f.fake.access.buyerAlias(f.listingId, f.ids.buyer))?.grantId ?? '';
      const documentId = await uploadOne('合同清单 C');
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'view'), 200);
      const shown = await page(f.t.app, f.sessions.buyer, documentId);
      assert.equal(shown.statusCode, 200);
      assert.equal(shown.headers['content-type'], 'image/jpeg');
      assert.equal(shown.rawPayload.subarray(0, 3).toString('hex'), 'ffd8ff');
      assert.match(String(shown.headers['x-watermark-code']), /^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{4}$/);
      assert.equal((await download(f.t.app, f.sessions.buyer, documentId, 'watermarked')).statusCode, 403);
      assert.equal((await download(f.t.app, f.sessions.buyer, documentId, 'original')).statusCode, 403);
      // Another buyer's grant is another grant: nothing of it reaches buyer2.
      f.fake.approve(f.listingId, f.ids.buyer2);
      assert.equal((await page(f.t.app, f.sessions.buyer2, documentId)).statusCode, 404);
    });

    test('a watermarked download is a flattened PDF, and only the original permission gets the uploaded bytes', async () => {
      const grantId = (await f.fake.access.activeGrant(f.listingId, f.ids.buyer, 'L2'))?.grantId ?? '';
      const documentId = await uploadOne('股东会决议 D');
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'download_watermarked'), 200);
      const flat = await download(f.t.app, f.sessions.buyer, documentId, 'watermarked');
      assert.equal(flat.statusCode, 200);
      assert.equal(flat.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.notDeepEqual(flat.rawPayload, pdf);
      assert.doesNotMatch(flat.rawPayload.toString('latin1'), /Due diligence page/);
      assert.equal((await download(f.t.app, f.sessions.buyer, documentId, 'original')).statusCode, 403);
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'original'), 200);
      const original = await download(f.t.app, f.sessions.buyer, documentId, 'original');
      assert.equal(original.statusCode, 200);
      assert.deepEqual(original.rawPayload, pdf);
    });

    test('a new version stays unseen by grantees until the adviser releases it', async () => {
      const grantId = (await f.fake.access.activeGrant(f.listingId, f.ids.buyer, 'L2'))?.grantId ?? '';
      const documentId = await uploadOne('审计报告 E');
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'original'), 200);
      const v2 = await samplePdf(1, () => ['Version two']);
      const body = multipart({}, { name: 'v2.pdf', bytes: v2 });
      const added = await f.t.app.inject({ method: 'POST', url: `/api/dataroom/${f.listingId}/documents/${documentId}/versions`, headers: { ...authHeaders(f.sessions.broker), ...body.headers }, payload: body.payload });
      assert.equal(added.statusCode, 200, added.body);
      assert.deepEqual((await download(f.t.app, f.sessions.buyer, documentId, 'original')).rawPayload, pdf);
      const newest = (added.json().versions as { id: string; number: number }[]).sort((a, b) => b.number - a.number)[0]?.id;
      const released = await f.t.app.inject({ method: 'POST', url: `/api/dataroom/${f.listingId}/documents/${documentId}/release`, headers: authHeaders(f.sessions.broker), payload: { versionId: newest } });
      assert.equal(released.statusCode, 200, released.body);
      assert.deepEqual((await download(f.t.app, f.sessions.buyer, documentId, 'original')).rawPayload, v2);
    });

    test('a permission set to none is refused at once, on the other instance too', async () => {
      const grantId = (await f.fake.access.activeGrant(f.listingId, f.ids.buyer, 'L2'))?.grantId ?? '';
      const documentId = await uploadOne('银行流水 F');
      assert.equal(await f.setLevel(peer, grantId, documentId, 'view', f.sessions.seller), 200);
      assert.equal((await page(f.t.app, f.sessions.buyer, documentId)).statusCode, 200);
      assert.equal((await page(peer, f.sessions.buyer, documentId)).statusCode, 200);
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'none', f.sessions.seller), 200);
      assert.equal((await page(peer, f.sessions.buyer, documentId)).statusCode, 404);
      assert.equal((await page(f.t.app, f.sessions.buyer, documentId)).statusCode, 404);
    });

    test('a revoked L2 grant is refused at once by both instances, whatever its document permissions say', async () => {
      const grantId = (await f.fake.access.activeGrant(f.listingId, f.ids.buyer2, 'L2'))?.grantId ?? '';
      const documentId = await uploadOne('纳税申报 G');
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'original'), 200);
      assert.equal((await page(peer, f.sessions.buyer2, documentId)).statusCode, 200);
      f.fake.revoke(grantId);
      for (const app of [f.t.app, peer]) {
        assert.equal((await page(app, f.sessions.buyer2, documentId)).statusCode, 404);
        assert.equal((await download(app, f.sessions.buyer2, documentId, 'original')).statusCode, 404);
        assert.equal((await room(app, f.sessions.buyer2)).statusCode, 404);
      }
      // A revoked grant cannot be given new permissions either.
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'view'), 409);
    });

    test('an expired L2 grant is refused at once by both instances', async () => {
      const other = await f.t.app.services.identity.createAccount({ kind: 'customer', loginName: 'room-buyer3', accountNo: 'R-buyer3', roles: ['buyer'], password: 'room-password-1' });
      const { signIn } = await import('../helpers/test-app.ts');
      const session = await signIn(f.t.app, 'room-buyer3', 'room-password-1');
      const grantId = f.fake.approve(f.listingId, other.id, 0.00002); // about 1.7 seconds
      const documentId = await uploadOne('资质证书 H');
      assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'view'), 200);
      assert.equal((await page(peer, session, documentId)).statusCode, 200);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (const app of [f.t.app, peer]) assert.equal((await page(app, session, documentId)).statusCode, 404);
    });

    test('only the adviser uploads; the seller sees the matrix; buyers manage nothing', async () => {
      const body = multipart({ title: 'x' }, { name: 'a.pdf', bytes: pdf });
      const bySeller = await f.t.app.inject({ method: 'POST', url: `/api/dataroom/${f.listingId}/documents`, headers: { ...authHeaders(f.sessions.seller), ...body.headers }, payload: body.payload });
      assert.equal(bySeller.statusCode, 403);
      const matrix = await f.t.app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}/permissions`, headers: authHeaders(f.sessions.seller, false) });
      assert.equal(matrix.statusCode, 200);
      assert.ok((matrix.json().cells as unknown[]).length > 0);
      assert.doesNotMatch(matrix.body, new RegExp(f.ids.buyer));
      assert.equal((await f.t.app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}/permissions`, headers: authHeaders(f.sessions.buyer, false) })).statusCode, 403);
    });

    test('every refusal and every page view is on the audit trail', async () => {
      await f.t.app.services.auditLog.drain();
      const rows = await f.t.database.db.selectFrom('audit_log').select(['type', 'decision']).where('type', 'like', 'dataroom.%').execute();
      const types = new Set(rows.map((r) => r.type));
      for (const type of ['dataroom.room_opened', 'dataroom.document_uploaded', 'dataroom.permission_changed', 'dataroom.page_viewed', 'dataroom.document_downloaded', 'dataroom.version_released', 'dataroom.access_refused']) {
        assert.ok(types.has(type), `${type} recorded`);
      }
    });
  });
}
