import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@sealbridge/contracts';
import { generate } from 'otplib';
import { buildApp } from '../../src/app.ts';
import { DEMO_ACCOUNTS, demoTotpSecret } from '../../src/demo/seed-demo.ts';
import { createTestStore, type TestStore } from './test-store.ts';
import type { DialectName } from '../../src/platform/db/index.ts';

export const TEST_INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><title>test shell</title></head><body><div id="root"></div></body></html>';

export type TestApp = TestStore & { app: FastifyInstance; close: () => Promise<void> };

/** buildApp over a fresh store, with a tiny stand-in web build so SPA fallback can be observed. */
export async function createTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<TestApp> {
  const store = await createTestStore(dialect, env);
  const webDistDir = join(store.dataDir, 'web-dist');
  mkdirSync(join(webDistDir, 'assets'), { recursive: true });
  writeFileSync(join(webDistDir, 'index.html'), TEST_INDEX_HTML);
  writeFileSync(join(webDistDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  const app = await buildApp({
    config: store.config,
    database: store.database,
    keys: store.keys,
    logger: store.logger,
    version: '0.0.0-test',
    webDistDir,
  });
  return {
    ...store,
    app,
    close: async () => {
      await app.close();
      await store.cleanup();
    },
  };
}

export type Session = { cookie: string; csrf: string };

let signInCount = 0;

/** The TOTP secret (and spare recovery codes) each account enrolled through `signIn`, like a person's phone. */
const authenticators = new Map<string, { secret: string; lastStep: number; recovery: string[] }>();

/** A TOTP code for the authenticator of an account: each step once, within the ±1 step the server accepts. */
export async function nextTotpCode(accountId: string, loginName?: string): Promise<string | undefined> {
  const demo = DEMO_ACCOUNTS.find((a) => a.kind === 'staff' && a.loginName === loginName);
  // The demo seed enrolled its staff with published secrets, using the step before the seeding moment.
  if (!authenticators.has(accountId) && demo)
    authenticators.set(accountId, { secret: demoTotpSecret(demo.loginName), lastStep: Math.floor(Date.now() / 30_000) - 1, recovery: [] });
  const device = authenticators.get(accountId);
  if (!device) return undefined;
  const nowStep = Math.floor(Date.now() / 30_000);
  // The step before this one is still accepted, but not once the clock has moved on by the time the server checks:
  // near the end of a step (a slow, shared machine) start from the current step instead.
  const late = Date.now() % 30_000 > 20_000;
  const step = Math.max(late ? nowStep : nowStep - 1, device.lastStep + 1);
  if (step > nowStep + 1) return undefined;
  device.lastStep = step;
  return generate({ secret: device.secret, epoch: step * 30 });
}

/** The TOTP secret `signIn` enrolled for an account (for tests of the second step itself). */
export function authenticatorOf(accountId: string): { secret: string; recovery: string[] } | undefined {
  return authenticators.get(accountId);
}

/**
 * Signs in through the API, as a person would, and returns the cookies a browser would hold: a staff member
 * without a second factor enrols TOTP on the spot (the enrolment-only session), one with a factor gives a code
 * (or, after three sign-ins within a minute, a recovery code).
 */
export async function signIn(app: FastifyInstance, loginName: string, password: string): Promise<Session> {
  // Each sign-in comes from its own address, as people do, so the per-address limit does not trip a test.
  signInCount += 1;
  const remoteAddress = `10.250.${Math.floor(signInCount / 250) % 250}.${(signInCount % 250) + 1}`;
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { loginName, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  let session = sessionFrom(res);
  const body = res.json() as { stage: string; account: { id: string } };
  const accountId = body.account.id;
  if (body.stage === 'enrol_factor') {
    const started = await app.inject({ method: 'POST', url: '/api/me/factors/totp', headers: authHeaders(session) });
    if (started.statusCode !== 200) throw new Error(`TOTP enrolment failed: ${started.statusCode} ${started.body}`);
    const { factorId, secret } = started.json() as { factorId: string; secret: string };
    authenticators.set(accountId, { secret, lastStep: 0, recovery: [] });
    const code = await nextTotpCode(accountId);
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/me/factors/totp/confirm',
      headers: authHeaders(session),
      payload: { factorId, code },
    });
    if (confirmed.statusCode !== 200) throw new Error(`TOTP confirmation failed: ${confirmed.statusCode} ${confirmed.body}`);
    const device = authenticators.get(accountId);
    if (device) device.recovery = (confirmed.json() as { recoveryCodes: string[] | null }).recoveryCodes ?? [];
    // Proving the first factor replaces the session token, as a browser's cookie jar would see it.
    session = sessionFrom(confirmed);
  } else if (body.stage === 'second_factor') {
    const code = await nextTotpCode(accountId, loginName);
    const recovery = authenticators.get(accountId)?.recovery.shift();
    const proof = code ? { method: 'totp', code } : { method: 'recovery', code: recovery };
    if (!proof.code) throw new Error(`no second factor known for ${loginName}`);
    const stepped = await app.inject({ method: 'POST', url: '/api/auth/step-up', headers: authHeaders(session), payload: proof });
    if (stepped.statusCode !== 200) throw new Error(`second step failed: ${stepped.statusCode} ${stepped.body}`);
    session = sessionFrom(stepped);
  }
  return session;
}

export function sessionFrom(res: LightMyRequestResponse): Session {
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  const csrf = cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '';
  return { cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`, csrf };
}

export function authHeaders(session: Session, withCsrf = true): Record<string, string> {
  return { cookie: session.cookie, ...(withCsrf ? { [CSRF_HEADER]: session.csrf } : {}) };
}
