import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SHOTS, useJourney } from './harness.ts';

/** The demo seller's mobile number (apps/api demo data). */
const SELLER_MOBILE = '13800000001';
const BROKER_STAFF_NO = 'S-1001';

/**
 * One access, followed from the three sides that must agree on it (DESIGN.md invariant 6): the broker who reads a
 * customer's mobile number, the customer who sees that access, and the auditor who finds it in an intact trail.
 * The tests run in order and share one server.
 */
describe('privacy journeys: an access to personal data is visible to the customer and the auditor', () => {
  const j = useJourney();

  const signIn = (loginName: string) => j.signIn(loginName);

  /** Picks an option of an antd Select by its visible text. */
  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-item-option:visible', { hasText: option }).click();
  }

  test('a broker looks up the seller by mobile number for deal execution and reveals the mobile number', async () => {
    const page = await signIn('broker');
    await page.goto(`${j.server.url}/console/customers/lookup`);
    await page.getByTestId('lookup-form').waitFor();
    await page.getByTestId('lookup-value').fill(SELLER_MOBILE);
    await choose(page, 'lookup-purpose', '交易撮合与履约');
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').first().waitFor();
    assert.equal(await page.getByTestId('lookup-result').count(), 1);
    assert.equal(await page.getByTestId('lookup-field-mobile').innerText(), '138****0001', 'masked by default');

    await page.getByTestId('lookup-reveal-mobile').click();
    await page.getByTestId('reveal-notice').waitFor();
    await page.getByTestId('reveal-confirm').click();
    const value = page.getByTestId('reveal-value-mobile');
    await value.waitFor();
    assert.equal(await value.getAttribute('data-state'), 'revealed');
    assert.match(await value.innerText(), new RegExp(SELLER_MOBILE));
    await page.screenshot({ path: join(SHOTS, 'privacy-broker-reveal.png') });
    await page.context().close();
  });

  test('the seller sees masked data, reveals a field, and finds the broker S-1001 reading 手机号码 in the access log', async () => {
    const page = await signIn('seller');
    await page.goto(`${j.server.url}/account/profile`);
    const mobile = page.getByTestId('profile-field-mobile');
    await mobile.waitFor();
    assert.equal(await mobile.getAttribute('data-state'), 'masked');
    assert.equal(await page.getByTestId('profile-field-email').getAttribute('data-state'), 'masked');

    await page.getByTestId('profile-reveal-email').click();
    await page.locator('[data-testid="profile-field-email"][data-state="revealed"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'privacy-seller-my-data.png'), fullPage: true });

    await page.getByTestId('profile-access-log-link').click();
    await page.getByTestId('access-log').waitFor();
    const reveal = page.locator('[data-testid="access-log-entry"][data-action="reveal"]');
    await reveal.first().waitFor();
    const text = await reveal.first().innerText();
    assert.match(text, new RegExp(BROKER_STAFF_NO));
    assert.match(text, /顾问/);
    assert.match(text, /手机号码/);
    assert.match(text, /交易撮合与履约/);
    assert.equal(await reveal.first().getAttribute('data-decision'), 'allowed');
    // The seller's own reveal is not an access "by anyone else".
    for (const entry of await page.getByTestId('access-log-entry').allInnerTexts()) {
      assert.match(entry, new RegExp(BROKER_STAFF_NO), 'only the broker accessed the seller’s data');
    }
    await page.screenshot({ path: join(SHOTS, 'privacy-seller-access-log.png'), fullPage: true });
    await page.context().close();
  });

  test('the auditor sees the trail intact and finds the broker’s reveal by searching for the seller’s mobile number', async () => {
    const page = await signIn('auditor');
    await page.goto(`${j.server.url}/console/audit/integrity`);
    const status = page.getByTestId('audit-integrity-status');
    await status.waitFor();
    assert.equal(await status.innerText(), '完整');
    assert.equal(await status.getAttribute('data-ok'), 'true');
    await page.getByTestId('audit-checkpoint-note').waitFor();
    await page.screenshot({ path: join(SHOTS, 'privacy-auditor-integrity.png'), fullPage: true });

    await page.goto(`${j.server.url}/console/audit/log`);
    await page.getByTestId('audit-search-form').waitFor();
    await page.getByTestId('audit-subject').fill(SELLER_MOBILE);
    await choose(page, 'audit-action', '查看原文');
    await page.getByTestId('audit-submit').click();
    const rows = page.locator('[data-testid="audit-row"][data-type="vault.fields_revealed"]');
    await rows.first().waitFor();
    // Only reveals of the seller's data are listed.
    for (const type of await page.getByTestId('audit-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))) {
      assert.equal(type, 'vault.fields_revealed');
    }
    const broker = rows.filter({ hasText: BROKER_STAFF_NO });
    assert.equal(await broker.count(), 1);
    const text = await broker.innerText();
    assert.match(text, /查看个人信息原文/);
    assert.match(text, /手机号码/);
    assert.match(text, /交易撮合与履约/);
    assert.match(text, /已允许/);
    await page.screenshot({ path: join(SHOTS, 'privacy-auditor-search.png'), fullPage: true });

    await broker.click();
    await page.getByTestId('audit-record-data').waitFor();
    assert.match(await page.getByTestId('audit-record').innerText(), /account_profiles\.mobile/);
    await page.screenshot({ path: join(SHOTS, 'privacy-auditor-record.png') });
    await page.context().close();
  });

  test('the auditor exports today’s records as CSV, and the file holds the broker’s reveal', async () => {
    const page = await signIn('auditor');
    await page.goto(`${j.server.url}/console/audit/export`);
    await page.getByTestId('audit-export-form').waitFor();
    await page.getByTestId('audit-export-range').first().click();
    const today = page.locator('.ant-picker-cell-today:visible').first();
    await today.click();
    await today.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-submit').click()]);
    assert.match(download.suggestedFilename(), /^sealbridge-audit-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(csv, /^seq,at,type/);
    assert.match(csv, /vault\.fields_revealed,reveal,allowed,[^,]*,broker,S-1001,deal_execution/);
    assert.doesNotMatch(csv, new RegExp(SELLER_MOBILE), 'the export names fields, never their values');
    await page.getByTestId('audit-export-done').waitFor();
    await page.context().close();
  });
});
