import { KeyProviderError } from './vault-crypto-errors.ts';

/** Size of the root key and of every KEK and DEK (AES-256). */
export const KEY_BYTES = 32;

/**
 * Where the 32-byte root key comes from. The root key never encrypts data itself: it only derives the key that
 * wraps KEKs and the blind-index root (see key-derivation.ts). `id` names the source for logs and for the
 * boot banner (never the key). `getRootKey` returns a fresh copy each call, so the caller may zero it.
 *
 * Implementations shipped here: `createFileKeyProvider` (embedded default, `DATA_DIR/root.key`, mode 0600) and
 * `createEnvKeyProvider` (`ROOT_KEY`, base64).
 *
 * External KMS (Alibaba Cloud KMS, Tencent Cloud KMS, HashiCorp Vault Transit, an HSM): implement this same type
 * with the envelope pattern — keep only the KMS-wrapped root key locally (a file or an env variable), and in
 * `getRootKey` call the KMS "Decrypt" operation once at boot, check the result is 32 bytes and return it.
 * `id` should be `kms:<provider>:<key name or ARN>`. The KMS credentials come from the platform's workload
 * identity, never from this module. Rotation of the KMS master key is the KMS's business: re-encrypt the wrapped
 * root key blob; nothing in the database changes. No fake implementation lives here on purpose.
 */
export type KeyProvider = {
  id: string;
  getRootKey(): Promise<Buffer>;
};

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Parses a base64 text that must hold exactly 32 bytes, in canonical form (what `Buffer#toString('base64')`
 * writes). Returns undefined instead of throwing so each caller words its own error.
 */
export function parseBase64Key(text: string): Buffer | undefined {
  if (!BASE64_32_BYTES.test(text)) return undefined;
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== text) {
    key.fill(0);
    return undefined;
  }
  return key;
}

/**
 * Root key from an environment variable (scale-out deployments inject it from their secret store).
 * Validates eagerly so a bad value stops the boot; the error names the variable, never echoes the value.
 */
export function createEnvKeyProvider(value: string | undefined, variableName = 'ROOT_KEY'): KeyProvider {
  const hint = `${variableName} must be 32 random bytes in base64 (44 characters ending in "="), e.g. the output of \`openssl rand -base64 32\``;
  if (value === undefined || value.trim() === '') {
    throw new KeyProviderError('ENV_KEY_INVALID', `${variableName} is not set; ${hint}`);
  }
  const key = parseBase64Key(value.trim());
  if (!key) throw new KeyProviderError('ENV_KEY_INVALID', `${variableName} is malformed; ${hint}`);
  return {
    id: `env:${variableName}`,
    getRootKey: async () => Buffer.from(key),
  };
}
