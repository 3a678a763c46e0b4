import { readFile } from 'node:fs/promises';
import { loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { createServices } from '../services.ts';
import { openKeyStore, openStore } from '../runtime.ts';

/**
 * `watermark identify <file> [--json]`: reads a leaked page (JPEG, PNG or PDF), finds the hidden rendering code
 * and prints the rendering it names — listing, viewer (the buyer's alias), grant, document, page and time. Every run
 * is an audit event (`dataroom.leak_identified`), found or not. Exit 0 when found, 1 when not, 2 on bad input.
 */
export async function identifyLeak(args: string[]): Promise<number> {
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error('usage: npm run cli -- watermark identify <file> [--json]');
    return 2;
  }
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) {
    console.error(`cannot read ${path}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const services = await createServices({ config, database, keys, logger });
  try {
    const result = await services.dataroom.identifyForOperator(bytes, { accountId: null, role: 'operator', sessionId: null });
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else if (result.found) {
      console.log(`found: code ${result.code} (sync strength ${result.syncZ.toFixed(1)})`);
      console.log(`  listing   ${result.listingCode}`);
      console.log(`  viewer    ${result.viewer}   grant ${result.grantId ?? '—'}`);
      console.log(`  document  ${result.documentTitle}, page ${result.page} (${result.kind})`);
      console.log(`  rendered  ${result.renderedAt}`);
    } else console.log(`no watermark found (sync strength ${result.syncZ.toFixed(1)}; 7 or more is needed)`);
    return result.found ? 0 : 1;
  } finally {
    await services.auditLog.stop();
    await services.auditLog.checkpointNow();
    await database.close();
    await keys.close();
  }
}
