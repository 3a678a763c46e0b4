import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/modules/audit/index.ts';
import { authHeaders } from '../helpers/test-app.ts';
import { createRoomFixture, samplePdf, type RoomFixture } from './dataroom-fixture.ts';
import { ATTACKS } from './watermark-attacks.ts';

/**
 * Leak attribution end to end: pages rendered through the API for a buyer, damaged the way leakers do, then
 * identified by the operator's command path. Detection is pure computation over the picture, so one dialect is
 * enough here (storage of renderings is covered on both by the authorization suite).
 */
const PAGES = 20;

function lines(page: number): string[] {
  return [
    `Due diligence binder - section ${page}`,
    'Counterparty schedule and guarantees',
    `Reference ${page * 7919}`,
    'Bank statements summary, tax filings, licences',
  ];
}

describe('leak attribution names the viewer a page was rendered for', () => {
  let f: RoomFixture;
  let documentId: string;
  let buyerAlias: string;
  let grantId: string;
  const leaked: Buffer[] = [];
  before(async () => {
    f = await createRoomFixture('sqlite');
    grantId = f.buyer.grantId;
    buyerAlias = f.buyer.alias;
    const res = await f.upload(f.t.app, '尽调资料汇编', { name: 'binder.pdf', bytes: await samplePdf(PAGES, lines) });
    documentId = res.json()['id'] as string;
    assert.equal(await f.setLevel(f.t.app, grantId, documentId, 'view'), 200);
    for (let page = 1; page <= PAGES; page++) {
      const shown = await f.t.app.inject({
        method: 'GET',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/${page}`,
        headers: authHeaders(f.buyer.session, false),
      });
      assert.equal(shown.statusCode, 200);
      leaked.push(shown.rawPayload);
    }
  });
  after(async () => f.close());

  const identify = (bytes: Buffer) => f.t.app.services.dataroom.identifyForOperator(bytes, { ...SYSTEM_ACTOR, role: 'operator' });

  for (const [name, label] of [
    ['jpeg60', 'after re-saving as JPEG quality 60'],
    ['half', 'after a 50 % downscale'],
    ['crop10', 'after a 10 % crop of the margins'],
  ] as const) {
    test(`20 of 20 pages name the right viewer, grant and page ${label}`, async () => {
      const wrong: string[] = [];
      for (let page = 1; page <= PAGES; page++) {
        const result = await identify(await ATTACKS[name](leaked[page - 1] ?? Buffer.alloc(0)));
        if (!result.found || result.viewer !== buyerAlias || result.grantId !== grantId || result.page !== page)
          wrong.push(`page ${page}: ${JSON.stringify(result)}`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('pages cropped, halved and re-saved at JPEG 60 all at once still name the viewer (5 pages)', async () => {
    for (let page = 1; page <= 5; page++) {
      const result = await identify(await ATTACKS.all(leaked[page - 1] ?? Buffer.alloc(0)));
      assert.equal(result.viewer, buyerAlias, `page ${page}`);
    }
  });

  test('a page watermarked for another buyer names that buyer, never this one', async () => {
    const second = await f.qualify('room-buyer-two');
    const other = second.grantId;
    assert.equal(await f.setLevel(f.t.app, other, documentId, 'view'), 200);
    for (const page of [1, 2, 3]) {
      const shown = await f.t.app.inject({
        method: 'GET',
        url: `/api/dataroom/${f.listingId}/documents/${documentId}/pages/${page}`,
        headers: authHeaders(second.session, false),
      });
      const result = await identify(await ATTACKS.jpeg60(shown.rawPayload));
      assert.equal(result.viewer, second.alias);
      assert.equal(result.grantId, other);
    }
  });

  test('an unwatermarked rendering of the same pages identifies nobody', async () => {
    const { openPdf, renderPage } = await import('../../src/modules/dataroom/page-renderer.ts');
    const opened = await openPdf(new Uint8Array(await samplePdf(3, lines)));
    for (let page = 1; page <= 3; page++) {
      const result = await identify((await renderPage(opened, page)).toBuffer('image/jpeg', 80));
      assert.equal(result.found, false);
      assert.ok(result.syncZ < 7, `chance-level sync strength, got ${result.syncZ}`);
    }
  });

  test('a leaked flattened PDF download names the viewer too, and every identification is audited', async () => {
    await f.setLevel(f.t.app, grantId, documentId, 'download_watermarked');
    const pdf = await f.t.app.inject({
      method: 'GET',
      url: `/api/dataroom/${f.listingId}/documents/${documentId}/download`,
      headers: authHeaders(f.buyer.session, false),
    });
    assert.equal(pdf.statusCode, 200);
    const result = await identify(pdf.rawPayload);
    assert.equal(result.viewer, buyerAlias);
    assert.equal(result.kind, 'download');
    await f.t.app.services.auditLog.drain();
    const audited = await f.t.database.db.selectFrom('audit_log').select('type').where('type', '=', 'dataroom.leak_identified').execute();
    assert.ok(audited.length >= 3 * PAGES + 5 + 3 + 3 + 1);
  });
});
