import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VERIFICATION_CHECKLIST } from '@sealbridge/contracts';
import type { Page } from 'playwright-core';
import { SHOTS, useJourney } from './harness.ts';

/** A 1×1 PNG: a real image by its bytes, standing in for a photo of a seal or a licence. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SEALS = ['official_seal', 'finance_seal', 'legal_rep_seal', 'invoice_seal', 'contract_seal'];

/** A JSON call from a signed-in page's own context (its cookies and CSRF token), as the page's scripts make it. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'sb_csrf')?.value ?? '';
  const res = await page.request.fetch(`${new URL(page.url()).origin}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(body === undefined ? {} : { data: body }),
  });
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** No sideways scrolling at the page's width (else: the elements that stick out, to say where). */
async function fitsWidth(page: Page): Promise<true | string> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return true;
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    const chain: string[] = [];
    for (let e: Element | null = wide[0] ?? null; e && chain.length < 14; e = e.parentElement)
      chain.push(`${e.tagName}.${String(e.className).slice(0, 40)}:${Math.round(e.getBoundingClientRect().width)}`);
    return chain.join(' < ');
  });
}

/**
 * A deal from the letter of intent to the handover and the closing, through the pages of all three sides: the buyer
 * starts it from the listing, the broker records the deposit (the listing goes under offer) and walks the stages,
 * seller and buyer hand over and confirm every item on a phone-sized screen, the buyer records the Art. 22 notice,
 * the broker closes it (the listing is sold) and the seller confirms leaving the legal representative's seat.
 */
