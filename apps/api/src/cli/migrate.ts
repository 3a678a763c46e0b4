import { ConfigError, loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { openKeyStore, openStore } from '../runtime.ts';

try {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const database = await openStore(config, logger);
  // The key store too: a serving role that owns no table cannot run its DDL at start (README, compose.yaml).
  const keys = await openKeyStore(config, logger);
  console.log(`migrations current (${database.dialect})`);
  await keys.close();
  await database.close();
} catch (error) {
  if (error instanceof ConfigError) {
    for (const p of error.problems) console.error(`Invalid configuration: ${p.variable} — ${p.problem}`);
  } else {
    console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
