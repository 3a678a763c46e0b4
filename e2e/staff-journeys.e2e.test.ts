import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, type RunningServer, signInThroughForm, startServer } from './harness.ts';

/** The demo seller's customer number and mobile number (apps/api demo data). */
const SELLER_NO = 'C-100001';
const JUSTIFICATION = '安全事件工单 SEC-2026-07：疑似账户被盗用，需核实客户联系方式以便冻结相关交易';

/**
 * Break-glass, end to end: the security officer (who normally sees metadata only) opens time-boxed access to one
 * customer with a justification and views a field; the privacy officer finds the alert and acknowledges it.
 */
describe('break-glass: a justified, time-boxed access that the privacy officer is alerted to', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(loginName: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInThroughForm(page, server.url, loginName, 'Demo-2026!');
    return page;
  }

  test('the security officer opens break-glass access to the seller and views the mobile number', async () => {
    const page = await signIn('security');
    await page.goto(`${server.url}/console/break-glass`);
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

  test('the privacy officer sees the alert with its justification and acknowledges it', async () => {
    const page = await signIn('privacy');
    await page.goto(`${server.url}/console/break-glass/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    assert.match(await page.getByTestId('alert-row').first().innerText(), /SEC-2026-07/);
    await page.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-acknowledged').waitFor();
  });
});
