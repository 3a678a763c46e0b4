import { dirname } from 'node:path';
import { createFileSigningKey, signingKeyFromEnv, type AuditSigningKey } from './integrity/index.ts';

/**
 * The checkpoint signing key is kept apart from the database: AUDIT_SIGNING_KEY (a base64 Ed25519 seed) in
 * containers, else a key file (0600) — AUDIT_SIGNING_KEY_FILE, which should lie outside DATA_DIR (someone who can
 * copy or edit the data directory must not also get the key that re-signs a rewritten log), else
 * DATA_DIR/audit-signing.key for the embedded demo.
 */
export function openAuditSigningKey(options: {
  seedBase64: string | undefined;
  filePath?: string | undefined;
  dataDir: string;
  keyName: string;
}): Promise<AuditSigningKey> {
  if (options.seedBase64) return Promise.resolve(signingKeyFromEnv(options.seedBase64, options.keyName));
  if (options.filePath) return createFileSigningKey({ dir: dirname(options.filePath), path: options.filePath, keyName: options.keyName });
  return createFileSigningKey({ dir: options.dataDir, keyName: options.keyName });
}
