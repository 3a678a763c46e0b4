#!/usr/bin/env node
// Runs sqlmap (the Debian package) against the running demo app and fails on any finding (issue 15).
// Starts the real server on a throw-away embedded store with demo data, signs in a customer and a broker the way
// a browser does (the broker with the demo's published TOTP secret), then scans a representative set of endpoints:
// the public search (query string), a listing code and record ids in paths, and JSON bodies — with bounded level,
// risk and time so the whole scan stays under ~3 minutes. Exit 0: no injection found; 1: a finding (printed);
// 2: the scan could not run. `node scripts/sqlmap-scan.mjs [--keep]` (--keep leaves the sqlmap output directory).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNode } from './node-version.mjs';

assertNode();
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SQLMAP = process.env.SQLMAP ?? 'sqlmap';
const started = Date.now();

if (spawnSync(SQLMAP, ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('sqlmap is not installed (Debian: apt-get install sqlmap)');
  process.exit(2);
}

const port = await new Promise((resolve, reject) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const address = srv.address();
    srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
  srv.on('error', reject);
});
const dataDir = mkdtempSync(join(tmpdir(), 'sealbridge-sqlmap-'));
const outDir = mkdtempSync(join(tmpdir(), 'sealbridge-sqlmap-out-'));
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
delete env.REDIS_URL;
delete env.PUBLIC_URL;
const server = spawn(process.execPath, ['apps/api/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOutput = '';
server.stdout.on('data', (d) => (serverOutput += d));
server.stderr.on('data', (d) => (serverOutput += d));

async function stop(code) {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  if (!process.argv.includes('--keep')) rmSync(outDir, { recursive: true, force: true });
  else console.log(`sqlmap output kept in ${outDir}`);
  process.exit(code);
}

for (let ready = false; !ready;) {
  try {
    ready = (await fetch(`${base}/readyz`)).ok;
  } catch {
    /* not up yet */
  }
  if (server.exitCode !== null || Date.now() - started > 60_000) {
    console.error(`the server did not start:\n${serverOutput}`);
    await stop(2);
  }
  if (!ready) await new Promise((r) => setTimeout(r, 200));
}

/** Signs in as a browser would; staff pass the second step with the demo's published TOTP secret. */
async function signIn(loginName) {
  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password: 'Demo-2026!' }),
  });
  if (!login.ok) throw new Error(`sign-in of ${loginName} failed: ${login.status}`);
  keep(login);
  if ((await login.json()).stage === 'second_factor') {
    const totp = spawnSync(process.execPath, ['scripts/run.mjs', 'apps/api/src/cli/main.ts', 'demo', 'totp', loginName], {
      cwd: ROOT,
      encoding: 'utf8',
    }).stdout.trim();
    const step = await fetch(`${base}/api/auth/step-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': jar.get('sb_csrf') },
      body: JSON.stringify({ method: 'totp', code: totp }),
    });
    if (!step.ok) throw new Error(`second step of ${loginName} failed: ${step.status}`);
    keep(step); // the session token is replaced when the second factor is proven
  }
  return { cookie: cookie(), csrf: jar.get('sb_csrf') };
}

let seller;
let broker;
let listingCode;
let sellerListingId;
try {
  seller = await signIn('seller');
  broker = await signIn('broker');
  listingCode = (await (await fetch(`${base}/api/listings?pageSize=1`)).json()).items[0].code;
  sellerListingId = (await (await fetch(`${base}/api/seller/listings`, { headers: { cookie: seller.cookie } })).json()).items[0].id;
} catch (error) {
  console.error(`cannot prepare the scan: ${error.message}\n${serverOutput}`);
  await stop(2);
}

/** `*` marks where sqlmap injects; every other value is left alone. */
const targets = [
  { name: 'public search (query string)', url: `${base}/api/listings?q=科技*&industry=信息技术*&sort=newest*&page=1` },
  { name: 'listing code in the path', url: `${base}/api/listings/${listingCode}*` },
  { name: 'record id in the path (seller)', url: `${base}/api/seller/listings/${sellerListingId}*`, as: seller },
  {
    name: 'JSON body: audit-free profile update (seller)',
    url: `${base}/api/me/profile`,
    method: 'PUT',
    data: '{"wechat":"wx_demo_01*"}',
    as: seller,
  },
  {
    name: 'JSON body: saved search (seller)',
    url: `${base}/api/me/saved-searches`,
    data: '{"name":"科技*","query":{"q":"软件*"},"emailAlerts":false}',
    as: seller,
  },
  {
    name: 'JSON body: customer look-up (broker)',
    url: `${base}/api/staff/customers/lookup`,
    data: '{"email":"seller@example.com*","purpose":"deal_execution"}',
    as: broker,
  },
  {
    name: 'id in the path and JSON body: broker review',
    url: `${base}/api/broker/listings/${sellerListingId}*/review`,
    data: '{"decision":"request_changes*","comment":"x*","checklist":{}}',
    as: broker,
  },
];

const findings = [];
for (const target of targets) {
  const args = [
    '-u',
    target.url,
    '--batch',
    '--flush-session',
    '--disable-coloring',
    '--level=3',
    '--risk=1',
    '--technique=BEUS',
    '--threads=4',
    '--timeout=10',
    '--retries=1',
    '--output-dir',
    outDir,
    // Identified as what it is, so sqlmap's payloads go to the right back-ends' syntax too.
    '--dbms=SQLite',
    '-H',
    'Accept: application/json',
  ];
  if (target.method) args.push('--method', target.method);
  if (target.data) args.push('--data', target.data, '-H', 'Content-Type: application/json');
  if (target.as) args.push('--cookie', target.as.cookie, '-H', `x-csrf-token: ${target.as.csrf}`);
  const t0 = Date.now();
  const run = spawnSync(SQLMAP, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (process.env.SQLMAP_VERBOSE) console.log(out);
  const found = /identified the following injection point|is vulnerable/i.test(out);
  console.log(`${found ? 'FINDING' : 'clean  '} ${target.name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (found)
    findings.push({
      target: target.name,
      output: out
        .split('\n')
        .filter((l) => /injection|injectable|Parameter:|Type:|Title:|Payload:/.test(l))
        .join('\n'),
    });
  if (run.error) {
    console.error(`sqlmap failed on ${target.name}: ${run.error.message}`);
    await stop(2);
  }
}

// sqlmap also records what it found per host: an empty log means nothing was found.
const hostDir = existsSync(outDir)
  ? readdirSync(outDir)
      .map((d) => join(outDir, d))
      .filter((d) => statSync(d).isDirectory())
  : [];
for (const dir of hostDir) {
  const log = join(dir, 'log');
  if (existsSync(log) && readFileSync(log, 'utf8').trim()) findings.push({ target: dir, output: readFileSync(log, 'utf8') });
}

console.log(`sqlmap: ${targets.length} targets scanned in ${((Date.now() - started) / 1000).toFixed(0)} s, ${findings.length} finding(s)`);
for (const f of findings) console.error(`\n== ${f.target}\n${f.output}`);
await stop(findings.length ? 1 : 0);
