import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SHOTS, useJourney } from './harness.ts';

/** A JSON call from a signed-in page's own context (its cookies and CSRF token), as the page's scripts make it. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'sb_csrf')?.value ?? '';
  const res = await page.request.fetch(`${new URL(page.url()).origin}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(body === undefined ? {} : { data: body }),
  });
  assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // The layout answers a resize a render later (the menu collapses, tables turn into cards): give it up to 3 s to
    // settle, then the page must not scroll sideways.
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, undefined, { timeout: 3000 })
      .catch(() => undefined);
    assert.ok(await fitsWidth(page), `${name} scrolls sideways at ${width}px`);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

describe('dispute journey: a buyer opens a dispute, the broker mediates, both parties see the outcome', () => {
  const j = useJourney();

  test('opened by the buyer, mediated and closed by the broker, the outcome seen by buyer and seller', async () => {
    const [buyer, seller, broker] = [await j.signIn('buyer'), await j.signIn('seller'), await j.signIn('broker')];
    const mine = await api<{ items: { code: string; status: string }[] }>(seller, 'GET', '/api/seller/listings');
    const code = mine.items.find((l) => l.status === 'published')?.code ?? '';
    await api(buyer, 'POST', `/api/listings/${code}/inquiries`, {
      buyerType: 'company',
      budgetBand: '100to300',
      timeline: '1to3m',
      note: '希望了解资质和纳税情况',
    });

    await buyer.goto(`${j.server.url}/account/disputes`);
    await buyer.getByTestId('dispute-listing').fill(code);
    await buyer.getByTestId('dispute-summary').fill('卖方在批准前要求线下沟通，资料与挂牌描述不符。');
    await buyer.getByTestId('dispute-open').click();
    await buyer.getByTestId('dispute-D-100001').waitFor();
    await shoot(buyer, 'disputes-buyer-open');

    await broker.goto(`${j.server.url}/console/mediation`);
    const card = broker.getByTestId('dispute-D-100001');
    await card.getByTestId('session-notes').fill('第一次调解：卖方同意通过平台资料室补充资料。');
    await card.getByTestId('session-save').click();
    await card.getByText('第一次调解').waitFor();
    await card.getByTestId('dispute-outcome-input').fill('卖方七日内在资料室补充资料，买方撤回投诉。');
    await card.getByTestId('dispute-close').click();
    await card.getByTestId('dispute-outcome').waitFor();
    await shoot(broker, 'mediation-broker');

    for (const [who, page] of [
      ['buyer', buyer],
      ['seller', seller],
    ] as const) {
      await page.goto(`${j.server.url}/account/disputes`);
      const outcome = page.getByTestId('dispute-D-100001').getByTestId('dispute-outcome');
      await outcome.waitFor();
      assert.match(await outcome.innerText(), /卖方七日内在资料室补充资料/, `${who} sees the outcome`);
      assert.equal(await page.getByTestId('dispute-D-100001').getByTestId('dispute-status').innerText(), '已解决');
    }
    await shoot(seller, 'disputes-seller-outcome');

    await broker.goto(`${j.server.url}/console/my/training`);
    await broker.getByTestId('conduct').waitFor();
    await shoot(broker, 'training-modules');
  });
});
