import { createFileSigningKey, signingKeyFromEnv, type AuditSigningKey } from './integrity/index.ts';

/**
 * The checkpoint signing key is kept apart from the database: AUDIT_SIGNING_KEY (a base64 Ed25519 seed) in
 * containers, else DATA_DIR/audit-signing.key (0600). Someone who can rewrite the database cannot forge a checkpoint.
 */
export function openAuditSigningKey(options: { seedBase64: string | undefined; dataDir: string; keyName: string }): Promise<AuditSigningKey> {
  if (options.seedBase64) return Promise.resolve(signingKeyFromEnv(options.seedBase64, options.keyName));
  return createFileSigningKey({ dir: options.dataDir, keyName: options.keyName });
}
