import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ERROR_CODES } from '@sealbridge/contracts';
import type { Page } from 'playwright-core';
import { useJourney } from './harness.ts';

/** Screenshots of every page of the journey at 1440 and 390 px, for a person to look at (outside the repository). */
const SHOTS = process.env.DISCLOSURE_SHOTS ?? join(tmpdir(), 'sealbridge-disclosure-shots');
mkdirSync(SHOTS, { recursive: true });
const PHONE = 390;
const WIDE = 1440;
/** A 1×1 PNG: a real image by its bytes, standing in for a photographed bank deposit certificate. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Issue 11 in zh-CN, from teaser to identity and back: a buyer asks for a listing's details, the broker verifies the
 * buyer, the buyer signs the NDA, the seller gives the separate consent naming the buyer, the broker approves L1, the
 * buyer reads the company's name, the seller sees that reading in 谁访问了我的数据, withdraws the consent, and the
 * buyer's next load of the company page is refused. The tests run in order on one server and share their pages.
 */
describe("disclosure journey: inquiry → verification → NDA → the seller's consent → approval → identity → withdrawal", () => {
  const j = useJourney();
  let buyer: Page;
  let seller: Page;
  let broker: Page;
  let listing = { id: '', code: '' };
  let inquiryId = '';
  let alias = '';

  /** A JSON call from the page's own session (cookie + CSRF header), as the web app makes it. */
  async function call<T>(page: Page, path: string): Promise<T> {
    return page.evaluate(async (p) => (await (await fetch(p)).json()) as unknown, path) as Promise<T>;
  }

  /**
   * Picks an option of an antd Select by its visible text, and waits until the select shows it and its list has
   * closed (on a busy machine a click during the list's opening animation can be lost: it is tried again).
   */
  async function choose(page: Page, testId: string, option: string): Promise<void> {
    const select = page.getByTestId(testId);
    for (let attempt = 1; ; attempt += 1) {
      if (!(await page.locator('.ant-select-item-option:visible').count())) await select.click();
      await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
      try {
        await select.filter({ hasText: option }).waitFor({ timeout: 3000 });
        await page.locator('.ant-select-item-option:visible').first().waitFor({ state: 'hidden', timeout: 3000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** The page at 1440 px and at 390 px (where nothing may scroll sideways), then back to the wide layout. */
  async function shoot(page: Page, name: string, ready: () => Promise<unknown>, part?: string): Promise<void> {
    const capture = async (width: number) => {
      const path = join(SHOTS, `${name}-${width}.png`);
      if (part) await page.getByTestId(part).screenshot({ path });
      else await page.screenshot({ path, fullPage: true });
    };
    await page.setViewportSize({ width: WIDE, height: 900 });
    await ready();
    await capture(WIDE);
    await page.setViewportSize({ width: PHONE, height: 844 });
    await ready();
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE, `${name} scrolls sideways at ${PHONE} px (${width} px wide)`);
    await capture(PHONE);
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  async function newContext() {
    return j.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  }

  test('a visitor clicking 申请查看详情 is sent to log in and comes back to the listing, with the form open', async () => {
    seller = await j.signIn('seller');
    const mine = await call<{ items: { id: string; code: string; status: string }[] }>(seller, '/api/seller/listings');
    const published = mine.items.find((l) => l.status === 'published');
    assert.ok(published, 'the demo seller has a published listing');
    listing = { id: published.id, code: published.code };

    const context = await newContext();
    buyer = await context.newPage();
    await buyer.goto(`${j.server.url}/listings/${listing.code}`);
    await buyer.getByTestId('teaser-detail').waitFor();
    assert.doesNotMatch(await buyer.locator('body').innerText(), /联系您的顾问/, 'no sending people off the platform');
    await shoot(buyer, 'listing-visitor', () => buyer.getByTestId('inquiry-panel').waitFor());
    await buyer.getByTestId('apply').click();
    await buyer.waitForURL(/\/login$/);
    await buyer.locator('#loginName').fill('buyer');
    await buyer.locator('#password').fill('Demo-2026!');
    await buyer.getByTestId('login-submit').click();
    await buyer.waitForURL((url) => url.pathname === `/listings/${listing.code}`);
    await buyer.getByTestId('inquiry-form').waitFor();
  });

  test('the seller asks buyers of the listing for proof of funds, on the control panel', async () => {
    await seller.goto(`${j.server.url}/account/listings`);
    await seller.getByTestId(`access-${listing.code}`).click();
    await seller.getByTestId('listing-access').waitFor();
    await seller.getByTestId('access-empty').waitFor();
    await seller.getByTestId('proof-required').click();
    await seller.locator('[data-testid="proof-required"][aria-checked="true"]').waitFor();
  });

  test('the buyer asks; a phone number in the note is pointed at, not repeated, and the request shows its state', async () => {
    await choose(buyer, 'inquiry-buyer-type', '企业');
    await choose(buyer, 'inquiry-budget', '100–300 万元');
    await choose(buyer, 'inquiry-timeline', '1–3 个月');
    await buyer.getByTestId('inquiry-note').fill('希望了解资质，方便请致电13912345678');
    await buyer.getByTestId('inquiry-submit').click();
    const findings = buyer.getByTestId('inquiry-findings');
    await findings.waitFor();
    assert.doesNotMatch(await findings.innerText(), /13912345678/);
    assert.equal(await findings.locator('[data-finding-kind="mobile"]').count(), 1);
    await buyer.screenshot({ path: join(SHOTS, 'inquiry-form-finding-1440.png') });
    await buyer.getByTestId('inquiry-note').fill('希望了解资质有效期和近两年纳税情况');
    await buyer.getByTestId('inquiry-submit').click();
    await buyer.getByTestId('inquiry-existing').waitFor();
    assert.equal(await buyer.getByTestId('inquiry-status').getAttribute('data-status'), 'open');
    const mine = await call<{ items: { id: string; listingCode: string }[] }>(buyer, '/api/me/inquiries');
    inquiryId = mine.items.find((i) => i.listingCode === listing.code)?.id ?? '';
    assert.ok(inquiryId);
    await shoot(buyer, 'listing-buyer-asked', () => buyer.getByTestId('inquiry-existing').waitFor());
  });

  test('我的意向 shows what is missing; the broker verifies the buyer in 实名审核', async () => {
    await buyer.goto(`${j.server.url}/account/inquiries`);
    await buyer.getByTestId('my-inquiry').first().waitFor();
    assert.match(await buyer.getByTestId('my-inquiry-next').first().innerText(), /实名认证/);
    await shoot(buyer, 'my-inquiries', () => buyer.getByTestId('my-inquiry').first().waitFor());

    broker = await j.signIn('broker');
    await broker.goto(`${j.server.url}/console/verifications`);
    const card = broker.getByTestId('review-item').filter({ hasText: 'C-200001' });
    await card.waitFor();
    for (const box of await card.locator('[data-testid="review-checklist"] input[type=checkbox]').all()) await box.check();
    await card.getByTestId('review-submit').click();
    await broker.getByTestId('review-item').filter({ hasText: 'C-200001' }).waitFor({ state: 'detached' });
  });

  test('the buyer reads the NDA in full and ticks it; the certificate can then be downloaded', async () => {
    await buyer.goto(`${j.server.url}/account/inquiries/${inquiryId}`);
    await buyer.locator('[data-testid="step-verify-title"][data-status="finish"]').waitFor();
    await buyer.getByTestId('step-nda').click();
    await buyer.getByTestId('nda-text').waitFor();
    assert.match(await buyer.getByTestId('nda-text').innerText(), new RegExp(listing.code));
    assert.equal(await buyer.getByTestId('nda-sign').isDisabled(), true, 'signing needs the tick');
    await buyer.screenshot({ path: join(SHOTS, 'nda-dialog-1440.png') });
    await buyer.getByTestId('nda-tick').check();
    await buyer.getByTestId('nda-sign').click();
    await buyer.locator('[data-testid="step-nda-title"][data-status="finish"]').waitFor();
    const download = buyer.waitForEvent('download');
    await buyer.getByTestId('nda-certificate').click();
    const pdf = join(SHOTS, 'nda-certificate.pdf');
    await (await download).saveAs(pdf);
    await shoot(buyer, 'inquiry-detail-signed', () => buyer.locator('[data-testid="step-proof-title"][data-status="process"]').waitFor());

    // Anyone can check the certificate on the privacy center.
    const context = await newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${j.server.url}/privacy#nda-certificate`);
    await visitor.getByTestId('nda-public-key').waitFor();
    await visitor.getByTestId('nda-check-file').setInputFiles(pdf);
    const result = visitor.getByTestId('nda-check-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-valid'), 'true');
    assert.match(await result.innerText(), new RegExp(listing.code));
    await visitor.getByTestId('privacy-disclosure-levels').scrollIntoViewIfNeeded();
    assert.match(await visitor.getByTestId('privacy-disclosure-levels').innerText(), /L3 双方直接联系方式/);
    await shoot(visitor, 'privacy-nda-check', () => visitor.getByTestId('privacy-nda-check').waitFor(), 'privacy-nda-check');
    await shoot(visitor, 'privacy-levels', () => visitor.getByTestId('privacy-disclosure-levels').waitFor(), 'privacy-disclosure-levels');
    await context.close();
  });

  test('the buyer reads why proof of funds is asked (PIPL Art. 30) and uploads it', async () => {
    await buyer.goto(`${j.server.url}/account/inquiries/${inquiryId}`);
    await buyer.locator('[data-testid="step-proof-title"][data-status="process"]').waitFor();
    assert.match(await buyer.getByTestId('proof-notice').innerText(), /第三十条/);
    await buyer.getByTestId('proof-file').setInputFiles({ name: 'deposit.png', mimeType: 'image/png', buffer: PNG });
    // Once sent, the step says it waits for the adviser, and offers no second upload.
    await buyer.getByTestId('proof-upload').waitFor({ state: 'detached' });
    assert.match(await buyer.getByTestId('inquiry-steps').innerText(), /资金证明已提交，等待顾问审核。/);
    await shoot(buyer, 'inquiry-detail-proof', () => buyer.getByTestId('inquiry-steps').waitFor());
  });

  test('the broker cannot approve yet and is told, in words, what is missing', async () => {
    await broker.goto(`${j.server.url}/console/inquiries`);
    const card = broker.getByTestId('broker-request').filter({ hasText: listing.code });
    await card.waitFor();
    alias = (await card.getAttribute('data-buyer-alias')) ?? '';
    assert.match(alias, /^B-[0-9A-Z]{6}$/);
    await card.getByTestId('approve-L1').click();
    const missing = card.getByTestId('approval-missing');
    await missing.waitFor();
    // The seller has neither accepted the request nor consented (consenting accepts it); the proof is not reviewed.
    const codes = () => missing.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-missing')));
    assert.deepEqual(await codes(), ['inquiry_not_accepted', 'proof_of_funds', 'seller_consent']);
    assert.match(await missing.innerText(), /卖方尚未单独同意/);
    await shoot(broker, 'console-inquiries-missing', () => card.getByTestId('approval-missing').waitFor());
  });

  test('the broker opens the proof of funds in the page (after the step-up a fresh sign-in gives) and approves it', async () => {
    const card = broker.getByTestId('broker-request').filter({ hasText: listing.code });
    await card.getByTestId('proof-open').click();
    const doc = broker.locator('[data-testid="blob-document"][data-kind="image"]');
    await doc.waitFor();
    assert.match((await doc.getAttribute('src')) ?? '', /^blob:/, 'shown from a blob: URL the page made');
    await broker.screenshot({ path: join(SHOTS, 'console-proof-1440.png') });
    await broker.getByTestId('proof-approve').click();
    await card.locator('[data-precondition="proofOfFunds"][data-ok="true"]').waitFor();
  });

  test('the seller gives the separate consent naming the buyer, reading the alias, the purpose and what opens', async () => {
    await seller.goto(`${j.server.url}/account/buyer-requests`);
    const card = seller.locator(`[data-testid="buyer-request"][data-buyer-alias="${alias}"]`);
    await card.waitFor();
    assert.doesNotMatch(await card.innerText(), /C-200001|欧阳/, 'the buyer by alias only');
    await shoot(seller, 'buyer-requests', () => card.waitFor());
    await card.getByTestId('seller-consent-L1').click();
    const statement = seller.getByTestId('consent-statement');
    await statement.waitFor();
    const text = await statement.innerText();
    for (const part of [alias, '已实名认证', '向指定买方披露', '公司名称', '统一社会信用代码', '随时撤回'])
      assert.ok(text.includes(part), `the statement says ${part}`);
    await seller.screenshot({ path: join(SHOTS, 'seller-consent-dialog-1440.png') });
    await seller.getByTestId('consent-give').click();
    await card.locator('[data-testid="seller-consent-l1-state"][data-state="given"]').waitFor();
  });

  test('the broker approves L1 in 意向审核', async () => {
    await broker.reload();
    const card = broker.getByTestId('broker-request').filter({ hasText: listing.code });
    await card.locator('[data-testid="broker-level-L1"][data-state="requested"]').waitFor();
    await card.getByTestId('approve-L1').click();
    await card.locator('[data-testid="broker-level-L1"][data-state="approved"]').waitFor();
    await shoot(broker, 'console-inquiries', () => card.waitFor());
  });

  test("the buyer sees the company's name, with the expiry and the note that every view is recorded", async () => {
    await buyer.goto(`${j.server.url}/account/inquiries/${inquiryId}`);
    await buyer.getByTestId('open-company').click();
    await buyer.waitForURL(new RegExp(`/account/disclosures/${listing.id}$`));
    const name = buyer.getByTestId('company-name');
    await name.waitFor();
    assert.match(await name.innerText(), /有限公司$/);
    assert.match(await buyer.getByTestId('company-notice').innerText(), /每一次查看都会被记录/);
    await shoot(buyer, 'company-l1', () => buyer.getByTestId('company-name').waitFor());
  });

  test("the seller's 谁访问了我的数据 shows that view by the buyer's alias, with the NDA", async () => {
    await seller.goto(`${j.server.url}/account/access-log`);
    const line = seller.locator(`[data-testid="access-log-counterparty"][data-alias="${alias}"]`).first();
    await line.waitFor();
    const text = await line.innerText();
    assert.match(text, new RegExp(`买家 ${alias}（已签署保密协议）查看了 .*公司名称`));
    await shoot(seller, 'access-log-counterparty', () => line.waitFor());
  });

  test('the seller withdraws the consent from the control panel: everything for that buyer closes', async () => {
    await seller.goto(`${j.server.url}/account/listings/${listing.id}/access`);
    const row = seller.locator(`[data-testid="access-row"][data-buyer-alias="${alias}"]`);
    await row.locator('[data-testid="access-L1"][data-state="approved"]').waitFor();
    await shoot(seller, 'listing-access', () => row.waitFor());
    await row.getByTestId('panel-withdraw-consent').click();
    await seller.getByTestId('withdraw-consent-confirm').click();
    await row.getByTestId('access-consent-withdrawn').waitFor();
    assert.equal(await row.getByTestId('access-L1').getAttribute('data-state'), 'consent_withdrawn');
    await shoot(seller, 'listing-access-withdrawn', () => row.getByTestId('access-consent-withdrawn').waitFor());
  });

  test("the buyer's next load of the company page is refused, in words", async () => {
    await buyer.reload();
    const error = buyer.getByTestId('company-error');
    await error.waitFor();
    assert.match(await error.innerText(), new RegExp(ERROR_CODES.GRANT_NOT_ACTIVE['zh-CN']));
    assert.equal(await buyer.getByTestId('company-name').count(), 0);
    await buyer.goto(`${j.server.url}/account/inquiries/${inquiryId}`);
    await buyer.locator('[data-testid="step-sellerConsent-title"][data-status="error"]').waitFor();
    await shoot(buyer, 'inquiry-detail-withdrawn', () => buyer.getByTestId('inquiry-steps').waitFor());
  });

  test('notices reach both sides: the bell counts them and the list renders each kind in words', async () => {
    await seller.goto(`${j.server.url}/account/notifications`);
    await seller.locator('[data-testid="notification"][data-kind="inquiry_received"]').first().waitFor();
    assert.match(
      await seller.getByTestId('notification-list').innerText(),
      new RegExp(`挂牌 ${listing.code} 收到买家 ${alias} 的查看详情申请`),
    );
    assert.equal(
      await seller.getByTestId('channel-disclosure-sms').getAttribute('aria-checked'),
      'false',
      'text messages are off until turned on',
    );
    await shoot(seller, 'notifications', () => seller.getByTestId('notification-settings').waitFor());
    await seller.getByTestId('notifications-mark-all').click();
    await seller.locator('[data-testid="nav-notifications"][data-unread="0"]').waitFor();
    await broker.goto(`${j.server.url}/console/notifications`);
    await broker.locator('[data-testid="notification"][data-kind="inquiry_received"]').first().waitFor();
    await shoot(broker, 'console-notifications', () => broker.getByTestId('notification-list').waitFor());
  });

  test("the remaining pages fit a phone: 我的顾问, the broker's review drawer, the admin's advisers and NDA templates", async () => {
    await buyer.goto(`${j.server.url}/account/adviser`);
    assert.match(await buyer.getByTestId('my-adviser-staff-no').innerText(), /^S-\d+$/);
    await shoot(buyer, 'my-adviser', () => buyer.getByTestId('my-adviser').waitFor());

    await broker.goto(`${j.server.url}/console/listings/review`);
    await broker.getByTestId(`review-${listing.code}`).click();
    await broker.getByTestId('company-reveal-button').click();
    const stepUp = broker.getByTestId('step-up-modal');
    const revealed = broker.getByTestId('company-revealed');
    await Promise.race([revealed.waitFor(), stepUp.waitFor()]);
    assert.ok(await revealed.isVisible(), 'a fresh sign-in counts as a recent step-up');
    assert.match(await broker.getByTestId('revealed-company-name').innerText(), /有限公司$/);
    await shoot(broker, 'console-review-drawer', () => revealed.waitFor());

    const admin = await j.signIn('admin');
    await admin.goto(`${j.server.url}/console/advisers`);
    await admin.getByTestId('adviser-assignments').locator('tbody tr.ant-table-row').first().waitFor();
    await shoot(admin, 'console-advisers', () => admin.getByTestId('adviser-rules').waitFor());
    await admin.goto(`${j.server.url}/console/nda`);
    await admin.getByTestId('nda-templates').locator('tbody tr.ant-table-row').first().waitFor();
    await admin.getByTestId('nda-new-draft').click();
    await admin.getByTestId('nda-template-form').waitFor();
    await shoot(admin, 'console-nda', () => admin.getByTestId('nda-template-form').waitFor());
    await admin.context().close();
    for (const page of [buyer, seller, broker]) await page.context().close();
  });
});
