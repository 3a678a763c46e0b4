import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { isErrorCode, rolesAllow } from '@sealbridge/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import type { RouteEntry } from '../../src/platform/http/index.ts';
import { inputFor } from '../fakes/zod-arbitrary.ts';
import { nextClientAddress } from '../helpers/identity-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

/**
 * Property tests over every route's input schema (issue 15). The routes and their zod schemas are read from
 * `app.routeTable` at run time, so routes other modules add later are covered without touching this file. Each
 * route gets generated inputs — shaped by its schema, with one member made nasty, or plain junk — sent by a
 * signed-in account its permission allows. Whatever comes in:
 *  - never a 5xx;
 *  - every error is the app's format ({code, message, requestId}, a known code), with no stack trace or file path;
 *  - nothing half-written: a batch of refused requests leaves every table but the logs and counters unchanged.
 */
const RUNS = Number(process.env.ROUTE_PROPERTY_RUNS ?? (process.env.DIALECTS?.includes('postgres') ? 30 : 60));
/** Tables a refused request may still write: the audit trail, attempt counters, sessions, jobs, bookkeeping. */
const MAY_CHANGE =
  /^(audit_|identity_login_throttle|factors_attempts|factors_challenges|sessions|known_devices|jobs|kysely_|registration_codes|identity_codes|delivery_outbox|listings_fts)/;
/** Routes that end the caller's own session or account would spoil the other routes' sessions. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/me/sessions/end-others', 'POST /api/staff/members/:id/offboard']);
const STACK = /\n\s+at |node_modules|\/src\/|\.ts:\d+|Error: /;

function pathWith(url: string, params: Record<string, unknown> | undefined): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? 'x')));
}

function queryOf(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return value === undefined ? '' : `?v=${encodeURIComponent(String(value))}`;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    search.append(k, Array.isArray(v) ? v.join(',') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

for (const dialect of DIALECTS) {
  describe(`every route's input schema, as a property, on ${dialect}`, () => {
    let t: TestApp;
    const sessions = new Map<string, Session>();
    let tables: string[] = [];
    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.database, t.app.services);
      await t.app.ready();
      for (const a of DEMO_ACCOUNTS) sessions.set(a.loginName, await signIn(t.app, a.loginName, DEMO_PASSWORD));
      tables = (await t.database.db.introspection.getTables())
        .filter((x) => dialect === 'sqlite' || x.schema === t.database.pgSchema)
        .map((x) => x.name)
        .filter((n) => !MAY_CHANGE.test(n));
    });
    after(async () => t.close());

    async function counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const name of tables) {
        /* eslint-disable @typescript-eslint/no-explicit-any -- every table, by name */
        const row = await (t.database.db as any)
          .selectFrom(name)
          .select((eb: any) => eb.fn.countAll().as('n'))
          .executeTakeFirst();
        /* eslint-enable @typescript-eslint/no-explicit-any */
        out[name] = Number(row?.n ?? 0);
      }
      return out;
    }

    function callerFor(route: RouteEntry): Session | undefined {
      const permission = route.permission ?? 'public';
      if (permission === 'public') return undefined;
      const account = DEMO_ACCOUNTS.find((a) => rolesAllow(a.roles, permission));
      return account ? sessions.get(account.loginName) : undefined;
    }

    test('no input makes any route answer 5xx, leak a stack trace, or write half of anything', async (ctx) => {
      const routes = t.app.routeTable.filter(
        (r) =>
          r.url.startsWith('/api/') &&
          r.schema &&
          (r.schema.body || r.schema.querystring || r.schema.params) &&
          !SKIP.has(`${r.method} ${r.url}`) &&
          r.method !== 'HEAD',
      );
      assert.ok(routes.length >= 40, `only ${routes.length} routes with input schemas were found`);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (const route of routes) {
        const session = callerFor(route);
        const before = await counts();
        let anySuccess = false;
        await fc
          .assert(
            fc.asyncProperty(
              fc.record({
                body: route.schema?.body ? inputFor(route.schema.body) : fc.constant(undefined),
                query: route.schema?.querystring ? inputFor(route.schema.querystring) : fc.constant(undefined),
                params: route.schema?.params ? inputFor(route.schema.params) : fc.constant(undefined),
              }),
              async ({ body, query, params }) => {
                const url = `${pathWith(route.url, params as Record<string, unknown>)}${queryOf(query)}`;
                const res = await t.app.inject({
                  method: route.method as 'GET',
                  url,
                  remoteAddress: nextClientAddress(),
                  headers: {
                    ...(session ? authHeaders(session) : {}),
                    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
                  },
                  ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
                });
                const where = `${route.method} ${route.url} → ${res.statusCode} for ${JSON.stringify({ body, query, params }).slice(0, 300)}`;
                statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
                assert.ok(res.statusCode < 500, `${where}: ${res.body.slice(0, 300)}`);
                assert.doesNotMatch(res.body, STACK, where);
                if (res.statusCode >= 400) {
                  const error = res.json() as { code: unknown; message: unknown; requestId: unknown };
                  assert.ok(
                    isErrorCode(error.code) && typeof error.message === 'string' && typeof error.requestId === 'string',
                    `${where}: ${res.body.slice(0, 200)}`,
                  );
                } else anySuccess = true;
              },
            ),
            { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20261203), endOnFailure: true },
          )
          .catch((error: unknown) =>
            failures.push(error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)),
          );
        if (!anySuccess) {
          const afterCounts = await counts();
          for (const name of tables)
            if (afterCounts[name] !== before[name])
              failures.push(`${route.method} ${route.url}: refused requests changed ${name} (${before[name]} → ${afterCounts[name]})`);
        }
      }
      ctx.diagnostic(`${routes.length} routes; answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
      assert.deepEqual(failures, []);
    });
  });
}
