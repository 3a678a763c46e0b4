import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../apps/api/src/app.ts';
import { createListingsRepo, demoListings } from '../apps/api/src/modules/listings/index.ts';
import { loadConfig } from '../apps/api/src/platform/config/index.ts';
import { createLogger } from '../apps/api/src/platform/logger/index.ts';
import { openKeyStore, openStore } from '../apps/api/src/runtime.ts';
import { compare, result, type BenchResult, type BenchSuite } from './lib.ts';

/**
 * Listing search at 100k synthetic listings (BENCH_LISTINGS to change), on SQLite and — when DATABASE_URL is set —
 * PostgreSQL: latency percentiles over a mix of buyer queries (filters, Chinese full text of 2 and 3+ characters,
 * sorts, deep pages), and throughput against a bare route of the same app returning a page-sized JSON body.
 */
const QUERIES = [
  '/api/listings',
  '/api/listings?q=一般纳税人',
  '/api/listings?q=信息技术公司',
  '/api/listings?q=科技',
  '/api/listings?cityCode=3101&industry=信息技术',
  '/api/listings?provinceCode=44&ageBand=5to10,gte10&capitalBand=100to500',
  '/api/listings?taxpayerType=general&taxCreditGrade=A&licence=icp&sort=price_asc',
  '/api/listings?priceKind=fixed&priceMaxWan=30&sort=price_desc',
  '/api/listings?q=劳务派遣&cityCode=5101',
  '/api/listings?noRedFlags=true&hasBankAccount=true&sort=oldest_company&page=50',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runOn(dialect: 'sqlite' | 'postgres', count: number): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-listings-'));
  const schema = dialect === 'postgres' ? `bench_listings_${process.pid}` : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: '0',
    LOG_LEVEL: 'silent',
    ...(dialect === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL ?? '' } : {}),
  });
  const logger = createLogger({ level: 'silent' });
  const database = await openStore(config, logger, schema);
  const keys = await openKeyStore(config, logger, schema);
  const app = await buildApp({ config, database, keys, logger, version: 'bench' });
  let page = '';
  app.get('/api/bench/bare', { config: { permission: 'public' } }, async (_request, reply) => reply.type('application/json').send(page));
  try {
    const t0 = performance.now();
    await createListingsRepo(database.db).insertMany(demoListings(count, { idFor: (i) => `bench-${i}` }));
    const loadSeconds = (performance.now() - t0) / 1000;
    // After a bulk load autovacuum would run (insert threshold): vacuum sets the visibility map as it would.
    if (dialect === 'postgres') {
      await sql`vacuum analyze listings`.execute(database.db);
      await sql`analyze listing_licences`.execute(database.db);
    } else {
      await sql`analyze`.execute(database.db);
      // Steady state: the bulk load's WAL folded into the database file (SQLite's own checkpointing would do it).
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
    }
    page = (await app.inject('/api/listings')).body;

    for (const url of QUERIES) {
      const res = await app.inject(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    }
    const times: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const url of QUERIES) {
        const start = performance.now();
        await app.inject(encodeURI(url));
        times.push(performance.now() - start);
      }
    }
    // Per shape: p95 of 200 samples is about the median of the slowest shape, so name it.
    const shapes = QUERIES.map((url, k) => {
      const own = times.filter((_, j) => j % QUERIES.length === k).sort((a, b) => a - b);
      return { url, p50: percentile(own, 50) };
    }).sort((a, b) => b.p50 - a.p50);
    times.sort((a, b) => a - b);
    let i = 0;
    const search = () => app.inject(encodeURI(QUERIES[i++ % QUERIES.length] ?? '/api/listings'));
    const bare = () => app.inject('/api/bench/bare');
    const { value, baseline } = await compare(search, bare, { rounds: 3, minMs: 1000, batch: 10 });
    const bareP50 = await (async () => {
      const t: number[] = [];
      for (let n = 0; n < 200; n++) {
        const s = performance.now();
        await bare();
        t.push(performance.now() - s);
      }
      return percentile(
        t.sort((a, b) => a - b),
        50,
      );
    })();
    const note = `${count} listings, ${QUERIES.length} query shapes (filters, FTS ${dialect === 'sqlite' ? 'FTS5 trigram' : 'pg_trgm'}, sorts, page 50), inject; load ${loadSeconds.toFixed(1)} s`;
    return [
      result(`listings.search_p50_${dialect}`, 'ms', percentile(times, 50), bareP50, note),
      result(`listings.search_p95_${dialect}`, 'ms', percentile(times, 95), bareP50, 'goal p95 < 50 ms; baseline: bare route p50'),
      result(
        `listings.search_slowest_shapes_p50_${dialect}`,
        'ms',
        shapes[0]?.p50 ?? 0,
        bareP50,
        shapes
          .slice(0, 3)
          .map((s) => `${s.url.replace('/api/listings', '') || '(no filter)'} ${s.p50.toFixed(1)} ms`)
          .join('; '),
      ),
      result(
        `listings.search_throughput_${dialect}_vs_bare_route`,
        'req/s',
        value,
        baseline,
        'sequential app.inject, best of 3 rounds; bare route returns the same page of teasers',
      ),
    ];
  } finally {
    await app.close();
    await database.close();
    await keys.close();
    if (schema) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_keys CASCADE`);
      await client.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = {
  name: 'listings-search',
  async run() {
    const count = Number(process.env.BENCH_LISTINGS ?? 100_000);
    const out = await runOn('sqlite', count);
    if (process.env.DATABASE_URL) out.push(...(await runOn('postgres', count)));
    return out;
  },
};
export default suite;
