import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/platform/config/index.ts';
import { createLogger } from '../apps/api/src/platform/logger/index.ts';
import { openKeyStore, openStore } from '../apps/api/src/runtime.ts';
import { result, type BenchResult, type BenchSuite } from './lib.ts';

const PASSWORD = 'Bench-harbour 58 lanterns';

type Harness = { app: FastifyInstance; clearLockouts: () => Promise<unknown>; close: () => Promise<void> };

/** The whole app (buildApp) over a fresh SQLite store, with one customer who has a log-in name and a mobile. */
async function harness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-identity-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: 'silent' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const app = await buildApp({ config, database, keys, logger, version: 'bench', webDistDir: dataDir });
  await app.ready();
  const customer = await app.services.identity.createAccount({
    kind: 'customer',
    loginName: 'bench-known',
    accountNo: 'C-1',
    roles: ['buyer'],
    password: PASSWORD,
  });
  await app.services.profiles.updateOwn(
    { accountId: customer.id, sessionId: 'bench', kind: 'customer', roles: customer.roles, csrfToken: '', stage: 'active' },
    { mobile: '13930000001' },
  );
  return {
    app,
    // Every attempt here fails; clearing the lockout rows between attempts (outside the timed part) keeps each one
    // on the full path — resolve, verify, count — instead of the short "locked" answer.
    clearLockouts: () => database.db.deleteFrom('identity_login_throttle').execute(),
    close: async () => {
      await app.close();
      await database.close();
      await keys.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let client = 0;
function attempt(app: FastifyInstance, loginName: string, password: string) {
  client += 1;
  // One client address per attempt: the per-client limit (10 a minute) is not what is measured.
  const remoteAddress = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
  return app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { loginName, password } });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Interleaved known/unknown attempts, each timed alone; returns the mean latency of each side in ms. */
async function timeKnownVsUnknown(h: Harness, samples: number, known: string, unknown: (i: number) => string) {
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < samples + 50; i++) {
    for (const side of i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
      await h.clearLockouts();
      const name = side === 'known' ? known : unknown(i);
      const t0 = performance.now();
      const res = await attempt(h.app, name, 'wrong password 1234');
      const elapsed = performance.now() - t0;
      if (res.statusCode !== 401) throw new Error(`expected 401, got ${res.statusCode} ${res.body}`);
      if (i >= 50) times[side].push(elapsed); // the first 50 of each warm up caches and the JIT
    }
  }
  return times;
}

function timingResult(name: string, times: { known: number[]; unknown: number[] }, what: string): BenchResult {
  const k = mean(times.known);
  const u = mean(times.unknown);
  const diff = ((u - k) / k) * 100;
  return result(
    name,
    'ms',
    u,
    k,
    `${what}: mean of ${times.unknown.length} unknown-name vs ${times.known.length} wrong-password sign-ins; ` +
      `unknown is ${diff >= 0 ? '+' : ''}${diff.toFixed(2)}% of known (goal |diff| < 5%); medians ${median(times.unknown).toFixed(2)} vs ${median(times.known).toFixed(2)} ms`,
  );
}

/** Event-loop delay p99 while a burst of concurrent sign-ins hashes (argon2id on the libuv threadpool). */
async function floodEventLoop(h: Harness, burst: number): Promise<BenchResult> {
  await h.clearLockouts();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const t0 = performance.now();
  const responses = await Promise.all(
    Array.from({ length: burst }, (_, i) => attempt(h.app, i % 2 === 0 ? `flood-unknown-${i}` : 'bench-known', `wrong-${i}`)),
  );
  const elapsed = performance.now() - t0;
  histogram.disable();
  const statuses = new Set(responses.map((r) => r.statusCode));
  const p99 = histogram.percentile(99) / 1e6;
  return result(
    'identity.login_flood_event_loop_p99',
    'ms',
    p99,
    20,
    `event-loop delay p99 during ${burst} concurrent sign-ins (half unknown names, half wrong passwords) taking ${(elapsed / 1000).toFixed(1)} s; ` +
      `baseline = the 20 ms budget; mean ${(histogram.mean / 1e6).toFixed(2)} ms, max ${(histogram.max / 1e6).toFixed(1)} ms; statuses ${[...statuses].join(',')}; ` +
      `UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
  );
}

const suite: BenchSuite = {
  name: 'identity',
  async run() {
    const samples = Number(process.env.BENCH_LOGIN_SAMPLES ?? 1000);
    const h = await harness();
    try {
      const byName = await timeKnownVsUnknown(h, samples, 'bench-known', (i) => `nobody-${i}`);
      const byMobile = await timeKnownVsUnknown(
        h,
        Math.max(100, Math.floor(samples / 4)),
        '13930000001',
        (i) => `1393${String(1_000_000 + i).padStart(7, '0')}`,
      );
      return [
        timingResult('identity.login_timing_known_vs_unknown', byName, 'by log-in name, buildApp + inject, SQLite'),
        timingResult('identity.login_timing_known_vs_unknown_mobile', byMobile, 'by mobile number (blind index + vault confirmation)'),
        await floodEventLoop(h, Number(process.env.BENCH_FLOOD ?? 400)),
      ];
    } finally {
      await h.close();
    }
  },
};
export default suite;
