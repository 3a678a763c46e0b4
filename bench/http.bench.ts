import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { result, type BenchSuite } from './lib.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

async function startServer(file: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(`${HERE}servers/${file}`, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, port };
}

async function load(port: number, seconds: number): Promise<number> {
  const r = await autocannon({ url: `http://127.0.0.1:${port}/api/meta`, connections: 32, pipelining: 1, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`non-2xx ${r.non2xx}, errors ${r.errors}`);
  return r.requests.average;
}

const suite: BenchSuite = {
  name: 'http',
  async run() {
    const seconds = Number(process.env.BENCH_SECONDS ?? 5);
    const app = await startServer('app-server.ts');
    // The same app with request logging off (LOG_LEVEL=warn), to separate framework cost from log cost.
    const quiet = await startServer('app-server.ts', { BENCH_LOG_LEVEL: 'warn' });
    // The baseline sends the very headers the app sends, so both answer the same bytes' worth.
    const sample = await fetch(`http://127.0.0.1:${app.port}/api/meta`);
    const headers: Record<string, string> = {};
    sample.headers.forEach((value, key) => {
      if (!['content-length', 'content-type', 'date', 'connection', 'keep-alive', 'x-request-id'].includes(key)) headers[key] = value;
    });
    const bare = await startServer('bare-server.ts', { BENCH_HEADERS: JSON.stringify(headers) });
    try {
      await load(app.port, 1);
      await load(bare.port, 1);
      await load(quiet.port, 1);
      let best = 0;
      let bestQuiet = 0;
      let bestBase = 0;
      for (let round = 0; round < 2; round++) {
        bestBase = Math.max(bestBase, await load(bare.port, seconds));
        best = Math.max(best, await load(app.port, seconds));
        bestQuiet = Math.max(bestQuiet, await load(quiet.port, seconds));
      }
      return [
        result(
          'http.build_app_json_vs_bare_node_http',
          'req/s',
          best,
          bestBase,
          'GET /api/meta, 32 connections, best of 2 rounds, request log on (production default)',
        ),
        result(
          'http.build_app_json_vs_bare_node_http_no_request_log',
          'req/s',
          bestQuiet,
          bestBase,
          'same, LOG_LEVEL=warn: what the framework and our hooks cost without the per-request log line',
        ),
      ];
    } finally {
      app.child.kill();
      quiet.child.kill();
      bare.child.kill();
    }
  },
};
export default suite;
