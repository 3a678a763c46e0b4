import { sql, type Kysely } from 'kysely';
import { createRetentionRepo, createRetentionService, certificateSignerFrom } from '../apps/api/src/modules/retention/index.ts';
import { createTestApp, type TestApp } from '../apps/api/test/helpers/test-app.ts';
import { generateKeyPairSync } from 'node:crypto';
import { result, type BenchResult, type BenchSuite } from './lib.ts';

const RECORDS = Number(process.env.BENCH_RETENTION_RECORDS ?? 10_000);
const ROUNDS = 3;
const TABLE = 'delivery_outbox';

/** 10,000 sealed outbox messages, a year old (past the 180-day ceiling), under one subject of their own. */
async function plant(t: TestApp) {
  const vault = t.app.services.vault;
  const subject = await vault.createSubject('customer');
  const db = t.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const id = `bench-${String(i).padStart(6, '0')}`;
    const sealed = await vault.sealFields(subject, TABLE, id, { mobile: `+86138${String(i).padStart(8, '0')}`, body: `验证码 ${i}` });
    rows.push({
      id,
      subject_id: subject.subjectId,
      channel: 'sms',
      template: 'bench',
      status: 'sent',
      created_at: '2025-01-01T00:00:00.000Z',
      ...sealed,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(TABLE)
      .values(rows.slice(i, i + 500))
      .execute();
}

async function runOn(dialect: 'sqlite' | 'postgres'): Promise<BenchResult[]> {
  const t = await createTestApp(dialect);
  try {
    await plant(t);
    if (dialect === 'postgres') await sql`analyze delivery_outbox`.execute(t.database.db);
    const s = t.app.services;
    const retention = createRetentionService({
      repo: createRetentionRepo(t.database.db),
      erasure: s.erasure,
      audit: s.auditLog,
      signer: certificateSignerFrom(generateKeyPairSync('ed25519').privateKey, 'bench.example/sealbridge-retention'),
    });
    const officer = {
      accountId: 'bench',
      sessionId: 'bench',
      kind: 'staff' as const,
      roles: ['privacy_officer'],
      csrfToken: '',
      stage: 'active' as const,
    };
    const raw = () => t.database.db.selectFrom(TABLE).select(['id', 'subject_id', 'created_at']).orderBy('id').execute();
    let bestDry = Number.POSITIVE_INFINITY;
    let bestRaw = Number.POSITIVE_INFINITY;
    let scanned = 0;
    for (let r = 0; r < ROUNDS; r++) {
      let t0 = performance.now();
      await raw();
      bestRaw = Math.min(bestRaw, performance.now() - t0);
      t0 = performance.now();
      scanned = (await retention.dryRun(officer)).scanned;
      bestDry = Math.min(bestDry, performance.now() - t0);
    }
    const t0 = performance.now();
    const swept = await retention.run();
    const sweepMs = performance.now() - t0;
    if (swept.counts.find((c) => c.table === TABLE)?.destroyed !== RECORDS)
      throw new Error('the sweep did not destroy every planted record');
    const perSecond = (n: number, ms: number) => (n / ms) * 1000;
    return [
      result(
        `retention.dry_run_${RECORDS}_records_${dialect}`,
        'records/s',
        perSecond(scanned, bestDry),
        perSecond(RECORDS, bestRaw),
        `every swept copy paged and classified (ceiling, floor, holds); ${scanned} records scanned; baseline: raw select of the same outbox rows`,
      ),
      result(
        `retention.sweep_${RECORDS}_records_${dialect}`,
        'records/s',
        perSecond(RECORDS, sweepMs),
        perSecond(RECORDS, bestRaw),
        'scan + shred (one subject) + ciphertexts of shared subjects checked + signed certificate; baseline: raw select of the same rows',
      ),
    ];
  } finally {
    await t.close();
  }
}

/** The retention job over 10,000 records past their ceiling: dry run (scan) and the real sweep, against a raw select. */
export default {
  name: 'retention',
  async run() {
    const out = await runOn('sqlite');
    if (process.env.DATABASE_URL) out.push(...(await runOn('postgres')));
    return out;
  },
} satisfies BenchSuite;
