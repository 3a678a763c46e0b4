import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../apps/api/src/platform/config/index.ts';
import { createLogger } from '../apps/api/src/platform/logger/index.ts';
import { openKeyStore, openStore } from '../apps/api/src/runtime.ts';
import { createServices } from '../apps/api/src/services.ts';
import { result, signInDemo, type BenchResult, type BenchSuite } from './lib.ts';
import { generate } from 'otplib';
import { demoTotpSecret } from '../apps/api/src/demo/seed-demo.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Audit append (group commit) against raw batched INSERTs of the same row shape into the same SQLite file. */
async function appendThroughput(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-audit-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: 'silent' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const services = await createServices({ config, database, keys, logger });
  const db = database.db;
  // The baseline table is a copy of audit_log's own DDL (primary key and the three indexes), so both sides pay
  // the same index maintenance; only the log's work (validation, encoding, hashing, chaining) differs.
  const ddl = await sql<{
    sql: string;
  }>`select sql from sqlite_master where tbl_name = 'audit_log' and type in ('table', 'index') and sql is not null`.execute(db);
  for (const { sql: statement } of ddl.rows) await sql.raw(statement.replaceAll('audit_log', 'raw_audit')).execute(db);
  const total = 20_000;
  const wave = 2_000;
  const event = (i: number) => ({
    type: 'vault.fields_revealed',
    actor: { accountId: `acct-${i % 50}`, role: 'broker', sessionId: 'f'.repeat(64) },
    decision: 'allowed' as const,
    purpose: 'deal_execution',
    subjectId: `subject-${i % 500}`,
    fields: ['account_profiles.mobile'],
    requestId: `req-${i}`,
    data: { table: 'account_profiles', recordId: `rec-${i % 500}` },
  });
  try {
    let t0 = performance.now();
    for (let done = 0; done < total; done += wave) {
      await Promise.all(Array.from({ length: wave }, (_, i) => services.auditLog.append(event(done + i))));
    }
    const appendRate = total / ((performance.now() - t0) / 1000);

    const sample = await db.selectFrom('audit_log').selectAll().limit(1).executeTakeFirstOrThrow();
    t0 = performance.now();
    for (let done = 0; done < total; done += 256) {
      // Same value spread as the events (50 actors, 500 subjects), so both sides touch the indexes alike.
      const rows = Array.from({ length: Math.min(256, total - done) }, (_, i) => {
        const n = done + i;
        return {
          ...sample,
          seq: n + 1,
          actor_account_id: `acct-${n % 50}`,
          subject_id: `subject-${n % 500}`,
          request_id: `req-${n}`,
          leaf_hash: sample.leaf_hash.slice(0, 56) + String(n).padStart(8, '0'),
        };
      });
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto('raw_audit' as 'audit_log')
            .values(rows.slice(i, i + 200))
            .execute();
      });
    }
    const rawRate = total / ((performance.now() - t0) / 1000);
    return result(
      'audit.append_vs_raw_batched_insert',
      'events/s',
      appendRate,
      rawRate,
      'SQLite file, WAL; group commit vs 256-row INSERT transactions',
    );
  } finally {
    await services.auditLog.stop();
    await database.close();
    await keys.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startAudited(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(`${HERE}servers/app-server.ts`, {
    env: { ...process.env, BENCH_AUDITED: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, port };
}

/** End to end: the audited reveal route (auth, purpose check, durable access event, decryption) vs a bare route. */
async function auditedRead(): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const { child, port } = await startAudited();
  try {
    const base = `http://127.0.0.1:${port}`;
    // Staff sign in in two steps: the demo broker's published TOTP secret gives the code.
    const { headers } = await signInDemo(base, 'broker', () => generate({ secret: demoTotpSecret('broker') }));
    const found = (await (
      await fetch(`${base}/api/staff/customers/lookup`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ mobile: '13800000001', purpose: 'deal_execution' }),
      })
    ).json()) as { accounts: { accountId: string }[] };
    const accountId = found.accounts[0]?.accountId;
    const body = JSON.stringify({ fields: ['mobile'], purpose: 'deal_execution' });
    const run = async (path: string, duration: number) => {
      const r = await autocannon({ url: `${base}${path}`, method: 'POST', headers, body, connections: 16, duration });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: non-2xx ${r.non2xx}, errors ${r.errors}`);
      return r;
    };
    await run(`/api/staff/customers/${accountId}/reveal`, 1);
    await run('/api/bench/bare', 1);
    const bare = await run('/api/bench/bare', seconds);
    const audited = await run(`/api/staff/customers/${accountId}/reveal`, seconds);
    return [
      result(
        'audit.e2e_audited_read_vs_bare_route',
        'req/s',
        audited.requests.average,
        bare.requests.average,
        'POST reveal (session, CSRF, purpose check, durable access event, decrypt) vs a bare POST route in the same app',
      ),
      result(
        'audit.e2e_audited_read_p99',
        'ms',
        audited.latency.p99,
        bare.latency.p99 + 10,
        `baseline = bare p99 (${bare.latency.p99} ms) + 10 ms`,
      ),
    ];
  } finally {
    child.kill();
  }
}

const suite: BenchSuite = {
  name: 'audit',
  async run() {
    return [await appendThroughput(), ...(await auditedRead())];
  },
};
export default suite;
