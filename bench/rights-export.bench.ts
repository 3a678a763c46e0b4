import { sql, type Kysely } from 'kysely';
import { buildExport } from '../apps/api/src/modules/rights/index.ts';
import { PERSONAL_FIELDS } from '../apps/api/src/modules/vault/index.ts';
import { createTestApp, type TestApp } from '../apps/api/test/helpers/test-app.ts';
import { result, type BenchResult, type BenchSuite } from './lib.ts';

const RECORDS = Number(process.env.BENCH_RIGHTS_RECORDS ?? 10_000);
const ROUNDS = 5;
const TABLE = 'delivery_outbox';
const ACTOR = { accountId: 'bench', roles: ['buyer'], kind: 'customer' as const, sessionId: null };

/** 10,000 sealed outbox messages (mobile + body) under one subject, inserted in batches. */
async function plant(t: TestApp) {
  const vault = t.app.services.vault;
  const subject = await vault.createSubject('customer');
  const db = t.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const id = `bench-${String(i).padStart(6, '0')}`;
    const sealed = await vault.sealFields(subject, TABLE, id, {
      mobile: `+86138${String(i).padStart(8, '0')}`,
      body: `您的验证码是 ${i}，10 分钟内有效。`,
    });
    rows.push({
      id,
      subject_id: subject.subjectId,
      channel: 'sms',
      template: 'bench',
      status: 'sent',
      created_at: new Date().toISOString(),
      ...sealed,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(TABLE)
      .values(rows.slice(i, i + 500))
      .execute();
  return subject.subjectId;
}

async function runOn(dialect: 'sqlite' | 'postgres'): Promise<BenchResult[]> {
  const t = await createTestApp(dialect);
  try {
    const subjectId = await plant(t);
    if (dialect === 'postgres') await sql`analyze delivery_outbox`.execute(t.database.db);
    const columns = ['id', ...PERSONAL_FIELDS.filter((f) => f.table === TABLE).map((f) => `${f.field}_ct`)];
    const raw = async () =>
      (t.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .selectFrom(TABLE)
        .select(columns)
        .where('subject_id', '=', subjectId)
        .execute();
    let bytes = 0;
    let records = 0;
    const exportOnce = async () => {
      const doc = buildExport(await t.app.services.vault.exportSubjects([subjectId], ACTOR), {
        requestNo: 'RR-BENCH',
        portable: true,
        at: new Date(),
      });
      records = doc.records.length;
      bytes = JSON.stringify(doc).length;
    };
    let best = Number.POSITIVE_INFINITY;
    let bestRaw = Number.POSITIVE_INFINITY;
    await raw();
    await exportOnce();
    for (let r = 0; r < ROUNDS; r++) {
      let t0 = performance.now();
      await raw();
      bestRaw = Math.min(bestRaw, performance.now() - t0);
      t0 = performance.now();
      await exportOnce();
      best = Math.min(best, performance.now() - t0);
    }
    if (records !== RECORDS) throw new Error(`exported ${records} records, planted ${RECORDS}`);
    return [
      result(
        `rights.export_${RECORDS}_records_${dialect}`,
        'ms',
        best,
        bestRaw,
        `every registered table walked, ${RECORDS} records decrypted + JSON (${(bytes / 1e6).toFixed(1)} MB); goal < 1000 ms; baseline: raw select of the same ciphertext rows`,
      ),
    ];
  } finally {
    await t.close();
  }
}

/** The access-and-copy export of a subject with 10,000 records, against a raw select of the same rows (same run). */
export default {
  name: 'rights-export',
  async run() {
    const out = await runOn('sqlite');
    if (process.env.DATABASE_URL) out.push(...(await runOn('postgres')));
    return out;
  },
} satisfies BenchSuite;
