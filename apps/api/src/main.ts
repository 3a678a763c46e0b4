import { ConfigError, loadConfig, type Config } from './platform/config/index.ts';
import { createLogger } from './platform/logger/index.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoTotpSecret, seedDemo } from './demo/seed-demo.ts';
import { DEMO_DEAL_ACCOUNTS, seedDemoDeal } from './demo/seed-demo-deal.ts';
import { KeyProviderError } from './modules/vault/index.ts';
import { createJobRunner, openKeyStore, openStore, VERSION } from './runtime.ts';

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

/** Start-up failures an operator can fix get one clear line, not a stack trace. */
function failStart(error: unknown): never {
  if (error instanceof KeyProviderError) console.error(`Cannot open the key store: ${error.message}`);
  else console.error(`Sealbridge failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}

// Files this process creates (database, WAL, key store, logs) are readable by its own user only.
process.umask(0o077);
const config = readConfig();
const logger = createLogger({ level: config.logLevel });
const { database, keys, jobs, app, seeded } = await (async () => {
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const jobs = createJobRunner(config, database, logger);
  const app = await buildApp({ config, database, keys, logger, jobs, version: VERSION });
  let seeded = false;
  if (config.demo) seeded = await seedDemo(database, app.services);
  // The demo deal has its own guard: a store seeded before it existed gets it on the next start.
  if (config.demo) await seedDemoDeal(database, app.services);
  return { database, keys, jobs, app, seeded };
})().catch(failStart);
await jobs.start();
await app.listen({ port: config.port, host: config.host });

const store = database.dialect === 'sqlite' ? `SQLite ${database.sqlitePath}` : 'PostgreSQL';
console.log(`\n  Sealbridge ${VERSION} — ${config.publicUrl}  (${store})`);
if (config.demo) {
  console.log(`  Demo data ${seeded ? 'seeded' : 'present'}. Demo log-ins (password ${DEMO_PASSWORD}):`);
  for (const a of [...DEMO_ACCOUNTS, ...DEMO_DEAL_ACCOUNTS]) {
    const totp = a.kind === 'staff' ? `  second factor: TOTP secret ${demoTotpSecret(a.loginName)}` : '';
    console.log(`    ${a.loginName.padEnd(9)} ${a.roles.join(', ').padEnd(17)}${totp}`);
  }
  console.log('  Staff sign in with a TOTP code: add the secret to an authenticator app, or run `npm run cli -- demo totp <log-in>`.');
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
  await keys.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
