import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

for (const dialect of DIALECTS) {
  describe(`Web delivery (compression, robots.txt, sitemap) on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
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
      assert.deepEqual(locs.sort(), ['/', '/listings', '/privacy', ...codes].sort());
    });
  });
}
