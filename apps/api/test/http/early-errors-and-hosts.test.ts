import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, sessionFrom, type TestApp } from '../helpers/test-app.ts';

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cache-control',
  'x-request-id',
];

/** One raw HTTP exchange: what a client gets when Node or the router refuses the request before any route runs. */
function exchange(port: number, request: string): Promise<{ status: number; headers: Map<string, string>; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      try {
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) });
      } catch (error) {
        reject(new Error(`not JSON: ${data.slice(0, 300)} (${String(error)})`));
      }
    });
  });
}

describe("errors raised before the app's handlers", () => {
  let t: TestApp;
  let port = 0;
  before(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(async () => t.close());

  const cases: [string, string, number, string][] = [
    [
      "a header block over Node's limit",
      `GET /api/listings HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
    [
      'a request line over the limit',
      `GET /api/listings?q=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      414,
      'URI_TOO_LONG',
    ],
    [
      "a path parameter over the router's limit",
      `DELETE /api/me/sessions/${'a'.repeat(300)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      414,
      'URI_TOO_LONG',
    ],
    ['a URL that does not decode', `GET /api/listings/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, 400, 'BAD_REQUEST'],
    ['bytes that are not HTTP', 'GARBAGE\r\n\r\n', 400, 'BAD_REQUEST'],
    ['the TRACE method', 'TRACE /api/meta HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 404, 'ROUTE_NOT_FOUND'],
    ['a Host that is not ours', 'GET /api/meta HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n', 421, 'HOST_NOT_ALLOWED'],
  ];
  for (const [what, request, status, code] of cases) {
    test(`${what} gets ${status} ${code} in the app's error format, with the security headers`, async () => {
      const res = await exchange(port, request);
      assert.equal(res.status, status);
      for (const name of SECURITY_HEADERS) assert.ok(res.headers.has(name), `${name} missing`);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const body = res.body as { code: string; message: string; requestId: string };
      assert.equal(body.code, code);
      assert.ok(body.message.length > 0);
      assert.equal(body.requestId, res.headers.get('x-request-id'));
      assert.doesNotMatch(JSON.stringify(body), /statusCode|FST_|stack/);
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`the Host allowlist from PUBLIC_URL on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { PUBLIC_URL: 'https://deals.example.cn', ALLOWED_HOSTS: 'internal.example.cn' });
      await seedDemo(t.database, t.app.services);
    });
    after(async () => t.close());

    test("requests addressed to PUBLIC_URL's host or an ALLOWED_HOSTS name are served; any other Host is refused with 421", async () => {
      assert.equal((await t.app.inject({ url: '/api/meta', headers: { host: 'deals.example.cn' } })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/meta', headers: { host: 'DEALS.example.cn:443' } })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/meta', headers: { host: 'internal.example.cn' } })).statusCode, 200);
      const evil = await t.app.inject({ url: '/api/meta', headers: { host: 'evil.example' } });
      assert.equal(evil.statusCode, 421);
      assert.equal(evil.json().code, 'HOST_NOT_ALLOWED');
      assert.equal((await t.app.inject({ url: '/listings', headers: { host: 'evil.example' } })).statusCode, 421, 'pages too');
      assert.equal(
        (await t.app.inject({ url: '/healthz', headers: { host: '10.0.0.7:3000' } })).statusCode,
        200,
        'load-balancer probes by IP',
      );
    });

    test("the CSRF origin check trusts PUBLIC_URL, never the request's own Host header", async () => {
      const host = 'deals.example.cn';
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { host },
        payload: { loginName: 'seller', password: DEMO_PASSWORD },
      });
      assert.equal(login.statusCode, 200, login.body);
      const session = sessionFrom(login);
      const post = (origin: string, hostHeader = host) =>
        t.app.inject({
          method: 'POST',
          url: '/api/me/sessions/end-others',
          headers: { ...authHeaders(session), host: hostHeader, origin },
        });
      assert.equal((await post('https://deals.example.cn')).statusCode, 200);
      // Before: an Origin matching the request's own Host passed. A rebinding attacker controls both.
      const rebound = await post('https://internal.example.cn:8443', 'internal.example.cn:8443');
      assert.equal(rebound.json().code, 'CSRF_REJECTED');
      assert.equal((await post('http://deals.example.cn')).json().code, 'CSRF_REJECTED', 'another scheme');
      assert.equal((await post('https://evil.example')).json().code, 'CSRF_REJECTED');
    });
  });
}