describe('deal journey: letter of intent → handover → closing', () => {
  const j = useJourney();
  const pages: Record<string, Page> = {};
  const as = async (who: 'seller' | 'buyer' | 'broker') => (pages[who] ??= await j.signIn(who));
  let listing = { id: '', code: '' };
  let dealPath = '';

  test("the buyer is granted L1 on the demo seller's listing through the disclosure path", async () => {
    const [seller, buyer, broker] = [await as('seller'), await as('buyer'), await as('broker')];
    const mine = await api<{ items: { id: string; code: string; status: string }[] }>(seller, 'GET', '/api/seller/listings');
    const published = mine.items.find((l) => l.status === 'published');
    assert.ok(published);
    listing = { id: published.id, code: published.code };
    // The disclosure pages are the disclosure module's; these are the calls they make.
    const inquiry = await api<{ id: string }>(buyer, 'POST', `/api/listings/${listing.code}/inquiries`, {
      buyerType: 'company',
      budgetBand: '100to300',
      timeline: '1to3m',
      note: '希望了解资质和纳税情况',
    });
    const queue = await api<{ items: { id: string }[] }>(broker, 'GET', '/api/staff/verifications?status=pending');
    const checklist = Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true]));
    for (const item of queue.items)
      await api(broker, 'POST', `/api/staff/verifications/${item.id}/decision`, { outcome: 'verified', checklist });
    const nda = await api<{ version: number; textSha256: string }>(buyer, 'GET', `/api/me/inquiries/${inquiry.id}/nda`);
    await api(buyer, 'POST', `/api/me/inquiries/${inquiry.id}/nda`, { version: nda.version, textSha256: nda.textSha256, accepted: true });
    const notice = await api<{ version: number }>(seller, 'GET', '/api/privacy/notices/current');
    const uiTextHash = createHash('sha256').update(`consent L1 ${inquiry.id}`).digest('hex');
    await api(seller, 'POST', `/api/seller/inquiries/${inquiry.id}/consent`, {
      level: 'L1',
      decision: 'given',
      noticeVersion: notice.version,
      uiTextHash,
    });
    const panel = await api<{ buyers: { levels: { level: string; grantId: string | null }[] }[] }>(
      broker,
      'GET',
      `/api/broker/listings/${listing.id}/disclosure`,
    );
    const grantId = panel.buyers[0]?.levels.find((l) => l.level === 'L1')?.grantId;
    assert.ok(grantId);
    await api(broker, 'POST', `/api/broker/grants/${grantId}/decision`, { decision: 'approve', reason: '', days: 30 });
  });

  test('the buyer starts a deal from the listing page and sees it under 我的交易', async () => {
    const buyer = await as('buyer');
    await buyer.goto(`${j.server.url}/listings/${listing.code}`);
    await buyer.getByTestId('start-deal').click();
    await buyer.waitForURL(/\/account\/deals\/[^/]+$/);
    dealPath = new URL(buyer.url()).pathname.replace('/account/deals/', '');
    await buyer.getByTestId('deal-detail').waitFor();
    assert.equal(await buyer.getByTestId('deal-stage').innerText(), '洽谈');
    await buyer.getByTestId('nav-my-deals').click();
    await buyer.getByTestId(`deal-${listing.code}`).waitFor();
  });

  /** The broker ticks every open item of the current stage through the page. */
  async function tickAll(page: Page) {
    for (;;) {
      const tick = page.locator('[data-testid^="tick-"]').first();
      if ((await tick.count()) === 0) return;
      const key = ((await tick.getAttribute('data-testid')) ?? '').replace('tick-', '');
      await tick.click();
      await page.getByTestId(`confirm-tick-${key}`).click();
      await page.locator(`[data-testid="item-${key}"].is-done`).waitFor();
    }
  }

  async function advance(page: Page, to: string) {
    await page.getByTestId('advance').click();
    await page.locator('[data-testid="deal-stage"]', { hasText: to }).waitFor();
  }

  test('the broker records the deposit (the listing goes under offer) and walks the deal to the handover', async () => {
    const broker = await as('broker');
    await broker.goto(`${j.server.url}/console/deals`);
    await broker.getByTestId(`deal-${listing.code}`).click();
    await broker.getByTestId('deal-detail').waitFor();
    await tickAll(broker);
    await broker.getByTestId('intent-kind').click();
    await broker.locator('.ant-select-item-option:visible', { hasText: '定金' }).click();
    await broker.getByTestId('intent-exclusive-until').fill('2099-12-31');
    await broker.locator('input[data-testid="intent-deposit"], [data-testid="intent-deposit"] input').first().fill('20');
    await advance(broker, '意向书');
    const seller = await as('seller');
    assert.equal((await api<{ status: string }>(seller, 'GET', `/api/seller/listings/${listing.id}`)).status, 'under_offer');
    for (const to of ['尽职调查', '签署转让协议']) {
      await tickAll(broker);
      await advance(broker, to);
    }
    await tickAll(broker);
    await broker.locator('input[data-testid="agreement-price"], [data-testid="agreement-price"] input').first().fill('300');
    await advance(broker, '税务申报');
    await broker.getByTestId('tax-estimate').waitFor();
    for (const to of ['工商变更', '税务变更', '银行变更', '交割']) {
      await tickAll(broker);
      await advance(broker, to);
    }
    await tickAll(broker);
    assert.ok(await broker.getByTestId('close-blockers').isVisible(), 'custody and the Art. 22 task still block the closing');
    await broker.screenshot({ path: join(SHOTS, 'deal-broker-handover.png'), fullPage: true });
  });

  test('on a phone the seller photographs and hands over every item, and the buyer confirms receipt and the new seals', async () => {
    const seller = await as('seller');
    const buyer = await as('buyer');
    await seller.setViewportSize({ width: 390, height: 844 });
    await buyer.setViewportSize({ width: 390, height: 844 });
    await seller.goto(`${j.server.url}/account/deals/${dealPath}`);
    await seller.getByRole('tab', { name: '交割物品' }).click();
    const items = await seller
      .locator('[data-testid^="upload-"][data-testid$="-file"]')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^upload-|-file$/g, '')));
    assert.ok(items.length >= 8, `items in scope: ${items.join()}`);
    for (const kind of items) {
      await seller.getByTestId(`upload-${kind}-file`).setInputFiles({ name: `${kind}.png`, mimeType: 'image/png', buffer: PNG });
      await seller.getByTestId(`confirm-${kind}`).click();
      await seller.getByTestId(`confirm-${kind}`).waitFor({ state: 'detached' });
    }
    assert.equal(await fitsWidth(seller), true, 'no sideways scroll at 390 px');
    await seller.screenshot({ path: join(SHOTS, 'deal-seller-custody-phone.png'), fullPage: true });
    await buyer.goto(`${j.server.url}/account/deals/${dealPath}`);
    await buyer.getByRole('tab', { name: '交割物品' }).click();
    await buyer.getByTestId('view-official_seal').click();
    await buyer.getByTestId('deal-photo').waitFor();
    await buyer.keyboard.press('Escape');
    for (const kind of items) {
      await buyer.getByTestId(`confirm-${kind}`).click();
      await buyer.getByTestId(`confirm-${kind}`).waitFor({ state: 'detached' });
      if (SEALS.includes(kind)) {
        await buyer.getByTestId(`seal-${kind}`).click();
        await buyer.getByTestId(`seal-${kind}`).waitFor({ state: 'detached' });
      }
    }
    await buyer.getByRole('tab', { name: '告知与跟进' }).click();
    await buyer.getByTestId('art22-channels').getByText('电子邮件').click();
    await buyer.getByTestId('art22-groups').getByText('员工').click();
    await buyer.getByTestId('art22-submit').click();
    await buyer.locator('[data-testid="art22"]', { hasText: '已完成' }).waitFor();
    assert.equal(await fitsWidth(buyer), true, 'no sideways scroll at 390 px');
    await buyer.screenshot({ path: join(SHOTS, 'deal-buyer-tasks-phone.png'), fullPage: true });
  });

  test("the broker closes the deal, the listing is sold, and the seller confirms leaving the legal representative's seat", async () => {
    const broker = await as('broker');
    await broker.reload();
    await broker.getByTestId('deal-detail').waitFor();
    await broker.getByTestId('advance').click();
    await broker.locator('[data-testid="deal-status"]', { hasText: '已交割' }).waitFor();
    await broker.screenshot({ path: join(SHOTS, 'deal-broker-closed.png'), fullPage: true });
    // The console frame keeps its side menu at phone width (its own matter); the deal page inside it must not overflow.
    await broker.setViewportSize({ width: 390, height: 844 });
    assert.ok(await broker.getByTestId('deal-detail').evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the deal page fits its column');
    const seller = await as('seller');
    assert.equal((await api<{ status: string }>(seller, 'GET', `/api/seller/listings/${listing.id}`)).status, 'sold');
    await seller.reload();
    await seller.getByRole('tab', { name: '告知与跟进' }).click();
    await seller.locator('[data-testid="legal-rep"]', { hasText: '待转让方确认' }).waitFor();
    await seller.getByTestId('legal-rep-upload-file').setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: PNG });
    await seller.locator('[data-testid="legal-rep"]', { hasText: '已确认' }).waitFor();
    assert.equal(await fitsWidth(seller), true);
    await seller.screenshot({ path: join(SHOTS, 'deal-seller-closed-phone.png'), fullPage: true });
    for (const page of Object.values(pages)) await page.context().close();
  });
});
