import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@sealbridge/contracts';
import { buildApp } from '../../src/app.ts';
import { createTestStore, type TestStore } from './test-store.ts';
import type { DialectName } from '../../src/platform/db/index.ts';

export const TEST_INDEX_HTML = '<!doctype html><html lang="zh-CN"><head><title>test shell</title></head><body><div id="root"></div></body></html>';

export type TestApp = TestStore & { app: FastifyInstance; close: () => Promise<void> };

/** buildApp over a fresh store, with a tiny stand-in web build so SPA fallback can be observed. */
export async function createTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<TestApp> {
  const store = await createTestStore(dialect, env);
  const webDistDir = join(store.dataDir, 'web-dist');
  mkdirSync(join(webDistDir, 'assets'), { recursive: true });
  writeFileSync(join(webDistDir, 'index.html'), TEST_INDEX_HTML);
  writeFileSync(join(webDistDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  const app = await buildApp({ config: store.config, database: store.database, keys: store.keys, logger: store.logger, version: '0.0.0-test', webDistDir });
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

/** Signs in through the API and returns the cookies a browser would hold. */
export async function signIn(app: FastifyInstance, loginName: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
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
