import { loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { createServices } from '../services.ts';
import { openKeyStore, openStore } from '../runtime.ts';

/**
 * `audit verify [--json]`: checks the hash chain, every leaf hash, the Merkle root at every signed checkpoint
 * and each checkpoint's signature, and that the log was not truncated below a checkpoint. Exits 0 when intact,
 * 1 naming the first bad sequence number otherwise.
 */
export async function verifyAudit(args: string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  try {
    const services = await createServices({ config, database, keys, logger });
    const result = await services.audit.verify();
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else if (result.ok) {
      console.log(`audit trail intact: ${result.checkedRecords} records, ${result.checkedCheckpoints} signed checkpoints verified`);
    } else {
      console.error(`audit trail NOT intact: first bad sequence number ${result.firstBadSeq} (${result.reason})`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
    await keys.close();
  }
}
