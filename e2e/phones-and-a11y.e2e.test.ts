import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { SHOTS, signInThroughForm, useJourney } from './harness.ts';

/**
 * Issue 16: every page of every role at phone widths (360 × 740, and WeChat's 390 × 844) — no sideways scroll and
 * every main-navigation item reachable —, axe-core clean on the public pages, and no console error on them.
 */
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ROLES = ['seller', 'buyer', 'admin', 'broker', 'privacy', 'security', 'auditor'] as const;
const STAFF = new Set<string>(['admin', 'broker', 'privacy', 'security', 'auditor']);

/**
 * Waits until the page shows its content: the document has loaded, something is in the content area and no spinner
 * or skeleton is left (instead of `networkidle`, which waits out 500 ms of quiet on every call).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(
    () => document.querySelector('#root > *') !== null && document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null,
    undefined,
    { timeout: 10_000, polling: 50 },
  );
}

/** How far the page scrolls sideways beyond the viewport (0 when it does not). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

/** The element making the page wider than the viewport, for a readable failure. */
async function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 1));
    return wide
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${(el.textContent ?? '').slice(0, 30)}"`)
      .join(' | ');
  });
}

async function assertFits(page: Page, what: string): Promise<void> {
  await settle(page);
  const extra = await overflow(page);
  if (extra > 0) {
    await page.screenshot({ path: join(SHOTS, `overflow-${what.replace(/[^a-z0-9]+/gi, '_')}.png`) });
    assert.fail(`${what}: ${extra}px of sideways scroll — ${await widest(page)}`);
  }
}

/** Inside the viewport horizontally and visible: a thumb can reach it without scrolling sideways. */
async function assertReachable(page: Page, selector: string, what: string): Promise<void> {
  const element = page.locator(selector).first();
  await element.waitFor({ state: 'visible', timeout: 5000 });
  const width = page.viewportSize()?.width ?? 0;
  // A drawer slides in: give its animation a moment before judging where the item ends up.
  const deadline = Date.now() + 3000;
  for (;;) {
    const box = await element.boundingBox();
    if (box && box.x >= 0 && box.x + box.width <= width + 1) return;
    if (Date.now() > deadline) assert.fail(`${what} is outside the ${width}px viewport`);
    await page.waitForTimeout(100);
  }
}

