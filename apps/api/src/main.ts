import { ConfigError, loadConfig, type Config } from './platform/config/index.ts';
import { createLogger } from './platform/logger/index.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed-demo.ts';
import { createJobRunner, openStore, VERSION } from './runtime.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems) console.error(`Invalid configuration: ${p.variable} — ${p.problem}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = createLogger({ level: config.logLevel });
const database = await openStore(config, logger);
const jobs = createJobRunner(config, database, logger);
const app = await buildApp({ config, database, logger, version: VERSION });

let seeded = false;
if (config.demo) seeded = await seedDemo(database);
await jobs.start();
await app.listen({ port: config.port, host: config.host });

const store = database.dialect === 'sqlite' ? `SQLite ${database.sqlitePath}` : 'PostgreSQL';
console.log(`\n  Sealbridge ${VERSION} — ${config.publicUrl}  (${store})`);
if (config.demo) {
  console.log(`  Demo data ${seeded ? 'seeded' : 'present'}. Demo log-ins (password ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.loginName.padEnd(9)} ${a.roles.join(', ')}`);
}
console.log('');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'shutting down');
  await app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
