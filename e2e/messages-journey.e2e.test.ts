import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CSRF_COOKIE, CSRF_HEADER } from '@sealbridge/contracts';
import type { Page } from 'playwright-core';
import { SHOTS, signInThroughForm, useJourney } from './harness.ts';

const PHONE = '13900000000';

/** A state-changing API call from a signed-in page, with its CSRF token (as the web app's client sends it). */
async function post(page: Page, url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? '';
  const res = await page.request.post(url, { headers: { [CSRF_HEADER]: csrf }, data });
  assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Messages: the buyer asks about the demo seller's listing and talks to the broker; the number the buyer writes is
 * marked as hidden for the buyer and arrives masked at the broker — live, without a reload; a call-back request goes
 * to the broker's queue; on a phone the list and the thread are separate screens with no sideways scroll.
 */
describe('messages journey: buyer and broker talk, contacts masked, live updates', () => {
  const j = useJourney();
  let threadUrl = '';

  test('the buyer starts a conversation from an inquiry and sees that the number they wrote is hidden from the others, and why', async () => {
    const seller = await j.signIn('seller');
    const mine = (await (await seller.request.get(`${j.server.url}/api/seller/listings`)).json()) as {
      items: { code: string; status: string }[];
    };
    const listing = mine.items.find((l) => l.status === 'published');
    assert.ok(listing, 'the demo seller has a published listing');
    await seller.context().close();

    const buyer = await j.signIn('buyer');
    await post(buyer, `${j.server.url}/api/listings/${listing.code}/inquiries`, {
      buyerType: 'company',
      budgetBand: '100to300',
      timeline: '1to3m',
      note: '希望了解资质和纳税情况',
    });
    await buyer.getByTestId('nav-messages').click();
    await buyer.getByTestId('start-thread-button').click();
    await buyer.getByTestId('thread-view').waitFor();
    threadUrl = buyer.url();
    assert.match(threadUrl, /\/account\/messages\/[0-9a-f-]{36}$/);
    // Before L1 the buyer–seller conversation is closed and says why; the buyer's line to the broker is open.
    await buyer.getByTestId('lane-closed').waitFor();
    await buyer.getByTestId('composer-text').fill(`您好，想了解纳税情况，方便的话打我电话 ${PHONE}。`);
    await buyer.getByTestId('composer-send').click();
    await buyer.getByTestId('withheld-segment').filter({ hasText: PHONE }).waitFor();
    assert.match(await buyer.getByTestId('masking-note').first().innerText(), /已隐藏：手机号/);
    await buyer.screenshot({ path: join(SHOTS, 'messages-buyer-desktop.png'), fullPage: true });
    assert.equal(await overflow(buyer), 0);
    await buyer.context().close();
  });

  test('the broker reads it masked, and a new message arrives on the open page without a reload', async () => {
    const broker = await j.signIn('broker');
    await broker.goto(`${j.server.url}/console/messages`);
    await broker.getByTestId('thread-item').first().click();
    await broker.getByTestId('thread-view').waitFor();
    await broker.getByTestId('masked-segment').first().waitFor();
    assert.doesNotMatch(await broker.getByTestId('thread-view').innerText(), new RegExp(PHONE));
    assert.match(await broker.getByTestId('masked-segment').first().innerText(), /手机号已隐藏/);

    // The buyer writes again from another browser; the broker's page shows it through the live stream.
    const context = await j.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const buyer = await context.newPage();
    await signInThroughForm(buyer, j.server.url, 'buyer', 'Demo-2026!');
    await buyer.goto(threadUrl);
    await buyer.getByTestId('thread-view').waitFor();
    await buyer.getByTestId('composer-text').fill('补充一句：下午都方便。');
    await buyer.getByTestId('composer-send').click();
    await broker.getByTestId('message').filter({ hasText: '补充一句：下午都方便。' }).waitFor({ timeout: 10_000 });
    await broker.screenshot({ path: join(SHOTS, 'messages-broker-console.png'), fullPage: true });

    // Instead of exchanging numbers, the buyer asks the broker to arrange a call; it lands in the broker's queue.
    await buyer.getByTestId('callback-open').click();
    await buyer.getByTestId('callback-submit').click();
    await buyer.getByTestId('callback-pending').waitFor();
    await context.close();
    await broker.goto(`${j.server.url}/console/messages?tab=callbacks`);
    await broker.getByTestId('callback-done').first().click();
    await broker.getByTestId('callback-done').first().waitFor({ state: 'detached' });
    await broker.context().close();
  });

  test('on a phone the list and the thread are separate screens, with no sideways scroll', async () => {
    const context = await j.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await signInThroughForm(phone, j.server.url, 'buyer', 'Demo-2026!');
    await phone.goto(`${j.server.url}/account/messages`);
    await phone.getByTestId('thread-item').first().waitFor();
    assert.equal(await phone.getByTestId('thread-view').count(), 0);
    assert.equal(await overflow(phone), 0, 'the list fits 390 px');
    await phone.screenshot({ path: join(SHOTS, 'messages-phone-list.png'), fullPage: true });
    await phone.getByTestId('thread-item').first().click();
    await phone.getByTestId('thread-view').waitFor();
    assert.equal(await phone.getByTestId('thread-item').first().isVisible(), false, 'the list gives way to the thread');
    assert.equal(await overflow(phone), 0, 'the thread fits 390 px');
    await phone.screenshot({ path: join(SHOTS, 'messages-phone-thread.png'), fullPage: true });
    await phone.getByTestId('thread-back').click();
    await phone.getByTestId('thread-item').first().waitFor();
    await context.close();
  });
});
