import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { CSRF_HEADER, rolesAllow } from '@sealbridge/contracts';
import { factorsRoutes, type FactorsActor } from '../../src/modules/factors/index.ts';
import { installErrorHandler, installRouteGuard, type Principal } from '../../src/platform/http/index.ts';
import { createSoftwareAuthenticator } from '../fakes/software-authenticator.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createFactorsFixture, type FactorsFixture } from './factors-fixture.ts';

/** The routes over the platform's guard and error handler; a test header stands in for the session cookie. */
async function buildFactorsApp(f: FactorsFixture, principals: Map<string, Principal>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, f.store.logger);
  installRouteGuard(app, {
    authenticate: async (request) => principals.get(String(request.headers['x-test-session'])) ?? null,
    isAllowed: (principal, permission) => rolesAllow(principal.roles, permission),
    publicOrigin: f.store.config.publicUrl,
    allowedHosts: f.store.config.allowedHosts,
  });
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'test', version: '0' } }, transform: jsonSchemaTransform });
  await app.register(factorsRoutes(f.service));
  await app.ready();
  return app;
}

for (const dialect of DIALECTS) {
  describe(`the factors routes on ${dialect}`, () => {
    let f: FactorsFixture;
    let app: FastifyInstance;
    const principals = new Map<string, Principal>();
    before(async () => {
      f = await createFactorsFixture(dialect);
      app = await buildFactorsApp(f, principals);
    });
    after(async () => {
      await app.close();
      await f.close();
    });

    async function signedIn(
      kind: 'staff' | 'customer',
      roles: string[],
    ): Promise<{ actor: FactorsActor; headers: Record<string, string> }> {
      const actor = await f.createAccount(kind, roles);
      principals.set(actor.sessionId, { ...actor, csrfToken: `csrf-${actor.sessionId}`, stage: 'active' });
      return { actor, headers: { 'x-test-session': actor.sessionId, [CSRF_HEADER]: `csrf-${actor.sessionId}` } };
    }

    test('every factors route declares the "authenticated" permission', () => {
      const ours = app.routeTable.filter((r) => r.url.startsWith('/api/me/factors') || r.url.startsWith('/api/auth/step-up'));
      assert.equal(ours.filter((r) => r.method !== 'HEAD').length, 9);
      for (const route of ours) assert.equal(route.permission, 'authenticated', `${route.method} ${route.url}`);
    });

    test('a visitor is refused with 401', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/me/factors' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'UNAUTHENTICATED');
    });

    test('enrolling TOTP over HTTP: step-up first, then start, confirm and list — no secret in the list', async () => {
      const { actor, headers } = await signedIn('staff', ['broker']);
      const refused = await app.inject({ method: 'POST', url: '/api/me/factors/totp', headers });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().details.reason, 'STEP_UP_REQUIRED');
      await f.freshlySignedIn(actor);
      const started = await app.inject({ method: 'POST', url: '/api/me/factors/totp', headers });
      assert.equal(started.statusCode, 200);
      const { factorId, secret, otpauthUri } = started.json();
      assert.ok(otpauthUri.startsWith('otpauth://totp/Sealbridge:'));
      const confirmed = await app.inject({
        method: 'POST',
        url: '/api/me/factors/totp/confirm',
        headers,
        payload: { factorId, code: await f.codeAt(secret) },
      });
      assert.equal(confirmed.statusCode, 200);
      assert.equal(confirmed.json().recoveryCodes.length, 10);
      const listed = await app.inject({ method: 'GET', url: '/api/me/factors', headers });
      assert.equal(listed.statusCode, 200);
      const body = listed.json();
      assert.equal(body.requirement, 'required');
      assert.deepEqual(Object.keys(body.factors[0]).sort(), ['backedUp', 'createdAt', 'deviceType', 'id', 'kind', 'lastUsedAt']);
      assert.ok(!listed.body.includes(secret));
    });

    test('a wrong step-up code five times, then 429 with Retry-After', async () => {
      const { actor, headers } = await signedIn('customer', ['buyer']);
      await f.freshlySignedIn(actor);
      const { factorId, secret } = (await app.inject({ method: 'POST', url: '/api/me/factors/totp', headers })).json();
      await app.inject({
        method: 'POST',
        url: '/api/me/factors/totp/confirm',
        headers,
        payload: { factorId, code: await f.codeAt(secret) },
      });
      f.clock.advance(60_000);
      const right = await f.codeAt(secret);
      const wrong = right === '111111' ? '222222' : '111111';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await app.inject({ method: 'POST', url: '/api/auth/step-up', headers, payload: { method: 'totp', code: wrong } })).statusCode,
        );
      assert.deepEqual(statuses, [422, 422, 422, 422, 422]);
      const limited = await app.inject({ method: 'POST', url: '/api/auth/step-up', headers, payload: { method: 'totp', code: right } });
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
    });

    test('a step-up with an unknown method is a validation error', async () => {
      const { headers } = await signedIn('customer', ['buyer']);
      const res = await app.inject({ method: 'POST', url: '/api/auth/step-up', headers, payload: { method: 'sms', code: '123456' } });
      assert.equal(res.statusCode, 422);
    });

    test('registering a passkey over HTTP, stepping up with it, then removing it', async () => {
      const { actor, headers } = await signedIn('customer', ['seller']);
      await f.freshlySignedIn(actor);
      const key = createSoftwareAuthenticator({ rpId: f.rp.rpId, origin: f.rp.origin });
      const options = await app.inject({ method: 'POST', url: '/api/me/factors/webauthn/register/options', headers });
      assert.equal(options.statusCode, 200);
      const verify = await app.inject({
        method: 'POST',
        url: '/api/me/factors/webauthn/register/verify',
        headers,
        payload: { response: key.register(options.json().challenge) },
      });
      assert.equal(verify.statusCode, 200, verify.body);
      assert.equal(verify.json().factor.kind, 'webauthn');
      const auth = await app.inject({ method: 'POST', url: '/api/auth/step-up/webauthn/options', headers });
      assert.equal(auth.statusCode, 200);
      const stepped = await app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers,
        payload: { method: 'webauthn', response: key.authenticate(auth.json().challenge) },
      });
      assert.equal(stepped.statusCode, 200, stepped.body);
      assert.equal(stepped.json().method, 'webauthn');
      const removed = await app.inject({ method: 'DELETE', url: `/api/me/factors/${verify.json().factor.id}`, headers });
      assert.equal(removed.statusCode, 204);
    });

    test('a state change without the CSRF token is refused before it reaches the service', async () => {
      const { headers } = await signedIn('customer', ['buyer']);
      const res = await app.inject({
        method: 'POST',
        url: '/api/me/factors/recovery-codes',
        headers: { 'x-test-session': headers['x-test-session'] ?? '' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'CSRF_REJECTED');
    });

    test('the OpenAPI document describes every factors route', () => {
      const doc = app.swagger() as { paths: Record<string, unknown> };
      for (const path of [
        '/api/me/factors',
        '/api/me/factors/totp',
        '/api/me/factors/totp/confirm',
        '/api/me/factors/{id}',
        '/api/auth/step-up',
      ]) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
}
