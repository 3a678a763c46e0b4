import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { SHOTS, useJourney } from './harness.ts';

const TITLE = '2025年度审计报告';

async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 3; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Audit report 2025 - page ${p}`, { x: 60, y: 780, size: 16, font });
    for (let row = 0; row < 30; row++)
      page.drawText(`Revenue ${row}  Assets  Liabilities  Guarantees  Tax filings`, { x: 60, y: 740 - row * 20, size: 10, font });
  }
  return Buffer.from(await pdf.save());
}

/** A JSON call from inside a signed-in page (its cookies and CSRF token), for the steps of other modules. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf =
        document.cookie
          .split(';')
          .map((c) => c.trim())
          .find((c) => c.startsWith('sb_csrf='))
          ?.slice(8) ?? '';
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function ok(page: Page, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await call(page, method, path, body);
  assert.ok(res.status === 200 || res.status === 201, `${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const culprits =
    overflow > 0
      ? await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 8)
            .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
        )
      : [];
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px: ${culprits.join(' | ')}`);
}

/**
 * The data room end to end on the demo server: the adviser uploads; the demo buyer, taken through the disclosure path
 * to an active L2 grant, sees nothing until the document is granted; view-only shows a watermarked page; the seller
 * sets it back to not visible and the next request is refused; the seller's analytics show the view.
 */
describe('data room journey: upload → unseen → granted view-only → watermarked page → revoked → analytics', () => {
  const j = useJourney();
  let broker: Page;
  let seller: Page;
  let buyer: Page;
  let listingId = '';
  let listingCode = '';
  let documentId = '';
  let alias = '';

  test('the adviser uploads a PDF to the room of a listing they advise, with progress', async () => {
    seller = await j.signIn('seller');
    const mine = (await ok(seller, 'GET', '/api/seller/listings')) as { items: { id: string; code: string; status: string }[] };
    const listing = mine.items.find((l) => l.status === 'published');
    assert.ok(listing);
    listingId = listing.id;
    listingCode = listing.code;
    broker = await j.signIn('broker');
    await broker.goto(`${j.server.url}/console/dataroom?listing=${listingId}`);
    await broker.getByTestId('dataroom-room').waitFor();
    await broker.getByTestId('open-upload').click();
    await broker.getByTestId('upload-title').fill(TITLE);
    await broker
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: 'audit-2025.pdf', mimeType: 'application/pdf', buffer: await samplePdf() });
    await broker.getByTestId('upload-submit').click();
    await broker.locator('[data-testid="document-row"]', { hasText: TITLE }).waitFor();
    await broker.screenshot({ path: join(SHOTS, 'dataroom-broker-documents.png'), fullPage: true });
    const room = (await ok(broker, 'GET', `/api/dataroom/${listingId}`)) as { documents: { id: string; title: string }[] };
    documentId = room.documents.find((d) => d.title === TITLE)?.id ?? '';
    assert.ok(documentId);
  });

  test('the buyer, with an active L2 grant, sees the room but no document until it is granted', async () => {
    buyer = await j.signIn('buyer');
    // The disclosure path (issue 11), through its API: inquiry, verification, NDA, the seller's consent, approvals.
    const inquiry = await ok(buyer, 'POST', `/api/listings/${listingCode}/inquiries`, {
      buyerType: 'company',
      budgetBand: '100to300',
      timeline: '1to3m',
      note: '希望查看尽调资料',
    });
    const inquiryId = inquiry['id'] as string;
    const queue = (await ok(broker, 'GET', '/api/staff/verifications?status=pending')) as { items: { id: string }[] };
    const checklist = {
      photoMatchesName: true,
      idNumberLegibleAndMatches: true,
      cardNotExpired: true,
      noSignsOfAlteration: true,
      bothSidesReadable: true,
    };
    for (const item of queue.items)
      await call(broker, 'POST', `/api/staff/verifications/${item.id}/decision`, { outcome: 'verified', checklist });
    const nda = await ok(buyer, 'GET', `/api/me/inquiries/${inquiryId}/nda`);
    await ok(buyer, 'POST', `/api/me/inquiries/${inquiryId}/nda`, {
      version: nda['version'],
      textSha256: nda['textSha256'],
      accepted: true,
    });
    const notice = await ok(seller, 'GET', '/api/privacy/notices/current');
    await ok(seller, 'POST', `/api/seller/inquiries/${inquiryId}/consent`, {
      level: 'L1',
      decision: 'given',
      noticeVersion: notice['version'],
      uiTextHash: createHash('sha256').update(`consent L1 ${inquiryId}`).digest('hex'),
    });
    const grantOf = async (level: string) => {
      const panel = (await ok(broker, 'GET', `/api/broker/listings/${listingId}/disclosure`)) as {
        buyers: { levels: { level: string; grantId: string | null }[] }[];
      };
      return panel.buyers.flatMap((b) => b.levels).find((l) => l.level === level && l.grantId)?.grantId ?? '';
    };
    await ok(broker, 'POST', `/api/broker/grants/${await grantOf('L1')}/decision`, { decision: 'approve', reason: '', days: 30 });
    await ok(buyer, 'POST', `/api/me/inquiries/${inquiryId}/levels`, { level: 'L2' });
    await ok(broker, 'POST', `/api/broker/grants/${await grantOf('L2')}/decision`, { decision: 'approve', reason: '', days: 30 });

    await buyer.goto(`${j.server.url}/account/dataroom`);
    await buyer.getByTestId(`open-room-${listingCode}`).click();
    await buyer.getByTestId('documents-empty').waitFor();
    assert.equal((await call(buyer, 'GET', `/api/dataroom/${listingId}/documents/${documentId}/pages/1`)).status, 404);
  });

  test('the adviser grants view-only, and the buyer views a page with their watermark burnt in', async () => {
    await broker.getByRole('tab', { name: '权限' }).click();
    const matrix = (await ok(broker, 'GET', `/api/dataroom/${listingId}/permissions`)) as {
      grants: { buyerAlias: string; active: boolean }[];
    };
    alias = matrix.grants.find((g) => g.active)?.buyerAlias ?? '';
    assert.match(alias, /^B-/);
    await choose(broker, `level-${alias}-${documentId}`, '仅查看');
    await broker.locator('.ant-message', { hasText: '权限已更新' }).waitFor();

    await buyer.setViewportSize({ width: 390, height: 844 });
    await buyer.reload();
    const row = buyer.locator('[data-testid="document-row"]', { hasText: TITLE });
    await row.waitFor();
    await noHorizontalScroll(buyer);
    await row.getByTestId('view-document').click();
    const image = buyer.getByTestId('page-image-1');
    await image.waitFor();
    await buyer.waitForFunction(() => {
      const img = document.querySelector('[data-testid="page-image-1"]') as HTMLImageElement | null;
      return img !== null && img.complete && img.naturalWidth === 1000;
    });
    await buyer.waitForTimeout(2500);
    await buyer.screenshot({ path: join(SHOTS, 'dataroom-buyer-viewer-390.png') });
    // Closing the viewer sends the dwell beacon.
    await buyer.locator('.ant-drawer-close').click();
    await buyer.waitForTimeout(500);
  });

  test('the seller sets the document back to not visible, and the buyer is refused at once', async () => {
    await seller.goto(`${j.server.url}/account/dataroom?listing=${listingId}`);
    await seller.getByTestId('dataroom-room').waitFor();
    await seller.getByRole('tab', { name: '权限' }).click();
    await choose(seller, `level-${alias}-${documentId}`, '不可见');
    await seller.locator('.ant-message', { hasText: '权限已更新' }).waitFor();
    assert.equal((await call(buyer, 'GET', `/api/dataroom/${listingId}/documents/${documentId}/pages/1`)).status, 404);
    await buyer.reload();
    await buyer.getByTestId('documents-empty').waitFor();
  });

  test("the seller's analytics show the buyer's view, by alias, at phone width too", async () => {
    await seller.setViewportSize({ width: 390, height: 844 });
    await seller.reload();
    await seller.getByTestId('dataroom-room').waitFor();
    await seller.getByRole('tab', { name: '查看统计' }).click();
    const analytics = seller.getByTestId('analytics');
    await analytics.waitFor();
    await seller.getByTestId('chart-viewers').waitFor();
    assert.match(await analytics.innerText(), new RegExp(alias));
    const stats = (await ok(seller, 'GET', `/api/dataroom/${listingId}/analytics`)) as {
      byViewer: { viewer: string; views: number; dwellMs: number }[];
    };
    const row = stats.byViewer.find((v) => v.viewer === alias);
    assert.ok(row && row.views >= 1, "the buyer's page view is counted");
    await noHorizontalScroll(seller);
    await seller.screenshot({ path: join(SHOTS, 'dataroom-seller-analytics-390.png'), fullPage: true });
  });
});
