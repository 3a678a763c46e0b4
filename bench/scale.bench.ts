import autocannon from 'autocannon';
import { scalePrerequisites, startCluster } from '../apps/api/test/scale/cluster.ts';
import { result, type BenchSuite } from './lib.ts';

/**
 * Throughput of 1, 2 and 3 API instances on one PostgreSQL and one Redis behind haproxy (the scale test's cluster,
 * apps/api/test/scale/cluster.ts): GET /api/listings (public search, demo data) through haproxy front ends that
 * balance over the first n instances, measured in the same run; the baseline is one instance behind haproxy.
 * Needs DATABASE_URL, REDIS_URL and haproxy; skipped otherwise. On a 2-core machine the instances, PostgreSQL,
 * Redis, haproxy and the load generator share two cores: expect contention, not linear scaling.
 */
async function load(port: number, seconds: number): Promise<number> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/api/listings?industry=信息技术`.replace('信息技术', encodeURIComponent('信息技术')),
    connections: 24,
    pipelining: 1,
    duration: seconds,
  });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`errors ${r.errors}, non-2xx ${r.non2xx}`);
  return r.requests.average;
}

const suite: BenchSuite = {
  name: 'scale',
  async run() {
    const missing = scalePrerequisites();
    if (missing) {
      console.error(`bench scale skipped: ${missing}`);
      return [];
    }
    const seconds = Number(process.env.BENCH_SECONDS ?? 5);
    const cluster = await startCluster(3);
    try {
      const rates: number[] = [];
      for (const port of cluster.lb) await load(port, 1); // warm-up
      for (const port of cluster.lb) rates.push(await load(port, seconds));
      const one = rates[0] ?? 1;
      return rates.map((rate, i) =>
        result(
          `scale.listings_rps_${i + 1}_instance${i ? 's' : ''}`,
          'req/s',
          rate,
          one,
          `${i + 1} instance(s) behind haproxy, PostgreSQL + Redis, autocannon 24 connections ${seconds} s; baseline 1 instance`,
        ),
      );
    } finally {
      await cluster.stop();
    }
  },
};
export default suite;
