import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createListingsRepo, demoListings } from '../../src/modules/listings/index.ts';
import { newId } from '../../src/platform/ids/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

for (const dialect of DIALECTS) {
  describe(`Web delivery (compression, robots.txt, sitemap) on ${dialect}`, () => {
    let t: TestApp;
    const rows = demoListings(14, { idFor: () => newId() });
    const withdrawn = { ...rows[0]!, id: newId(), code: 'SB-WITHDRAWN-1', status: 'withdrawn' as const, title: '已撤回的挂牌标题' };
    before(async () => {
      t = await createTestApp(dialect);
      await createListingsRepo(t.database.db).insertMany([...rows, withdrawn]);
      await t.app.ready();
    });
    after(async () => t.close());

    test('a public JSON answer over 1 KB is sent brotli-compressed to a browser that takes it', async () => {
      const res = await t.app.inject({ url: '/api/listings/regions', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], 'br');
      assert.ok(Array.isArray(JSON.parse(brotliDecompressSync(res.rawPayload).toString('utf8')).provinces));
    });

    test('a public JSON answer is plain to a client that asks for no encoding', async () => {
      const res = await t.app.inject({ url: '/api/listings/regions' });
      assert.equal(res.headers['content-encoding'], undefined);
      assert.equal(res.statusCode, 200);
    });

    test('answers to sign-in and to signed-in routes are never compressed', async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-encoding': 'br, gzip' },
        payload: { loginName: 'x'.repeat(10), password: 'y'.repeat(2000) },
      });
      assert.equal(login.headers['content-encoding'], undefined);
      const me = await t.app.inject({ url: '/api/me/favourites', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(me.headers['content-encoding'], undefined);
    });

    test('robots.txt is plain text that keeps crawlers out of accounts, the console and the API and names the sitemap', async () => {
      const res = await t.app.inject('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      for (const path of ['/account/', '/console/', '/api/']) assert.match(res.body, new RegExp(`^Disallow: ${path}$`, 'm'));
      assert.match(res.body, /^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
    });

    test('the sitemap lists the public pages and every published listing page, and nothing else', async () => {
      const res = await t.app.inject('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xml/);
      const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
      const published = await t.app.inject('/api/listings?pageSize=100');
      const codes = (published.json().items as { code: string }[]).map((i) => `/listings/${i.code}`);
      assert.deepEqual(locs.sort(), ['/', '/listings', '/privacy', '/privacy/transparency', ...codes].sort());
    });

    test('the listings page arrives with the published teasers in its HTML, compressed, before any script runs', async () => {
      const res = await t.app.inject({ url: '/listings?page=1&pageSize=12', headers: { 'accept-encoding': 'br' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], 'br');
      const html = brotliDecompressSync(res.rawPayload).toString('utf8');
      assert.match(html, /<div id="root" data-prerendered="">/);
      const api = (await t.app.inject('/api/listings?page=1&pageSize=12')).json() as { items: { code: string; title: string }[] };
      assert.equal(api.items.length, 12);
      for (const item of api.items) assert.ok(html.includes(`href="/listings/${item.code}"`), `${item.code} is linked`);
      assert.ok(!html.includes(withdrawn.title), 'a withdrawn listing is not shown');
      assert.match(html, /<a href="\/listings\?page=2&amp;pageSize=12">2<\/a>/, 'the next page is a real link');
    });

    test('a listing page holds its teaser and nothing the public API does not send', async () => {
      const row = rows[3]!;
      const res = await t.app.inject(`/listings/${row.code}`);
      assert.equal(res.statusCode, 200);
      const api = (await t.app.inject(`/api/listings/${row.code}`)).body;
      assert.match(res.body, new RegExp(`<title>${row.title.replace(/[()（）]/g, '.')} — 封桥 Sealbridge</title>`));
      // Every stored text of the listing that shows in the HTML is one the public API answers too.
      const leaked = Object.entries(row).filter(
        ([, value]) => typeof value === 'string' && value.length >= 4 && res.body.includes(value) && !api.includes(value),
      );
      assert.deepEqual(leaked, []);
    });

    test('a withdrawn listing and a code never used get the same plain shell: the HTML never tells which exists', async () => {
      const gone = await t.app.inject(`/listings/${withdrawn.code}`);
      const never = await t.app.inject('/listings/SB-NEVER-USED-1');
      assert.equal(gone.statusCode, never.statusCode);
      assert.equal(gone.body, never.body);
      assert.ok(!gone.body.includes('data-prerendered'));
      assert.ok(!gone.body.includes(withdrawn.title));
    });
  });
}
