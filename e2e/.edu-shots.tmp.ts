// Temporary screenshot script (not committed): sets a deal and a thread up over HTTP, then screenshots the tips.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, signInThroughForm, startServer, ROOT } from './harness.ts';
import { signIn, authHeaders } from '../apps/api/test/helpers/test-app.ts';
import { openL1, type DisclosureWorld } from '../apps/api/test/disclosure/disclosure-fixture.ts';

const OUT = join(ROOT, 'test-results', 'education');
mkdirSync(OUT, { recursive: true });
const server = { url: 'http://127.0.0.1:4789', stop: async () => undefined };
const base = server.url;
type Inj = { method?: string; url: string; headers?: Record<string, string>; payload?: unknown };
const fake = {
  async inject(o: Inj) {
    const res = await fetch(base + o.url, {
      method: o.method ?? 'GET',
      headers: { ...(o.headers ?? {}), ...(o.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: o.payload !== undefined ? JSON.stringify(o.payload) : null,
    });
    const body = await res.text();
    const cookies = res.headers.getSetCookie().map((c) => {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      return { name: pair!.slice(0, i), value: pair!.slice(i + 1) };
    });
    return { statusCode: res.status, body, json: () => JSON.parse(body), cookies };
  },
};
const app = fake as never;
try {
  const [seller, buyer, broker] = [await signIn(app, 'seller', 'Demo-2026!'), await signIn(app, 'buyer', 'Demo-2026!'), await signIn(app, 'broker', 'Demo-2026!')];
  const me = async (s: typeof seller) => (await fake.inject({ url: '/api/auth/me', headers: authHeaders(s, false) })).json().account.id as string;
  const ids = { seller: await me(seller), buyer: await me(buyer), broker: await me(broker), admin: '' };
  const mine = (await fake.inject({ url: '/api/seller/listings', headers: authHeaders(seller, false) })).json().items as { id: string; code: string; status: string }[];
  const listing = mine.find((l) => l.status === 'published')!;
  const w = { t: { app }, seller, buyer, broker, admin: broker, listing, ids } as unknown as DisclosureWorld;
  await openL1(w);
  const deal = (await fake.inject({ method: 'POST', url: '/api/deals', headers: authHeaders(buyer), payload: { listingId: listing.id } })).json();
  console.log('deal', deal.id, deal.stage);
  const thread = (await fake.inject({ method: 'POST', url: '/api/me/threads', headers: authHeaders(buyer), payload: { listingId: listing.id } })).json();
  for (const text of ['您好，资料我看过了，想再确认一下公司现状。', '能先拍一下公章和营业执照给我看看吗？']) {
    const r = await fake.inject({ method: 'POST', url: `/api/me/threads/${thread.id}/messages`, headers: authHeaders(buyer), payload: { lane: 'parties', text, attachments: [] } });
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  const browser = await launchBrowser();
  const shoot = async (login: string, path: string, name: string, wait: string) => {
    for (const width of [1440, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      await signInThroughForm(page, base, login, 'Demo-2026!');
      await page.goto(base + path);
      await page.getByTestId(wait).first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(500);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(name, width, 'scrollWidth', sw);
      await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: width === 390 ? false : true });
      await ctx.close();
    }
  };
  await shoot('seller', `/account/messages/${thread.id}`, 'seal-photo-tip', 'education-tip-tip.seal-photo');
  await shoot('buyer', `/account/deals/${deal.id}`, 'deposit-tip', 'education-tip-tip.deposit');
  await shoot('privacy', `/console/education`, 'console-education', 'console-education');
  for (const width of [1440, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${base}/privacy#guides`);
    await page.getByTestId('privacy-guides').waitFor();
    await page.getByTestId('privacy-guides').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    console.log('guides', width, await page.evaluate(() => document.documentElement.scrollWidth));
    await page.getByTestId('privacy-guides').screenshot({ path: join(OUT, `privacy-guides-${width}.png`) });
    await ctx.close();
  }
  await browser.close();
} finally {
  await server.stop();
}
