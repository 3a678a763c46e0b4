import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, useJourney } from './harness.ts';

/** The demo seller's customer number and mobile number (apps/api demo data). */
const SELLER_NO = 'C-100001';
const JUSTIFICATION = '安全事件工单 SEC-2026-07：疑似账户被盗用，需核实客户联系方式以便冻结相关交易';

/**
 * Break-glass, end to end: the security officer (who normally sees metadata only) opens time-boxed access to one
 * customer with a justification and views a field; the privacy officer finds the alert and acknowledges it.
 */
describe('break-glass: a justified, time-boxed access that the privacy officer is alerted to', () => {
  const j = useJourney();

  const signIn = (loginName: string) => j.signIn(loginName);

  test('the security officer opens break-glass access to the seller and views the mobile number', async () => {
    const page = await signIn('security');
    await page.goto(`${j.server.url}/console/break-glass`);
    await page.getByTestId('break-glass-form').waitFor();
    await page.locator('#customerAccountNo').fill(SELLER_NO);
    await page.locator('#justification').fill(JUSTIFICATION);
    await page.getByTestId('break-glass-submit').click();
    await page.getByTestId('break-glass-row').first().waitFor();
    assert.equal(await page.getByTestId('break-glass-row').count(), 1);
    await page.getByTestId('break-glass-view').click();
    await page.locator('.ant-modal .ant-checkbox-wrapper', { hasText: '手机号码' }).click();
    await page.getByTestId('break-glass-reveal').click();
    await page.getByTestId('break-glass-value-mobile').waitFor();
    assert.match(await page.getByTestId('break-glass-value-mobile').innerText(), /13800000001/);
  });

  // The privacy officer's page, kept for the privacy program journeys below (one sign-in).
  let officer: Page | undefined;

  test('the privacy officer sees the alert with its justification and acknowledges it', async () => {
    const page = await signIn('privacy');
    officer = page;
    await page.goto(`${j.server.url}/console/break-glass/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    assert.match(await page.getByTestId('alert-row').first().innerText(), /SEC-2026-07/);
    await page.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-acknowledged').waitFor();
  });

  // The privacy program's console page (issue 19): a module's pass mark, a violation (违规处理), a phone.
  test('the privacy officer raises a module pass mark and the list shows the new revision', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = officer ?? (await signIn('privacy'));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${j.server.url}/console/program`);
    await page.getByTestId('open-transfer-fraud').waitFor();
    const before = await page.getByTestId('revision-transfer-fraud').innerText();
    const revision = Number(/\d+/.exec(before)?.[0]);
    await page.getByTestId('open-transfer-fraud').click();
    await page.getByTestId('module-editor').waitFor();
    await page.locator('#passMark').fill('80');
    await page.getByTestId('module-save').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('module-saved').waitFor();
    assert.match(await page.getByTestId('module-saved').innerText(), new RegExp(`第 ${revision + 1} 版`));
    await page.getByRole('button', { name: '返回模块列表' }).click();
    await page.getByTestId('open-transfer-fraud').waitFor();
    assert.match(await page.getByTestId('revision-transfer-fraud').innerText(), new RegExp(`第 ${revision + 1} 版`));
    assert.match(await page.getByTestId('module-list').innerText(), /80%/);
  });

  test('the privacy officer records a violation against the broker and reads its details', async () => {
    const page = officer ?? (await signIn('privacy'));
    await page.goto(`${j.server.url}/console/program?tab=violations`);
    await page.getByTestId('violation-form').waitFor();
    await page.locator('#staffAccountId').click();
    await page.locator('.ant-select-item-option', { hasText: 'S-1001' }).click();
    await page.locator('#description').fill('在无工作需要时多次查询同一客户的联系方式');
    await page.locator('#auditSeqs').fill('1');
    await page.locator('#auditSeqs').press('Enter');
    await page.locator('#decision').click();
    await page.locator('.ant-select-item-option', { hasText: '重新培训' }).click();
    await page.getByTestId('violation-submit').click();
    await page.getByTestId('violation-details').first().waitFor();
    assert.match(await page.getByTestId('violation-list').innerText(), /S-1001[\s\S]*重新培训[\s\S]*#1/);
    await page.getByTestId('violation-details').first().click();
    assert.match(await page.getByTestId('violation-detail').innerText(), /多次查询同一客户/);
    await page.keyboard.press('Escape');
  });

  test('the violations tab fits a 390 px phone without sideways scroll (its table becomes cards)', async () => {
    const page = officer ?? (await signIn('privacy'));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('violation-details').first().waitFor();
    assert.equal(await page.locator('.sb-table-cards').count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    await page.screenshot({ path: join(SHOTS, 'program-violations-390.png'), fullPage: true });
  });
});
