/**
 * Shared shape of a benchmark result: one JSON object per line on `npm run bench -- --json`.
 * `value` and `baseline` are in the same unit, measured in the same run; `ratio` = value / baseline
 * for throughput units (higher is better) and baseline / value for latency units (so > 1 is always "faster").
 */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  note?: string;
};

/** A benchmark file default-exports one of these; the runner calls it and prints each result. */
export type BenchSuite = {
  name: string;
  run: () => Promise<BenchResult[]>;
};

const LOWER_IS_BETTER = new Set(['ms', 'us', 'ns', 'bytes', 'MiB']);

export function result(name: string, unit: string, value: number, baseline: number, note?: string): BenchResult {
  const ratio = LOWER_IS_BETTER.has(unit) ? baseline / value : value / baseline;
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio, 3), ...(note ? { note } : {}) };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Operations per second of a synchronous or async function, run in batches until `minMs` has passed.
 * Interleave the contender and its baseline (see `compare`) so both see the same machine noise.
 */
export async function opsPerSecond(fn: () => unknown, minMs = 300, batch = 100): Promise<number> {
  for (let i = 0; i < batch; i++) await fn(); // warm-up
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) await fn();
    ops += batch;
    elapsed = performance.now() - start;
  }
  return (ops / elapsed) * 1000;
}

/** Alternates rounds of contender and baseline and keeps the best round of each (least disturbed by noise). */
export async function compare(
  contender: () => unknown,
  baseline: () => unknown,
  { rounds = 5, minMs = 200, batch = 100 } = {},
): Promise<{ value: number; baseline: number }> {
  let best = 0;
  let bestBase = 0;
  for (let r = 0; r < rounds; r++) {
    bestBase = Math.max(bestBase, await opsPerSecond(baseline, minMs, batch));
    best = Math.max(best, await opsPerSecond(contender, minMs, batch));
  }
  return { value: best, baseline: bestBase };
}

/** A signed-in demo account over HTTP: its cookies and the CSRF header, as a browser would send them. */
export type BenchSession = { headers: Record<string, string> };

function jar(cookies: Map<string, string>): BenchSession {
  const list = [...cookies.values()];
  const csrf = (list.find((c) => c.startsWith('sb_csrf=')) ?? '').slice('sb_csrf='.length);
  return { headers: { cookie: list.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' } };
}

function remember(cookies: Map<string, string>, response: Response): void {
  for (const c of response.headers.getSetCookie()) cookies.set(c.split('=')[0] ?? '', c.split(';')[0] ?? '');
}

/**
 * Signs a demo account in with the demo password; staff complete the second step with their TOTP code
 * (`totpCode`). The session id is rotated when the second factor completes, so the cookies are taken again.
 */
export async function signInDemo(base: string, loginName: string, totpCode?: () => Promise<string>): Promise<BenchSession> {
  const cookies = new Map<string, string>();
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password: 'Demo-2026!' }),
  });
  if (!login.ok) throw new Error(`sign-in of ${loginName} failed: ${login.status}`);
  remember(cookies, login);
  if (totpCode) {
    const stepped = await fetch(`${base}/api/auth/step-up`, {
      method: 'POST',
      headers: jar(cookies).headers,
      body: JSON.stringify({ method: 'totp', code: await totpCode() }),
    });
    if (!stepped.ok) throw new Error(`second step of ${loginName} failed: ${stepped.status} ${await stepped.text()}`);
    remember(cookies, stepped);
  }
  return jar(cookies);
}
