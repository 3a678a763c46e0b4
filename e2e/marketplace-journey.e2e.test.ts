import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detect } from '@sealbridge/cn-identifiers';
import type { Page } from 'playwright-core';
import { SHOTS, useJourney } from './harness.ts';

const COMPANY = '上海澄明数据服务有限公司';
const TITLE = '上海云数据服务公司整体转让，账务清晰';
const PHONE = '13912345678';

/** A GB 32100 credit code with a valid check character (synthetic). */
function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = '91310104MA1E2E3F4';
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * (weights[i] ?? 0), 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/**
 * The marketplace from both sides: a seller's draft with a phone number is refused and fixed, the broker approves
 * it, and a visitor finds it by its filters and sees only the teaser. The tests run in order on one server.
 */
describe('marketplace journey: draft → guard → review → public teaser', () => {
  const j = useJourney();

  const signIn = (loginName: string) => j.signIn(loginName);

  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  }

  let listingCode = '';

  test('a seller drafts a listing with a phone number in the description and is refused, with the finding pointed at', async () => {
    const page = await signIn('seller');
    await page.goto(`${j.server.url}/account/listings/new`);
    await page.getByTestId('listing-form').waitFor();
    await page.getByTestId('f-companyName').fill(COMPANY);
    await page.getByTestId('f-creditCode').fill(creditCode());
    await page.getByTestId('f-legalRepresentative').fill('林演示');
    await page.getByTestId('f-shareholders').fill('林演示');
    await page.getByTestId('f-title').fill(TITLE);
    await page.getByTestId('f-description').fill(`数据中心运维服务，客户稳定。详情致电${PHONE}`);
    await page.getByTestId('f-city').click();
    await page.locator('.ant-cascader-menu-item:visible', { hasText: '上海市' }).first().click();
    await page.locator('.ant-cascader-menu:visible').nth(1).locator('.ant-cascader-menu-item', { hasText: '上海市' }).click();
    await choose(page, 'f-district', '徐汇区');
    await choose(page, 'f-industry', '信息技术');
    await page.getByTestId('f-establishedOn').fill('2017-04-18');
    await page.getByTestId('f-registeredCapital').fill('300');
    await page.getByTestId('save-listing').click();
    const findings = page.getByTestId('guard-findings');
    await findings.waitFor();
    const item = findings.locator('[data-finding-kind="mobile"]');
    assert.equal(await item.getAttribute('data-finding-field'), 'description');
    assert.doesNotMatch(await findings.innerText(), new RegExp(PHONE), 'the finding points at the number, it does not repeat it');
    await page.screenshot({ path: join(SHOTS, 'market-guard-refusal.png'), fullPage: true });

    await page.getByTestId('f-description').fill('数据中心运维服务，客户稳定，账务清晰。');
    await page.getByTestId('save-listing').click();
    await page.waitForURL(/\/account\/listings\/[^/]+$/);
    await page.getByTestId('submit-listing').click();
    await page.locator('[data-testid="owner-status"][data-status="submitted"]').waitFor();
    await page.context().close();
  });

  test('the broker approves it with the full checklist', async () => {
    const page = await signIn('broker');
    await page.goto(`${j.server.url}/console/listings/review`);
    const row = page.locator('[data-testid="review-queue"] tr', { hasText: TITLE });
    await row.waitFor();
    await row.getByRole('button').click();
    await page.getByTestId('review-form').waitFor();
    // The registry item is ticked only after the company was opened for the check (audited; a fresh sign-in counts
    // as the recent step-up it needs).
    assert.equal(await page.getByTestId('check-registry_checked').isDisabled(), true);
    await page.getByTestId('company-reveal-button').click();
    assert.equal(await page.getByTestId('revealed-company-name').innerText(), COMPANY);
    for (const item of ['identity_checked', 'registry_checked', 'teaser_anonymous', 'red_flags_disclosed', 'price_reasonable']) {
      await page.getByTestId(`check-${item}`).check();
    }
    await page.getByTestId('approve').click();
    await page.locator('.ant-drawer [data-testid="owner-status"][data-status="published"]').waitFor();
    listingCode = (await page.locator('.ant-drawer .ant-tag', { hasText: '挂牌编号' }).first().innerText())
      .replace(/^挂牌编号\s*/, '')
      .trim();
    assert.match(listingCode, /^SB-/);
    await page.context().close();
  });

  test('a visitor finds it by keyword and region and sees only the teaser', async () => {
    const context = await j.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${j.server.url}/listings?cityCode=3101&industry=${encodeURIComponent('信息技术')}`);
    await page.getByTestId('filter-q').locator('input').fill('云数据服务');
    await page.getByTestId('filter-apply').click();
    const card = page.locator(`[data-testid="listing-card"][data-listing-code="${listingCode}"]`);
    await page.waitForURL(/q=.*cityCode=3101|cityCode=3101.*q=/);
    await card.waitFor();
    await page.locator('.sb-listing-grid:not(.is-reloading)').waitFor();
    // The grid may still show the previous page's cards for a moment: wait until it shows this search's results.
    await page
      .waitForFunction(
        () => [...document.querySelectorAll('[data-testid="listing-card"] h3')].every((h) => h.textContent?.includes('云数据服务')),
        undefined,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const titles = await page.locator('[data-testid="listing-card"] h3').allInnerTexts();
    assert.ok(
      titles.every((t) => t.includes('云数据服务')),
      titles.join(' | '),
    );
    await card.getByRole('link').click();
    await page.getByTestId('teaser-detail').waitFor();
    assert.equal(await page.title(), `${TITLE} — 封桥 Sealbridge`);
    const html = await page.content();
    for (const secret of [COMPANY, '澄明', creditCode(), '林演示', PHONE, '2017-04-18', '徐汇区']) {
      assert.ok(!html.includes(secret), `the public page shows ${secret}`);
    }
    assert.match(await page.getByTestId('teaser-detail').innerText(), /5–10年/);
    await page.screenshot({ path: join(SHOTS, 'market-public-teaser.png'), fullPage: true });
    await context.close();
  });

  test('no rendered public page over the demo data shows an identifier or a company name', async () => {
    const context = await j.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const names = [
      COMPANY,
      '上海云启信息科技有限公司',
      '杭州澄远商贸有限公司',
      '成都蓉川人力资源管理有限公司',
      '陈演示',
      '周样本',
      '王示范',
    ];
    const check = async (what: string) => {
      const text = await page.locator('body').innerText();
      const html = await page.content();
      // The platform's own published contact (privacy@sealbridge.example, in the footer) is not personal data.
      const found = detect(text).filter((f) => !(f.type === 'email' && f.value.endsWith('@sealbridge.example')));
      assert.deepEqual(
        found.map((f) => f.type),
        [],
        `${what} shows an identifier`,
      );
      for (const name of names) assert.ok(!html.includes(name), `${what} shows ${name}`);
    };
    await page.goto(`${j.server.url}/`);
    await page.getByTestId('listing-card').first().waitFor();
    await check('home');
    await page.goto(`${j.server.url}/listings?pageSize=48`);
    await page.getByTestId('listing-card').first().waitFor();
    await check('listings');
    const codes = await page
      .getByTestId('listing-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-listing-code') ?? ''));
    assert.ok(codes.length >= 30);
    for (const code of codes) {
      await page.goto(`${j.server.url}/listings/${code}`);
      await page.getByTestId('teaser-detail').waitFor();
      await check(code);
    }
    await context.close();
  });
});
