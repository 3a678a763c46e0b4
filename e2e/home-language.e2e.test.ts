import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoStaffCode, launchBrowser, SHOTS, startServer, type RunningServer } from './harness.ts';

describe('a visitor on the home page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('sees the marketplace in zh-CN with anonymized listing teasers', async () => {
    await page.goto(server.url);
    await page.getByTestId('home-hero').waitFor();
    await page.getByTestId('listing-card').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.title(), /[\u4e00-\u9fff]/);
    assert.match(await page.getByTestId('home-hero').innerText(), /[\u4e00-\u9fff]/);
    assert.ok((await page.getByTestId('listing-card').count()) >= 3);
    await page.screenshot({ path: join(SHOTS, 'home-zh-CN.png'), fullPage: true });
  });

  test('switches to English, and the choice survives a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const hero = await page.getByTestId('home-hero').innerText();
    assert.doesNotMatch(hero, /[\u4e00-\u9fff]{4,}/, 'the hero is no longer Chinese');
    await page.reload();
    await page.getByTestId('home-hero').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.screenshot({ path: join(SHOTS, 'home-en.png'), fullPage: true });
  });

  test('a failing API call shows the translated error for its code', async () => {
    await page.goto(`${server.url}/login`);
    await page.locator('#loginName').fill('broker');
    await page.locator('#password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /The sign-in name or password is incorrect\./);

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.locator('#password').fill('still-wrong');
    await page.getByTestId('login-submit').click();
    await page.getByText('登录名或密码不正确。').waitFor();
    await page.screenshot({ path: join(SHOTS, 'login-error-zh-CN.png') });
  });

  test('a broker signs in with the demo log-in and a TOTP code, and reaches the staff console', async () => {
    await page.locator('#loginName').fill('broker');
    await page.locator('#password').fill('Demo-2026!');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('second-step').waitFor();
    await page.screenshot({ path: join(SHOTS, 'second-step-zh-CN.png') });
    await page.getByTestId('proof-totp').fill(await demoStaffCode('broker'));
    await page.getByTestId('proof-submit').click();
    await page.getByTestId('console-user').waitFor();
    assert.match(page.url(), /\/console/);
    await page.screenshot({ path: join(SHOTS, 'console-zh-CN.png') });
  });
});
