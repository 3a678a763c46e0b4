import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { generate } from 'otplib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoTotpSecret } from '../apps/api/src/demo/demo-totp.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SHOTS = join(ROOT, 'test-results', 'e2e');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export type RunningServer = { url: string; stop: () => Promise<void>; output: () => string };

/** Starts the real server on the embedded store with demo data, in a throwaway data directory. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html'))) throw new Error('run `npm run build` before the browser journeys');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sealbridge-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child: ChildProcess = spawn(process.execPath, ['apps/api/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // The first start seeds the demo data (the demo deal too) before it listens: on a loaded two-core CI machine that
  // alone has taken more than 30 s.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      // A server that missed the deadline must not outlive the run (it would keep its port and data directory).
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The public pages arrive server-rendered and start the SPA on the visitor's first interaction (app/main.tsx, ADR 0016
 * addendum). The journeys test the SPA, so every page they open acts as a visitor who moved the pointer as soon as
 * the document was parsed. Lighthouse (scripts/lighthouse.mjs) and the server-rendered check in
 * phones-and-a11y.e2e.test.ts see the pages without it.
 */
export const POINTER_ON_LOAD = `document.addEventListener('DOMContentLoaded', () => window.dispatchEvent(new PointerEvent('pointermove')));`;

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Every context (browser.newPage makes one too) gets the pointer movement above.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(POINTER_ON_LOAD);
    return context;
  };
  return browser;
}

/** Demo staff sign in with TOTP under the demo's published secrets (apps/api/src/demo/seed-demo.ts). */
const STAFF_LOGINS = new Set(['admin', 'broker', 'privacy', 'security', 'auditor']);
const lastStepOf = new Map<string, number>();

/**
 * A TOTP code for a demo staff log-in that no earlier sign-in used: the current step, or the next one (the server
 * accepts ±1 step), or — when both are spent — it waits for the next 30-second step.
 */
export async function demoStaffCode(loginName: string): Promise<string> {
  const last = lastStepOf.get(loginName) ?? 0;
  let step = Math.max(Math.floor(Date.now() / 30_000), last + 1);
  while (step > Math.floor(Date.now() / 30_000) + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  step = Math.max(step, Math.floor(Date.now() / 30_000));
  lastStepOf.set(loginName, step);
  return generate({ secret: demoTotpSecret(loginName), epoch: step * 30 });
}

/** Signs a page in through the log-in form; demo staff also pass the second step with a TOTP code. */
export async function signInThroughForm(page: Page, baseUrl: string, loginName: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#loginName').fill(loginName);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  if (STAFF_LOGINS.has(loginName)) {
    await page.getByTestId('second-step').waitFor();
    await page.getByTestId('proof-totp').fill(await demoStaffCode(loginName));
    await page.getByTestId('proof-submit').click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export type Journey = {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser context (its own cookies) signed in as a demo log-in through the form (staff with TOTP). */
  signIn: (loginName: string, password?: string) => Promise<Page>;
};

/** One demo server and one browser for a describe block: started before its tests, stopped after them. */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const journey: Journey = {
    get server() {
      if (!server) throw new Error('the journey server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the journey browser is not launched yet');
      return browser;
    },
    async signIn(loginName, password = 'Demo-2026!') {
      const context = await journey.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await signInThroughForm(page, journey.server.url, loginName, password);
      return page;
    },
  };
  return journey;
}
