import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, type Session } from '../helpers/test-app.ts';
import { createRoomFixture, multipart, samplePdf, type Buyer, type RoomFixture } from './dataroom-fixture.ts';

/**
 * Grants are real: the disclosure module takes each buyer through verification, the NDA, the seller's consent naming
 * them and the adviser's approvals to an active L2 grant. The data room is fail-closed: a buyer sees a document only while their L2 grant is active *and* a permission row
 * of that grant names the document at the level the request needs. Both are read on every request, so a revocation
 * or an expiry is refused at once, by every instance (a second app over the same store checks here).
 */
for (const dialect of DIALECTS) {
  describe(`data room authorization on ${dialect}`, () => {
    let f: RoomFixture;
    let peer: FastifyInstance;
    let pdf: Buffer;
    let other: Buyer;
    before(async () => {
      f = await createRoomFixture(dialect);
      other = await f.qualify('room-buyer-two');
      peer = await f.peer();
      pdf = await samplePdf(3);
    });
    after(async () => f.close());

    const room = (app: FastifyInstance, who: Session) =>
      app.inject({ method: 'GET', url: `/api/dataroom/${f.listingId}`, headers: authHeaders(who, false) });
    const page = (app: FastifyInstance, who: Session, documentId: string, n = 1) =>
      app.inject({
        method: 'GET',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/${n}`,
        headers: authHeaders(who, false),
      });
    const download = (app: FastifyInstance, who: Session, documentId: string, form: 'watermarked' | 'original') =>
      app.inject({
        method: 'GET',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/download?form=${form}`,
        headers: authHeaders(who, false),
      });
    const uploadOne = async (title: string) => {
      const res = await f.upload(f.t.app, title, { name: 'report.pdf', bytes: pdf });
      assert.equal(res.statusCode, 200, res.body);
      return res.json()['id'] as string;
    };

    test('a customer without an L2 grant, and staff outside the listing, are told the room does not exist', async () => {
      await uploadOne('尽调报告 A');
      const stranger = await f.stranger('room-stranger');
      assert.equal((await room(f.t.app, stranger)).statusCode, 404);
      // Staff other than the listing's adviser: refused by the route's permission.
      assert.equal((await room(f.t.app, f.sessions.admin)).statusCode, 403);
    });

    test('a new document is invisible to a buyer with an active L2 grant until it is granted', async () => {
      const documentId = await uploadOne('财务报表 B');
      const seen = await room(f.t.app, f.buyer.session);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.equal((seen.json().documents as unknown[]).length, 0);
      assert.equal((await page(f.t.app, f.buyer.session, documentId)).statusCode, 404);
      assert.equal((await download(f.t.app, f.buyer.session, documentId, 'original')).statusCode, 404);
    });

    test("view-only shows watermarked pages and refuses both downloads; another buyer's grant shows nothing of it", async () => {
      const documentId = await uploadOne('合同清单 C');
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'view'), 200);
      const shown = await page(f.t.app, f.buyer.session, documentId);
      assert.equal(shown.statusCode, 200);
      assert.equal(shown.headers['content-type'], 'image/jpeg');
      assert.equal(shown.rawPayload.subarray(0, 3).toString('hex'), 'ffd8ff');
      assert.match(String(shown.headers['x-watermark-code']), /^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{4}$/);
      assert.equal((await download(f.t.app, f.buyer.session, documentId, 'watermarked')).statusCode, 403);
      assert.equal((await download(f.t.app, f.buyer.session, documentId, 'original')).statusCode, 403);
      assert.equal((await page(f.t.app, other.session, documentId)).statusCode, 404);
      const notices = (
        await f.t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: authHeaders(f.buyer.session, false) })
      ).json() as { items: { kind: string; params: Record<string, unknown> }[] };
      assert.ok(
        notices.items.some((n) => n.kind === 'dataroom_documents_shared' && n.params['count'] === 1),
        'the buyer is told documents were opened to them',
      );
    });

    test('a watermarked download is a flattened PDF, and only the original permission gets the uploaded bytes', async () => {
      const documentId = await uploadOne('股东会决议 D');
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'download_watermarked'), 200);
      const flat = await download(f.t.app, f.buyer.session, documentId, 'watermarked');
      assert.equal(flat.statusCode, 200);
      assert.equal(flat.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.notDeepEqual(flat.rawPayload, pdf);
      assert.equal((await download(f.t.app, f.buyer.session, documentId, 'original')).statusCode, 403);
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'original'), 200);
      const original = await download(f.t.app, f.buyer.session, documentId, 'original');
      assert.equal(original.statusCode, 200);
      assert.deepEqual(original.rawPayload, pdf);
    });

    test('a new version stays unseen by grantees until the adviser releases it', async () => {
      const documentId = await uploadOne('审计报告 E');
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'original'), 200);
      const v2 = await samplePdf(1, () => ['Version two']);
      const body = multipart({}, { name: 'v2.pdf', bytes: v2 });
      const added = await f.t.app.inject({
        method: 'POST',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/versions`,
        headers: { ...authHeaders(f.sessions.broker), ...body.headers },
        payload: body.payload,
      });
      assert.equal(added.statusCode, 200, added.body);
      assert.deepEqual((await download(f.t.app, f.buyer.session, documentId, 'original')).rawPayload, pdf);
      const newest = (added.json().versions as { id: string; number: number }[]).sort((a, b) => b.number - a.number)[0]?.id;
      const released = await f.t.app.inject({
        method: 'POST',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/release`,
        headers: authHeaders(f.sessions.broker),
        payload: { versionId: newest },
      });
      assert.equal(released.statusCode, 200, released.body);
      assert.deepEqual((await download(f.t.app, f.buyer.session, documentId, 'original')).rawPayload, v2);
    });

    test('a document permission set to none is refused at once, on the other instance too', async () => {
      const documentId = await uploadOne('银行流水 F');
      assert.equal(await f.setLevel(peer, f.buyer.grantId, documentId, 'view', f.sessions.seller), 200);
      assert.equal((await page(f.t.app, f.buyer.session, documentId)).statusCode, 200);
      assert.equal((await page(peer, f.buyer.session, documentId)).statusCode, 200);
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'none', f.sessions.seller), 200);
      assert.equal((await page(peer, f.buyer.session, documentId)).statusCode, 404);
      assert.equal((await page(f.t.app, f.buyer.session, documentId)).statusCode, 404);
    });

    test('an expired L2 grant is refused at once by both instances, and its renewal opens the same documents again', async () => {
      const documentId = await uploadOne('资质证书 G');
      assert.equal(await f.setLevel(f.t.app, f.buyer.grantId, documentId, 'view'), 200);
      assert.equal((await page(peer, f.buyer.session, documentId)).statusCode, 200);
      // The clock passes the grant's end: no sweep, no message — the next request on any instance sees it.
      await f.t.database.db
        .updateTable('disclosure_grants')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', f.buyer.grantId)
        .execute();
      for (const app of [f.t.app, peer]) {
        assert.equal((await page(app, f.buyer.session, documentId)).statusCode, 404);
        assert.equal((await room(app, f.buyer.session)).statusCode, 404);
      }
      const renewed = await f.t.app.inject({
        method: 'POST',
        url: `/api/broker/grants/${f.buyer.grantId}/renew`,
        headers: authHeaders(f.sessions.broker),
        payload: { days: 7 },
      });
      assert.equal(renewed.statusCode, 200, renewed.body);
      assert.equal((await page(peer, f.buyer.session, documentId)).statusCode, 200);
    });

    test('a revoked L2 grant is refused at once by both instances, whatever its document permissions say', async () => {
      const documentId = await uploadOne('纳税申报 H');
      assert.equal(await f.setLevel(f.t.app, other.grantId, documentId, 'original'), 200);
      assert.equal((await page(peer, other.session, documentId)).statusCode, 200);
      const revoked = await f.t.app.inject({
        method: 'POST',
        url: `/api/seller/grants/${other.grantId}/revoke`,
        headers: authHeaders(f.sessions.seller),
        payload: { reason: '暂停对外披露' },
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      for (const app of [f.t.app, peer]) {
        assert.equal((await page(app, other.session, documentId)).statusCode, 404);
        assert.equal((await download(app, other.session, documentId, 'original')).statusCode, 404);
        assert.equal((await room(app, other.session)).statusCode, 404);
      }
      // A revoked grant cannot be given new permissions either.
      assert.equal(await f.setLevel(f.t.app, other.grantId, documentId, 'view'), 409);
    });

    test('only the adviser uploads; the seller sees the matrix; buyers manage nothing', async () => {
      const body = multipart({ title: 'x' }, { name: 'a.pdf', bytes: pdf });
      const bySeller = await f.t.app.inject({
        method: 'POST',
        url: `/api/dataroom/${f.listingId}/documents`,
        headers: { ...authHeaders(f.sessions.seller), ...body.headers },
        payload: body.payload,
      });
      assert.equal(bySeller.statusCode, 403);
      const matrix = await f.t.app.inject({
        method: 'GET',
        url: `/api/dataroom/${f.listingId}/permissions`,
        headers: authHeaders(f.sessions.seller, false),
      });
      assert.equal(matrix.statusCode, 200);
      assert.ok((matrix.json().cells as unknown[]).length > 0);
      assert.doesNotMatch(matrix.body, new RegExp(f.ids.buyer));
      assert.ok((matrix.json().grants as { buyerAlias: string }[]).some((g) => g.buyerAlias === f.buyer.alias));
      assert.equal(
        (
          await f.t.app.inject({
            method: 'GET',
            url: `/api/dataroom/${f.listingId}/permissions`,
            headers: authHeaders(f.buyer.session, false),
          })
        ).statusCode,
        403,
      );
    });

    test('every refusal and every page view is on the audit trail', async () => {
      await f.t.app.services.auditLog.drain();
      const rows = await f.t.database.db.selectFrom('audit_log').select(['type', 'decision']).where('type', 'like', 'dataroom.%').execute();
      const types = new Set(rows.map((r) => r.type));
      for (const type of [
        'dataroom.room_opened',
        'dataroom.document_uploaded',
        'dataroom.permission_changed',
        'dataroom.page_viewed',
        'dataroom.document_downloaded',
        'dataroom.version_released',
        'dataroom.access_refused',
      ]) {
        assert.ok(types.has(type), `${type} recorded`);
      }
    });
  });
}
