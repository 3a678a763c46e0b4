import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SHOTS, startServer, type RunningServer } from './harness.ts';

/**
 * Account security (issue 5), end to end: a customer sets up an authenticator app, signs in again with password +
 * TOTP, and ends another session from the device list. The e2e server keeps registration codes in its outbox
 * without revealing them, so the journey signs in as the demo buyer instead of registering; registration is covered
 * up to "code sent".
 *
 * NEEDS the identity part of issue 5 (session stages in /api/auth/login and /api/auth/me, the second-factor gate,
 * /api/me/sessions): until it lands, sign-in answers without `stage` and these tests fail at the first sign-in.
 */
const PASSWORD = 'Demo-2026!';
const PERIOD_MS = 30_000;

describe('account security: TOTP set-up, sign-in with a second factor, and ending a session', () => {
  let server: RunningServer;
  let browser: Browser;
  let secret = '';
  /** The TOTP time step of the last code used: a code is single use, so the next one must come from a later step. */
  let lastStep = 0;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    return { context, page: await context.newPage() };
  }

  async function enterPassword(page: Page, loginName: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.locator('#loginName').fill(loginName);
    await page.locator('#password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
  }

  /** A code of a time step later than the last one used (waits for the next 30-second step when needed). */
  async function freshCode(): Promise<string> {
    let step = Math.floor(Date.now() / PERIOD_MS);
    if (step <= lastStep) {
      await new Promise((resolve) => setTimeout(resolve, (lastStep + 1) * PERIOD_MS - Date.now() + 250));
      step = Math.floor(Date.now() / PERIOD_MS);
    }
    lastStep = step;
    return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  }

  test('a visitor reaches registration from the header and gets a code sent, with a resend countdown', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('nav-register').click();
    await page.getByTestId('register-form').waitFor();
    await page.getByTestId('register-address').fill('13900000077');
    await page.getByTestId('register-send-code').click();
    await page.getByTestId('register-code-sent').waitFor();
    assert.equal(await page.getByTestId('register-send-code').isDisabled(), true, 'resend waits for the countdown');
    assert.match(await page.getByTestId('register-send-code').innerText(), /\d+ 秒后可重新获取/);
    await page.getByTestId('register-password').fill('short');
    // The meter follows the input on the next render: wait for it rather than read it at once.
    await page.locator('[data-testid="password-strength"][data-level="tooShort"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'account-security-register.png'), fullPage: true });
    await context.close();
  });

  test('the buyer adds an authenticator app from the QR code’s secret and sees ten recovery codes once', async () => {
    const { context, page } = await newPage();
    await enterPassword(page, 'buyer');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByTestId('nav-security').click();
    await page.getByTestId('factors-panel').waitFor();
    assert.equal(await page.getByTestId('factors-requirement').getAttribute('data-requirement'), 'optional');
    await page.getByTestId('factor-add-totp').click();
    // A fresh sign-in counts as a recent authentication; should the server still ask, confirm with the password.
    const secretView = page.getByTestId('totp-secret');
    const stepUp = page.getByTestId('step-up-modal');
    await Promise.race([secretView.waitFor(), stepUp.waitFor()]);
    if (await stepUp.isVisible()) {
      await page.getByTestId('proof-password').fill(PASSWORD);
      await page.getByTestId('proof-submit').click();
    }
    await secretView.waitFor();
    await page.getByTestId('totp-qr').waitFor();
    secret = (await secretView.getAttribute('data-secret')) ?? '';
    assert.match(secret, /^[A-Z2-7]{16,}$/, 'a base32 secret is shown for manual entry');
    await page.screenshot({ path: join(SHOTS, 'account-security-totp.png'), fullPage: true });

    await page.getByTestId('totp-code').fill(await freshCode());
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    assert.equal(await page.getByTestId('recovery-code').count(), 10);
    assert.equal(await page.getByTestId('recovery-done').isDisabled(), true, 'closing needs the "saved" tick');
    await page.getByTestId('recovery-saved').click();
    await page.getByTestId('recovery-done').click();
    await page.locator('[data-testid="factor-row"][data-kind="totp"]').waitFor();
    await page.locator('[data-testid="recovery-remaining"][data-count="10"]').waitFor();

    // The recovery-code dialog must be gone (its closing animation would swallow the click).
    await page.getByTestId('recovery-codes').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await context.close();
  });

  test('signing in again asks for the second step; a TOTP code finishes it', async () => {
    const { context, page } = await newPage();
    await enterPassword(page, 'buyer');
    await page.getByTestId('second-step').waitFor();
    await page.screenshot({ path: join(SHOTS, 'account-security-second-step.png'), fullPage: true });

    // A pending session cannot open customer pages: it is sent back to the second step.
    await page.goto(`${server.url}/account/profile`);
    await page.getByTestId('second-step').waitFor();

    await page.getByTestId('proof-totp').fill('000000');
    await page.getByTestId('proof-submit').click();
    await page.getByTestId('proof-error').waitFor();

    await page.getByTestId('proof-totp').fill(await freshCode());
    await page.getByTestId('proof-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/account/profile'));
    await page.getByTestId('profile-field-mobile').waitFor();
    await context.close();
  });

  test('the device list marks this session and ends another one, which is then signed out', async () => {
    const mine = await newPage();
    await enterPassword(mine.page, 'buyer');
    await mine.page.getByTestId('second-step').waitFor();
    await mine.page.getByTestId('proof-totp').fill(await freshCode());
    await mine.page.getByTestId('proof-submit').click();
    await mine.page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // Another device: password only, still owing its second step.
    const other = await newPage();
    await enterPassword(other.page, 'buyer');
    await other.page.getByTestId('second-step').waitFor();

    await mine.page.goto(`${server.url}/account/sessions`);
    await mine.page.getByTestId('sessions-panel').waitFor();
    const current = mine.page.locator('[data-testid="session-row"][data-current="true"]');
    await current.waitFor();
    assert.equal(await current.count(), 1);
    const pending = mine.page.locator('[data-testid="session-row"][data-current="false"][data-stage="second_factor"]');
    assert.equal(await pending.count(), 1, 'the other device is listed, still owing its second step');
    await mine.page.screenshot({ path: join(SHOTS, 'account-security-sessions.png'), fullPage: true });

    await pending.getByTestId('session-end').click();
    await mine.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await mine.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="session-row"][data-stage="second_factor"]').length === 0,
    );
    assert.equal(await current.count(), 1, 'this session stays');

    // The ended session is gone: the other device is anonymous again and sees the password form.
    await other.page.reload();
    await other.page.getByTestId('login-submit').waitFor();
    assert.equal(await other.page.getByTestId('second-step').count(), 0);
    await mine.context.close();
    await other.context.close();
  });
});
