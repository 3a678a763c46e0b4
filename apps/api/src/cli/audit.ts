import type { TIntegrityResponse } from '@sealbridge/contracts';
import { join } from 'node:path';
import { loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { createServices } from '../services.ts';
import { openKeyStore, openStore } from '../runtime.ts';
import { EvidenceError, evidenceSource, loadEvidence, publicKeyFromVkey } from '../modules/audit/index.ts';
import { optionValue, optionValues, unknownOptions } from './cli-args.ts';

/** Exit codes: intact, not intact, usage, intact as far as the database alone can tell (no outside evidence). */
export const VERIFY_EXIT = { intact: 0, broken: 1, usage: 2, noEvidence: 3 } as const;

export const VERIFY_USAGE = `audit verify [--checkpoints <file|url>]... [--witness-state <file>]... [--key <vkey>] [--internal-only] [--json]
  Checks the hash chain, every leaf hash, the Merkle root at every signed checkpoint and the signatures, against
  the checkpoints in the database AND outside evidence: AUDIT_EXPORT_DIR/checkpoints.jsonl by default, copies kept
  elsewhere (--checkpoints, a file or an http(s) URL), witness state files (--witness-state). A log shorter than,
  or inconsistent with, any of them fails, naming the record and the reason. --key pins the log's verifier key
  (a vkey kept outside) instead of trusting the key in DATA_DIR. Exits 0 intact, 1 not intact, 2 usage error,
  3 when no outside evidence was found (the database alone cannot show a wiped or rolled-back log; use
  --internal-only to accept that).`;

function describe(result: TIntegrityResponse): string {
  if (result.ok) {
    return `audit trail intact: ${result.checkedRecords} records, ${result.checkedCheckpoints} signed checkpoints verified (${result.externalCheckpoints ?? 0} from outside the database)`;
  }
  const where = result.firstBadSeq !== undefined ? `first bad sequence number ${result.firstBadSeq}` : 'a checkpoint is rejected';
  return `audit trail NOT intact: ${where} (${result.reason})${result.detail ? `: ${result.detail}` : ''}`;
}

/**
 * `audit verify`: see VERIFY_USAGE. Needs only DATA_DIR / DATABASE_URL: the log's origin is stored with it, so
 * PORT and PUBLIC_URL play no part.
 */
export async function verifyAudit(args: string[]): Promise<number> {
  const unknown = unknownOptions(args, ['--checkpoints', '--witness-state', '--key'], ['--json', '--internal-only']);
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}\n\n${VERIFY_USAGE}`);
    return VERIFY_EXIT.usage;
  }
  const config = loadConfig();
  let pinned: { publicKey: ReturnType<typeof publicKeyFromVkey>['publicKey']; keyName: string } | undefined;
  const vkey = optionValue(args, '--key');
  try {
    pinned = vkey ? publicKeyFromVkey(vkey) : undefined;
  } catch (error) {
    console.error(`--key: ${error instanceof Error ? error.message : 'not a verifier key'}`);
    return VERIFY_EXIT.usage;
  }
  const given = [
    ...optionValues(args, '--checkpoints').map(evidenceSource),
    ...optionValues(args, '--witness-state').map((f) => evidenceSource(f)),
  ];
  const sources = given.length ? given : [{ kind: 'file' as const, location: join(config.auditExportDir, 'checkpoints.jsonl') }];
  const external = [];
  for (const source of sources) {
    try {
      external.push(...(await loadEvidence(source)));
    } catch (error) {
      // Evidence that was asked for and cannot be read is an error; the default export may simply not exist.
      if (!(error instanceof EvidenceError) || given.length) {
        console.error(`cannot use ${source.location}: ${error instanceof Error ? error.message : 'unknown error'}`);
        return VERIFY_EXIT.usage;
      }
    }
  }
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  try {
    const services = await createServices({ config, database, keys, logger });
    const result = await services.audit.verify({ external, ...(pinned ? { verifier: pinned } : {}) });
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else if (result.ok) console.log(describe(result));
    else console.error(describe(result));
    if (!result.ok) return VERIFY_EXIT.broken;
    if (external.length === 0 && !args.includes('--internal-only')) {
      console.error(
        'no outside evidence: only the database was checked, which cannot show a wiped, cut or rolled-back log. Pass --checkpoints <copy> or --witness-state <file> (or --internal-only).',
      );
      return VERIFY_EXIT.noEvidence;
    }
    return VERIFY_EXIT.intact;
  } finally {
    await database.close();
    await keys.close();
  }
}
