import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders } from '../helpers/test-app.ts';
import { createRoomFixture, multipart, samplePdf, type RoomFixture } from './dataroom-fixture.ts';

/** Uploads by content type, folder grants, redaction, Q&A, analytics and crypto-shredding. */
for (const dialect of DIALECTS) {
  describe(`data room features on ${dialect}`, () => {
    let f: RoomFixture;
    let grantId: string;
    const base = () => `/api/dataroom/${f.listingId}`;
    before(async () => {
      f = await createRoomFixture(dialect, { DATAROOM_UPLOAD_MAX_BYTES: String(256 * 1024) });
      grantId = f.buyer.grantId;
    });
    after(async () => f.close());

    test('an upload is typed by its bytes: a PDF named .jpg is a PDF, a text file named .pdf is refused, an oversize file too', async () => {
      const pdf = await samplePdf(1);
      const misnamed = await f.upload(f.t.app, '营业执照', { name: 'scan.jpg', bytes: pdf });
      assert.equal(misnamed.statusCode, 200, misnamed.body);
      assert.equal((misnamed.json()['released'] as { format: string }).format, 'pdf');
      const fake = await f.upload(f.t.app, '伪装文件', {
        name: 'report.pdf',
        bytes: Buffer.from('just text, not a PDF at all '.repeat(20)),
      });
      assert.equal(fake.statusCode, 415);
      assert.equal(JSON.parse(fake.body).code, 'DATAROOM_FILE_TYPE');
      const big = await f.upload(f.t.app, '大文件', { name: 'big.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(300 * 1024, 32)]) });
      assert.equal(big.statusCode, 413);
      assert.equal(JSON.parse(big.body).code, 'DATAROOM_FILE_TOO_LARGE');
      const broken = await f.upload(f.t.app, '损坏文件', { name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\n garbage garbage') });
      assert.equal(broken.statusCode, 422);
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082',
        'hex',
      );
      const image = await f.upload(f.t.app, '现场照片', { name: 'photo.png', bytes: png });
      assert.equal(image.statusCode, 200, image.body);
      assert.equal((image.json()['released'] as { pageCount: number }).pageCount, 1);
    });

    test('a title carrying an identifier is refused before anything is stored', async () => {
      const res = await f.upload(f.t.app, '联系人 13912345678', { name: 'a.pdf', bytes: await samplePdf(1) });
      assert.equal(res.statusCode, 422);
      assert.equal(JSON.parse(res.body).code, 'FREE_TEXT_IDENTIFIERS');
      assert.doesNotMatch(res.body, /13912345678/);
    });

    test("a folder grant covers the folder's documents now, and a document added later stays unseen", async () => {
      const folder = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/folders`,
        headers: authHeaders(f.sessions.broker),
        payload: { name: '财务资料', parentId: null },
      });
      assert.equal(folder.statusCode, 200, folder.body);
      const folderId = folder.json().id as string;
      const first = (await f.upload(f.t.app, '利润表', { name: 'pl.pdf', bytes: await samplePdf(1) }, folderId)).json()['id'];
      const set = await f.t.app.inject({
        method: 'PUT',
        url: `${base()}/permissions`,
        headers: authHeaders(f.sessions.broker),
        payload: { grantId, target: { type: 'folder', id: folderId }, level: 'view' },
      });
      assert.equal(set.statusCode, 200, set.body);
      const later = (await f.upload(f.t.app, '资产负债表', { name: 'bs.pdf', bytes: await samplePdf(1) }, folderId)).json()['id'];
      const room = await f.t.app.inject({ method: 'GET', url: base(), headers: authHeaders(f.buyer.session, false) });
      const ids = (room.json().documents as { id: string }[]).map((d) => d.id);
      assert.ok(ids.includes(first as string));
      assert.ok(!ids.includes(later as string));
    });

    test('redaction proposes the identifiers of the text layer, burns the boxes in and releases the redacted copy', async () => {
      const pdf = await samplePdf(2, (p) => [`Page ${p}`, 'Shareholder mobile 13957246813', 'Credit code 91310000MA1FL0XQ3B']);
      const documentId = (await f.upload(f.t.app, '股东名册', { name: 'holders.pdf', bytes: pdf })).json()['id'] as string;
      await f.setLevel(f.t.app, grantId, documentId, 'original');
      const proposal = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/documents/${documentId}/redaction`,
        headers: authHeaders(f.sessions.broker, false),
      });
      assert.equal(proposal.statusCode, 200, proposal.body);
      const body = proposal.json();
      assert.equal(body.hasTextLayer, true);
      assert.ok((body.proposals as { kind: string }[]).some((p) => p.kind === 'mobile'));
      assert.doesNotMatch(proposal.body, /13957246813/);
      const boxes = (body.proposals as { page: number; x: number; y: number; w: number; h: number }[]).map(({ page, x, y, w, h }) => ({
        page,
        x,
        y,
        w,
        h,
      }));
      const applied = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/documents/${documentId}/redaction`,
        headers: authHeaders(f.sessions.broker),
        payload: { versionId: body.versionId, boxes },
      });
      assert.equal(applied.statusCode, 200, applied.body);
      assert.equal(applied.json().released.kind, 'redacted');
      // Even the original permission now gets the redacted file: a flattened PDF without the text.
      const original = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/documents/${documentId}/download?form=original`,
        headers: authHeaders(f.buyer.session, false),
      });
      assert.equal(original.statusCode, 200);
      const { openPdf, pageText } = await import('../../src/modules/dataroom/page-renderer.ts');
      const opened = await openPdf(new Uint8Array(original.rawPayload));
      assert.deepEqual(await pageText(opened, 1), []);
      // The seller does not redact; only the adviser.
      const bySeller = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/documents/${documentId}/redaction`,
        headers: authHeaders(f.sessions.seller, false),
      });
      assert.equal(bySeller.statusCode, 403);
    });

    test('a question is visible to its asker until published to every buyer; both sides pass the identifier guard', async () => {
      const second = await f.qualify('room-buyer-two');
      const asked = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/questions`,
        headers: authHeaders(f.buyer.session),
        payload: { text: '近三年是否有对外担保？', documentId: null },
      });
      assert.equal(asked.statusCode, 200, asked.body);
      const id = asked.json().id as string;
      for (const text of ['请打电话 13912345678', '加我 一三八一二三四五六七八 详谈', '邮箱 wang艾特qq点com']) {
        const refused = await f.t.app.inject({
          method: 'POST',
          url: `${base()}/questions`,
          headers: authHeaders(f.buyer.session),
          payload: { text, documentId: null },
        });
        assert.equal(refused.statusCode, 422, text);
        assert.equal(refused.json().code, 'FREE_TEXT_IDENTIFIERS');
      }
      const folder = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/folders`,
        headers: authHeaders(f.sessions.broker),
        payload: { name: '联系 138.1234.5678', parentId: null },
      });
      assert.equal(folder.statusCode, 422);
      const other = async () =>
        (await f.t.app.inject({ method: 'GET', url: `${base()}/questions`, headers: authHeaders(second.session, false) })).json().items as {
          id: string;
          answer: unknown;
        }[];
      assert.deepEqual(await other(), []);
      const badAnswer = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/questions/${id}/answer`,
        headers: authHeaders(f.sessions.seller),
        payload: { text: '详询 seller@example.com' },
      });
      assert.equal(badAnswer.statusCode, 422);
      const answered = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/questions/${id}/answer`,
        headers: authHeaders(f.sessions.seller),
        payload: { text: '无对外担保，见审计报告附注。' },
      });
      assert.equal(answered.statusCode, 200, answered.body);
      const published = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/questions/${id}/publish`,
        headers: authHeaders(f.sessions.broker),
        payload: { published: true },
      });
      assert.equal(published.statusCode, 200);
      const seen = await other();
      assert.equal(seen.length, 1);
      assert.ok(seen[0]?.answer);
      const managerView = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/questions`,
        headers: authHeaders(f.sessions.seller, false),
      });
      assert.equal(managerView.json().items[0].askedBy, f.buyer.alias);
      assert.doesNotMatch(managerView.body, new RegExp(f.ids.buyer));
      const notices = await f.t.database.db.selectFrom('notifications').select(['kind']).execute();
      assert.ok(notices.some((n) => n.kind === 'dataroom_question_asked'));
      assert.ok(notices.some((n) => n.kind === 'dataroom_question_answered'));
    });

    test("page views and dwell beacons show in the seller's analytics, per viewer alias, document and page, and export as CSV", async () => {
      const documentId = (await f.upload(f.t.app, '纳税记录', { name: 'tax.pdf', bytes: await samplePdf(2) })).json()['id'] as string;
      await f.setLevel(f.t.app, grantId, documentId, 'view');
      for (const page of [1, 2, 2])
        await f.t.app.inject({
          method: 'GET',
          url: `${base()}/documents/${documentId}/pages/${page}`,
          headers: authHeaders(f.buyer.session, false),
        });
      const beacons = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/beacons`,
        headers: authHeaders(f.buyer.session),
        payload: {
          beacons: [
            { documentId, page: 2, dwellMs: 42_000 },
            { documentId: 'never-shown', page: 1, dwellMs: 99_000 },
          ],
        },
      });
      assert.equal(beacons.json().accepted, 1);
      const stats = await f.t.app.inject({ method: 'GET', url: `${base()}/analytics`, headers: authHeaders(f.sessions.seller, false) });
      assert.equal(stats.statusCode, 200, stats.body);
      const alias = f.buyer.alias;
      const page2 = (stats.json().byPage as { documentId: string; page: number; views: number; dwellMs: number }[]).find(
        (p) => p.documentId === documentId && p.page === 2,
      );
      assert.deepEqual(page2 && { views: page2.views, dwellMs: page2.dwellMs }, { views: 2, dwellMs: 42_000 });
      assert.ok((stats.json().byViewer as { viewer: string }[]).some((v) => v.viewer === alias));
      const csv = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/analytics?format=csv`,
        headers: authHeaders(f.sessions.seller, false),
      });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /纳税记录/);
      assert.match(csv.body, new RegExp(alias));
      assert.equal(
        (await f.t.app.inject({ method: 'GET', url: `${base()}/analytics`, headers: authHeaders(f.buyer.session, false) })).statusCode,
        403,
      );
    });

    test("erasing the room's key crypto-shreds every document in it", async () => {
      const documentId = (await f.upload(f.t.app, '终版协议', { name: 'final.pdf', bytes: await samplePdf(1) })).json()['id'] as string;
      const shred = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/shred`,
        headers: authHeaders(f.sessions.broker),
        payload: { reason: 'listing withdrawn, ticket PT-77' },
      });
      assert.equal(shred.statusCode, 200, shred.body);
      const page = await f.t.app.inject({
        method: 'GET',
        url: `${base()}/documents/${documentId}/pages/1`,
        headers: authHeaders(f.sessions.broker, false),
      });
      assert.equal(page.statusCode, 410);
      const room = await f.t.database.db
        .selectFrom('dataroom_rooms')
        .select('subject_id')
        .where('listing_id', '=', f.listingId)
        .executeTakeFirstOrThrow();
      await assert.rejects(f.t.app.services.vault.openFileStream(room.subject_id, 'dataroom_versions.blob_key:x'), /erased/);
      const body = multipart({ title: '新文件' }, { name: 'n.pdf', bytes: await samplePdf(1) });
      const after = await f.t.app.inject({
        method: 'POST',
        url: `${base()}/documents`,
        headers: { ...authHeaders(f.sessions.broker), ...body.headers },
        payload: body.payload,
      });
      assert.equal(after.statusCode, 410);
    });
  });
}
