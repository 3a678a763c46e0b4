// The contender: the real buildApp() on an embedded store, configured as production would be.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/platform/config/index.ts';
import { createLogger } from '../../apps/api/src/platform/logger/index.ts';
import { openKeyStore, openStore, VERSION } from '../../apps/api/src/runtime.ts';
import pino from 'pino';

const config = loadConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-bench-')),
  DEMO: '0',
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
});
// Request logs are written as in production, to a file, so their cost is part of the measurement.
const logger = createLogger({
  level: config.logLevel,
  destination: pino.destination({ dest: join(config.dataDir, 'bench.log'), sync: false }),
});
const database = await openStore(config, logger);
const keys = await openKeyStore(config, logger);
const app = await buildApp({ config, database, keys, logger, version: VERSION });
if (process.env.BENCH_AUDITED === '1') {
  // The audited-read benchmark: demo customers to reveal, and a bare route in the same app as the baseline.
  const { seedDemo } = await import('../../apps/api/src/demo/seed-demo.ts');
  await seedDemo(database, app.services);
  const body = { accountId: 'x', fields: { mobile: { state: 'revealed', value: '+8613800000001' } }, updatedAt: null };
  app.post('/api/bench/bare', { config: { permission: 'public' } }, async () => body);
  // A bare GET of the size of an L1 disclosure answer, for the disclosure bench's baseline.
  const l1 = {
    listingId: 'x',
    listingCode: 'SB-20270001-ABCD',
    expiresAt: new Date().toISOString(),
    company: { name: { state: 'revealed', value: '上海澜舟信息科技有限公司' } },
    facts: { registeredCapitalWan: 500 },
  };
  app.get('/api/bench/bare', { config: { permission: 'public' } }, async () => l1);
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
