/**
 * A scale-out deployment on this machine, without containers (issue 20): N API processes on one PostgreSQL
 * database and one Redis database, behind haproxy, exactly as compose.yaml runs them. Used by the scale test
 * (cluster.scale-test.ts, `npm run test:scale`) and the 1/2/3-instance throughput bench (bench/scale.bench.ts).
 *
 * Isolation: a database of its own (created and dropped here) and a Redis logical database of its own (flushed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

const REPO = new URL('../../../../', import.meta.url).pathname;
export const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';
/** Redis logical database of the scale runs (others use 0). */
const REDIS_DB = 13;

export type Instance = { index: number; port: number; exportDir: string; process: ChildProcess; alive: boolean };
export type Cluster = {
  /** haproxy's front ends: lb[n - 1] balances over the first n instances. */
  lb: number[];
  instances: Instance[];
  databaseUrl: string;
  env: Record<string, string>;
  kill: (index: number, signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
};

export type HttpAnswer = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

/** One HTTP request to 127.0.0.1:port (node:http, so the Host and X-Forwarded-For headers are ours to set). */
export function http(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; raw?: Buffer } = {},
): Promise<HttpAnswer> {
  // `raw` is sent as given (a multipart upload: its content type comes in `headers`); `body` as JSON.
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: encodeURI(path),
        headers: { ...(payload && !options.raw ? { 'content-type': 'application/json' } : {}), ...options.headers },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`timeout ${method} ${path}`)));
    req.end(payload);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${what} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function scalePrerequisites(): string | undefined {
  if (!process.env.DATABASE_URL) return 'DATABASE_URL is not set';
  if (!process.env.REDIS_URL) return 'REDIS_URL is not set';
  if (!existsSync(HAPROXY)) return `haproxy not found at ${HAPROXY}`;
  return undefined;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts `count` instances (the first seeds the demo data and runs the migrations) and haproxy. */
export async function startCluster(
  count: number,
  options: { logLevel?: string; env?: Record<string, string>; instanceEnv?: (index: number) => Record<string, string> } = {},
): Promise<Cluster> {
  const problem = scalePrerequisites();
  if (problem) throw new Error(problem);
  const adminUrl = process.env.DATABASE_URL ?? '';
  const dbName = `sb_scale_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, dbName);
  const redisUrl = `${(process.env.REDIS_URL ?? '').replace(/\/\d*$/, '')}/${REDIS_DB}`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  await redis.quit();

  const dir = mkdtempSync(join(tmpdir(), 'sb-scale-'));
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const lb = await Promise.all(Array.from({ length: count }, () => freePort()));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // Every instance holds the same root key and audit signing key (a secrets manager in production).
    ROOT_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: `http://127.0.0.1:${lb[count - 1]}`,
    TRUST_PROXY: '1',
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'warn',
    NODE_ENV: 'production',
    ...options.env,
  };
  const instances: Instance[] = [];

  function launch(index: number, demo: boolean): Instance {
    const dataDir = join(dir, `app${index}`);
    const exportDir = join(dataDir, 'audit-export');
    const child = spawn(process.execPath, [join(REPO, 'apps/api/src/main.ts')], {
      cwd: REPO,
      env: {
        ...process.env,
        ...env,
        ...options.instanceEnv?.(index),
        PORT: String(ports[index]),
        DATA_DIR: dataDir,
        AUDIT_EXPORT_DIR: exportDir,
        DEMO: demo ? '1' : '0',
      },
      stdio: ['ignore', process.env.SCALE_STDOUT ? 'inherit' : 'ignore', 'inherit'],
    });
    const instance: Instance = { index, port: ports[index] ?? 0, exportDir, process: child, alive: true };
    child.on('exit', () => {
      instance.alive = false;
    });
    return instance;
  }
  const ready = (port: number) => waitFor(`instance on ${port}`, async () => (await http(port, 'GET', '/readyz')).status === 200, 60_000);

  // Instances that never became ready must not outlive the run (they would keep the test process alive).
  const abandon = async (error: unknown): Promise<never> => {
    for (const i of instances) if (i.alive) i.process.kill('SIGKILL');
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  };
  try {
    instances.push(launch(0, true));
    await ready(ports[0] ?? 0);
    for (let i = 1; i < count; i++) instances.push(launch(i, false));
    await Promise.all(instances.slice(1).map((i) => ready(i.port)));
  } catch (error) {
    return abandon(error);
  }

  const servers = (n: number) =>
    ports
      .slice(0, n)
      .map((p, i) => `  server app${i} 127.0.0.1:${p} check inter 500 fall 2 rise 1`)
      .join('\n');
  const config = [
    'global',
    '  maxconn 2048',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout check 2s',
    '  option forwardfor',
    '  retries 2',
    '  option redispatch',
    ...lb.flatMap((port, i) => [
      `frontend fe${i + 1}`,
      `  bind 127.0.0.1:${port}`,
      `  default_backend be${i + 1}`,
      `backend be${i + 1}`,
      '  balance roundrobin',
      '  option httpchk GET /healthz',
      servers(i + 1),
    ]),
  ].join('\n');
  const configFile = join(dir, 'haproxy.cfg');
  writeFileSync(configFile, `${config}\n`);
  const haproxy = spawn(HAPROXY, ['-f', configFile, '-db', '-q'], { stdio: 'ignore' });
  await waitFor('haproxy', async () => (await http(lb[count - 1] ?? 0, 'GET', '/healthz')).status === 200, 10_000);

  async function kill(index: number, signal: NodeJS.Signals) {
    const instance = instances[index];
    if (!instance?.alive) return;
    const exited = new Promise((r) => instance.process.once('exit', r));
    instance.process.kill(signal);
    await exited;
  }

  return {
    lb,
    instances,
    databaseUrl,
    env,
    kill,
    async stop() {
      haproxy.kill('SIGTERM');
      await Promise.all(instances.map((i) => kill(i.index, 'SIGTERM')));
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Lines of an instance's exported checkpoints (only the signer appends). */
export function exportedCheckpoints(instance: Instance): number {
  const file = join(instance.exportDir, 'checkpoints.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}
