import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DIALECTS } from '../helpers/test-store.ts';
import { createTestApp, TEST_INDEX_HTML, type TestApp } from '../helpers/test-app.ts';

for (const dialect of DIALECTS) {
  describe(`HTTP basics on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      // A route added by the test itself, to observe allowlisting of response properties.
      t.app.withTypeProvider<ZodTypeProvider>().get('/api/test/allowlist', {
        config: { permission: 'public' },
        schema: { response: { 200: z.object({ shown: z.string() }) } },
        handler: async () => ({ shown: 'yes', hidden: 'must not leave' }) as { shown: string },
      });
      await t.app.ready();
    });
    after(async () => t.close());

    test('healthz answers ok', async () => {
      const res = await t.app.inject('/healthz');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok' });
    });

    test('readyz reports the database reachable and migrations current', async () => {
      const res = await t.app.inject('/readyz');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ready', checks: { database: 'ok', migrations: 'current' } });
    });

    test('meta names the store in use', async () => {
      assert.equal((await t.app.inject('/api/meta')).json().dialect, dialect);
    });

    test('an unknown API path is a JSON 404 with a code, a message and the request id', async () => {
      const res = await t.app.inject('/api/no-such-thing');
      assert.equal(res.statusCode, 404);
      const body = res.json();
      assert.equal(body.code, 'ROUTE_NOT_FOUND');
      assert.equal(body.message, '接口不存在。');
      assert.equal(body.requestId, res.headers['x-request-id']);
    });

    test('error messages follow Accept-Language, zh-CN by default', async () => {
      const en = await t.app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
      assert.equal(en.json().message, 'No such API endpoint.');
    });

    test('a client-side route is answered with the web app', async () => {
      const res = await t.app.inject('/account/privacy');
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, TEST_INDEX_HTML);
      assert.equal(res.headers['cache-control'], 'no-cache');
    });

    test('the home page and the privacy center are the web app with their content already rendered in it', async () => {
      for (const path of ['/', '/privacy']) {
        const res = await t.app.inject(path);
        assert.equal(res.statusCode, 200, path);
        assert.equal(res.headers['cache-control'], 'no-cache', path);
        assert.match(res.body, /^<!doctype html><html lang="zh-CN"><head><title>[^<]+<\/title>/, path);
        assert.match(res.body, /<div id="root" data-prerendered="">.+<\/div><\/body><\/html>$/s, path);
        assert.doesNotMatch(res.body, /<title>test shell<\/title>/, path);
      }
    });

    test('a missing asset is a 404, not the web app', async () => {
      const res = await t.app.inject('/assets/gone-123.js');
      assert.equal(res.statusCode, 404);
    });

    test('hashed assets are cached for a year', async () => {
      const res = await t.app.inject('/assets/app-abc123.js');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /immutable/);
    });

    test('every response carries a CSP without inline script, frame-ancestors none and no-sniff', async () => {
      const res = await t.app.inject('/');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      // Frames show only this site's pages and the blob: documents the page made itself (the proof-of-funds viewer).
      assert.match(csp, /frame-src 'self' blob:(;|$)/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /base-uri 'none'/, 'ASVS 3.4.3');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
    });

    test('API responses are never cached', async () => {
      assert.equal((await t.app.inject('/api/meta')).headers['cache-control'], 'no-store');
    });

    test('a request id sent by a proxy is kept, and a malformed one is replaced', async () => {
      const kept = await t.app.inject({ url: '/api/meta', headers: { 'x-request-id': 'edge-1234abcd' } });
      assert.equal(kept.headers['x-request-id'], 'edge-1234abcd');
      const replaced = await t.app.inject({ url: '/api/meta', headers: { 'x-request-id': 'bad id <script>' } });
      assert.notEqual(replaced.headers['x-request-id'], 'bad id <script>');
    });

    test('invalid input is a 422 that names each failing field', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName: '' } });
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_FAILED');
      const paths = (body.details.issues as { path: string }[]).map((i) => i.path).sort();
      assert.deepEqual(paths, ['loginName', 'password']);
    });

    test('invalid query parameters are a 422 too', async () => {
      const res = await t.app.inject('/api/listings?page=0');
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().details.issues[0].path, 'page');
    });

    test('malformed JSON is a 400 with a code', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"loginName":',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'BAD_REQUEST');
    });

    test('a body over the size limit is a 413', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ loginName: 'x', password: 'y'.repeat(2_000_000) }),
      });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'PAYLOAD_TOO_LARGE');
    });

    test('a property a handler returns but the schema does not list is never sent', async () => {
      const res = await t.app.inject('/api/test/allowlist');
      assert.deepEqual(res.json(), { shown: 'yes' });
      assert.doesNotMatch(res.body, /must not leave/);
    });

    test('the OpenAPI 3.1 document lists the routes and the docs page is served', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/listings']);
      assert.ok(doc.paths['/api/auth/login']);
      const docs = await t.app.inject('/api/docs/');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    test('request logs carry the route pattern and status but never the query string', async () => {
      await t.app.inject('/api/listings?page=1&pageSize=5&secret=13800138000');
      const line = t.logLines.map((l) => JSON.parse(l)).findLast((l) => l.msg === 'request' && l.route === '/api/listings');
      assert.ok(line, 'a request line was logged');
      assert.equal(line.status, 200);
      assert.equal(typeof line.ms, 'number');
      assert.ok(!t.logLines.some((l) => l.includes('13800138000')));
    });
  });
}