type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] };

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`,
  );
}

/** The public pages, the listing page of the first published teaser included. */
async function publicPages(baseUrl: string): Promise<string[]> {
  const search = (await (await fetch(`${baseUrl}/api/listings?pageSize=1`)).json()) as { items: { code: string }[] };
  const code = search.items[0]?.code;
  assert.ok(code, 'the demo has a published listing');
  return ['/', '/listings', `/listings/${code}`, '/privacy', '/login', '/register', '/login/reset', '/no-such-page'];
}

async function phoneContext(journey: ReturnType<typeof useJourney>): Promise<BrowserContext> {
  // bypassCSP: axe-core is injected as a script tag, which the app's CSP (script-src 'self') would refuse.
  return journey.browser.newContext({ viewport: PHONES[0], locale: 'zh-CN', bypassCSP: true, isMobile: true, hasTouch: true });
}

describe('the web app on phones, for every role', () => {
  const journey = useJourney();

  test('an anonymous visitor sees every public page without sideways scroll, console errors or axe violations', async () => {
    const context = await phoneContext(journey);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    const problems: string[] = [];
    for (const path of await publicPages(journey.server.url)) {
      // One visit per page; both phone widths by resizing it.
      await page.setViewportSize(PHONES[0]);
      await page.goto(`${journey.server.url}${path}`);
      for (const viewport of PHONES) {
        await page.setViewportSize(viewport);
        await assertFits(page, `anonymous ${path} at ${viewport.width}`);
        for (const href of ['/', '/listings', '/privacy']) {
          await assertReachable(page, `header nav a[href="${href}"]`, `the main navigation's ${href}`);
        }
        await assertReachable(page, 'header a[href="/login"]', 'the sign-in link');
      }
      for (const violation of await axeViolations(page)) problems.push(`${path}: ${violation}`);
    }
    await context.close();
    assert.deepEqual(errors, [], 'no console error on anonymous pages');
    assert.deepEqual(problems, [], 'axe-core finds no violation');
  });

  test('the public pages show their content before any script runs, fit a phone and pass axe', async () => {
    // Scripts off: exactly what a phone shows while the SPA is not loaded yet (and what Lighthouse measures).
    const context = await journey.browser.newContext({ viewport: PHONES[0], locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    const [home, listings, listing, privacy] = (await publicPages(journey.server.url)).slice(0, 4);
    const expectations: [string | undefined, string][] = [
      [home, '[data-listing-code] h3 a'],
      [listings, '[data-listing-code] h3 a'],
      [listing, 'article[data-listing-code] h1'],
      [privacy, '#principles li'],
    ];
    for (const [path, content] of expectations) {
      await page.setViewportSize(PHONES[0]);
      await page.goto(`${journey.server.url}${path}`);
      assert.ok((await page.locator(content).count()) > 0, `${path} shows ${content} without scripts`);
      for (const viewport of PHONES) {
        await page.setViewportSize(viewport);
        const extra = await overflow(page);
        assert.ok(extra <= 0, `server-rendered ${path} at ${viewport.width}: ${extra}px of sideways scroll — ${await widest(page)}`);
        for (const href of ['/', '/listings', '/privacy', '/login']) {
          await assertReachable(page, `header a[href="${href}"]`, `server-rendered ${path}: ${href}`);
        }
      }
    }
    await context.close();
    // axe needs scripts: the same pages with scripts on, before any interaction starts the SPA.
    const axeContext = await journey.browser.newContext({ viewport: PHONES[0], locale: 'zh-CN', bypassCSP: true });
    const axePage = await axeContext.newPage();
    for (const [path] of expectations) {
      await axePage.route('**/assets/index-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      await axePage.goto(`${journey.server.url}${path}`);
      assert.equal(await axePage.locator('#root[data-prerendered] .sb-pre').count(), 1, `${path} is the server-rendered page`);
      for (const violation of await axeViolations(axePage)) problems.push(`server-rendered ${path}: ${violation}`);
    }
    await axeContext.close();
    assert.deepEqual(problems, [], 'axe-core finds no violation on the server-rendered pages');
  });

  for (const role of ROLES) {
    test(`${role}: every page in the navigation fits at 360 and 390 px and is reachable from the menu`, async () => {
      const context = await phoneContext(journey);
      const page = await context.newPage();
      await signInThroughForm(page, journey.server.url, role, 'Demo-2026!');
      const staff = STAFF.has(role);
      if (staff) await page.goto(`${journey.server.url}/console`);
      const open = async () => {
        if (staff) {
          const toggle = page.getByTestId('console-menu-toggle');
          if ((await page.locator('.sb-console-sider.ant-layout-sider-collapsed').count()) > 0) await toggle.click();
        } else {
          await page.getByTestId('nav-menu').click();
        }
        await page
          .locator(staff ? '.sb-console-sider .ant-menu-item' : '[data-testid^="menu-"]')
          .first()
          .waitFor();
      };
      await settle(page);
      await open();
      const items = staff
        ? await page
            .locator('.sb-console-sider .ant-menu-item')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-menu-id') ?? ''))
        : await page
            .locator('[data-testid^="menu-"]')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? '').filter((id) => id !== 'menu-logout'));
      assert.ok(items.length >= 3, `${role} has a menu (${items.length} items)`);
      await page.keyboard.press('Escape');
      if (!staff) await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
      const selectorOf = (index: number) =>
        staff ? `.sb-console-sider .ant-menu-item >> nth=${index}` : `[data-testid="${items[index]}"]`;
      // Each page is visited once from the menu at 360 px, then measured again at 390 px by resizing it; the menu is
      // checked at 390 px too, every item inside the viewport.
      for (let index = 0; index < items.length; index += 1) {
        await page.setViewportSize(PHONES[0]);
        await settle(page);
        await open();
        await assertReachable(page, selectorOf(index), `${items[index] ?? ''} at ${PHONES[0].width}`);
        await page.locator(selectorOf(index)).click();
        // The drawer (or the console's sliding menu) closes after a choice; measure the page, not the animation.
        if (!staff) await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
        for (const viewport of PHONES) {
          await page.setViewportSize(viewport);
          await assertFits(page, `${role} ${new URL(page.url()).pathname} at ${viewport.width}`);
        }
        await open();
        await assertReachable(page, selectorOf(index), `${items[index] ?? ''} at ${PHONES[1].width}`);
        if (!staff) {
          await page.keyboard.press('Escape');
          await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
        }
      }
      await context.close();
    });
  }

  test('a buyer saves a listing: the ♥ stays on after a reload and the listing is on the 收藏与订阅 page', async () => {
    const page = await journey.signIn('buyer');
    const search = (await (await fetch(`${journey.server.url}/api/listings?pageSize=1`)).json()) as { items: { code: string }[] };
    const code = search.items[0]?.code ?? '';
    await page.goto(`${journey.server.url}/listings/${code}`);
    const favourite = page.getByTestId('favorite');
    await favourite.waitFor();
    const before = await favourite.innerText();
    await favourite.click();
    await page.waitForFunction((text) => document.querySelector('[data-testid="favorite"]')?.textContent !== text, before);
    const saved = await favourite.innerText();
    await page.reload();
    await page.waitForFunction((text) => document.querySelector('[data-testid="favorite"]')?.textContent === text, saved);
    await page.goto(`${journey.server.url}/account/watchlist`);
    await page.locator(`[data-testid="watchlist-page"] [data-listing-code="${code}"]`).waitFor();
    await page.context().close();
  });
});
