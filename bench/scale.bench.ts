import { availableParallelism as availableCores, loadavg } from 'node:os';
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
async function load(port: number, seconds: number): Promise<{ rps: number; p50: number }> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/api/listings?industry=信息技术`.replace('信息技术', encodeURIComponent('信息技术')),
    connections: 24,
    pipelining: 1,
    duration: seconds,
  });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`errors ${r.errors}, non-2xx ${r.non2xx}`);
  return { rps: r.requests.average, p50: r.latency.p50 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

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
      // Warm every instance directly (JIT, pools, caches): otherwise the n-instance runs pay the later instances' warm-up.
      for (const i of cluster.instances) await load(i.port, 2);
      // Rounds in alternating order (1-2-3, 3-2-1, …), median per n: the other sessions on this machine come and go,
      // and measuring 1, 2, 3 once each in that order charges any change of background load to one of them.
      const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
      const rates: number[][] = cluster.lb.map(() => []);
      const latency: number[][] = cluster.lb.map(() => []);
      const loads: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? [...cluster.lb.keys()].reverse() : [...cluster.lb.keys()];
        for (const n of order) {
          const r = await load(cluster.lb[n] ?? 0, seconds);
          rates[n]?.push(r.rps);
          latency[n]?.push(r.p50);
          loads.push(loadavg()[0] ?? 0);
        }
      }
      const one = median(rates[0] ?? []);
      const load1 = `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableCores()} cores`;
      return rates.map((r, i) =>
        result(
          `scale.listings_rps_${i + 1}_instance${i ? 's' : ''}`,
          'req/s',
          median(r),
          one,
          `${i + 1} instance(s) behind haproxy, PostgreSQL + Redis, autocannon 24 connections ${seconds} s, median of ${rounds} rounds ` +
            `(${r.map((x) => Math.round(x)).join('/')} req/s, p50 ${median(latency[i] ?? [])} ms); ${load1}; baseline 1 instance`,
        ),
      );
    } finally {
      await cluster.stop();
    }
  },
};
export default suite;
