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
/** Signed-in pages are also checked by axe at desktop width, in the same visit (the page is resized). */
const DESKTOP = { width: 1440, height: 900 } as const;
/** Set to a directory to keep a screenshot of every signed-in page at 390 and 1440 px (for looking at them). */
const WALK_SHOTS = process.env.A11Y_SHOTS;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ROLES = ['seller', 'buyer', 'admin', 'broker', 'privacy', 'security', 'auditor'] as const;
const STAFF = new Set<string>(['admin', 'broker', 'privacy', 'security', 'auditor']);

/**
 * Waits until the page shows its content: the document has loaded, something is in the content area, the page on
 * screen is the one in the address bar (the layouts' `data-path`: a navigation keeps the previous page until the
 * next one's code has loaded) and no spinner or skeleton is left (instead of `networkidle`, which waits out 500 ms
 * of quiet on every call).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(
    () =>
      document.querySelector('#root > *') !== null &&
      (document.querySelector('[data-path]')?.getAttribute('data-path') ?? location.pathname) === location.pathname &&
      document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null &&
      // No drawer, mask, menu or tooltip half-way through its animation (a fading mask or menu makes colours look
      // paler to axe): no running CSS transition, and no rc-motion class left.
      !document.getAnimations().some((animation) => animation instanceof CSSTransition) &&
      ![...document.querySelectorAll('[class*="-leave"], [class*="-enter"], [class*="-appear"]')].some((el) =>
        /(^|\s)[\w-]+-(leave|enter|appear)(-active|-prepare|-start)?(\s|$)/.test(el.getAttribute('class') ?? ''),
      ),
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
  // A single-page app keeps the injected script across its own navigations: inject it once per document.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Only violations are reported; skipping the details of passes and incomplete checks makes a run faster.
      resultTypes: ['violations'],
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
    // The filters' bottom sheet on /listings: named once (its title, not the panel's own heading again), and axe-clean.
    await page.goto(`${journey.server.url}/listings`);
    await page.getByTestId('filters-open').click();
    await page.locator('.sb-filter-sheet [data-testid="filter-panel"]').waitFor();
    await settle(page);
    const titles = await page
      .locator('.sb-filter-sheet')
      .evaluate((sheet) => [...sheet.querySelectorAll('.ant-drawer-title, h1, h2, h3')].map((el) => el.textContent?.trim()));
    assert.equal(titles.length, 1, `the filters sheet shows one title, not ${JSON.stringify(titles)}`);
    for (const violation of await axeViolations(page)) problems.push(`/listings filters sheet: ${violation}`);
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
    test(`${role}: every page in the navigation fits at 360 and 390 px, is reachable from the menu, passes axe at 390 and 1440 px and logs no console error`, async () => {
      const context = await phoneContext(journey);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const problems: string[] = [];
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
      const selectorOf = (index: number) =>
        staff ? `.sb-console-sider .ant-menu-item >> nth=${index}` : `[data-testid="${items[index]}"]`;
      // The menu is the same on every page: every item inside the viewport at 390 px, checked once, with it open.
      await page.setViewportSize(PHONES[1]);
      for (let index = 0; index < items.length; index += 1) {
        await assertReachable(page, selectorOf(index), `${items[index] ?? ''} at ${PHONES[1].width}`);
      }
      await page.setViewportSize(PHONES[0]);
      if (!staff) {
        await page.keyboard.press('Escape');
        await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
      }
      // Each page is visited once from the menu at 360 px (every item reachable there), then measured at 390 px and
      // checked by axe at 390 and 1440 px by resizing it.
      for (let index = 0; index < items.length; index += 1) {
        await settle(page);
        await open();
        await assertReachable(page, selectorOf(index), `${items[index] ?? ''} at ${PHONES[0].width}`);
        await page.locator(selectorOf(index)).click();
        // The pointer would otherwise rest over whatever the page puts where the menu item was (hover colours).
        await page.mouse.move(0, 0);
        // The drawer (or the console's sliding menu) closes after a choice; measure the page, not the animation.
        if (!staff) await page.getByTestId('menu-logout').waitFor({ state: 'hidden' });
        const path = new URL(page.url()).pathname;
        for (const viewport of PHONES) {
          await page.setViewportSize(viewport);
          await assertFits(page, `${role} ${path} at ${viewport.width}`);
        }
        // axe at 390 px (the phone layout) and at 1440 px (the desktop layout), in this same visit.
        const shot = `${role}${path.replace(/[^a-z0-9]+/gi, '_')}`;
        for (const viewport of [PHONES[1], DESKTOP]) {
          if (viewport !== PHONES[1]) {
            await page.setViewportSize(viewport);
            // The console's menu unfolds once the layout has noticed the width, and its labels fade in a frame or two
            // later: wait for the unfolded menu and two frames, so settle() sees the fade that is about to start.
            if (staff) await page.locator('.sb-console-sider:not(.ant-layout-sider-collapsed)').waitFor({ state: 'attached' });
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
            await settle(page);
          }
          for (const violation of await axeViolations(page)) problems.push(`${path} at ${viewport.width}: ${violation}`);
          if (WALK_SHOTS) await page.screenshot({ path: join(WALK_SHOTS, `${shot}-${viewport.width}.png`), fullPage: true });
        }
        await page.setViewportSize(PHONES[0]);
        // Back at phone width the console's menu folds away once the layout has noticed the width; wait for that
        // before the next opening, or it folds the menu just opened.
        if (staff) await page.locator('.sb-console-sider.is-phone.ant-layout-sider-collapsed').waitFor({ state: 'attached' });
      }
      await context.close();
      assert.deepEqual(problems, [], `axe-core finds no violation on ${role}'s pages`);
      assert.deepEqual(errors, [], `no console error on ${role}'s pages`);
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
