import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { KEY_BYTES } from './root-key-provider.ts';
import { VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * HKDF-SHA256 info labels. The root key is never used directly: each use gets its own derived key, so a KEK
 * wrap key can never be confused with a blind-index key. Changing a label is a breaking change of the format.
 * The salt is empty (RFC 5869 §3.1: optional when the input key is already uniformly random).
 */
export const HKDF_INFO = {
  kekWrap: 'sealbridge/kek-wrap/v1',
  blindIndexRoot: 'sealbridge/bidx-root/v1',
  fingerprint: 'sealbridge/root-fingerprint/v1',
  backup: 'sealbridge/backup/v1',
  blindIndexField: (table: string, column: string) => `sealbridge/bidx/v1/${table}.${column}`,
} as const;

/**
 * Everything the keyring needs from the root key, as non-extractable-in-practice KeyObjects (the material lives
 * in native memory, outside the JS heap and heap snapshots). `fingerprint` is a public 16-hex-digit check value
 * stored in every wrapped KEK, so a wrong root key is reported as such instead of as a corrupt database.
 */
export type RootKeys = {
  fingerprint: string;
  kekWrapKey: KeyObject;
  blindIndexRoot: KeyObject;
};

/** Derives the root keys and zeroes nothing: the caller owns `rootKey` and should zero it afterwards. */
export function deriveRootKeys(rootKey: Buffer): RootKeys {
  if (rootKey.length !== KEY_BYTES) {
    throw new VaultCryptoError('INVALID_ARGUMENT', `root key must be ${KEY_BYTES} bytes, got ${rootKey.length}`);
  }
  const fingerprint = hkdf(rootKey, HKDF_INFO.fingerprint, 8);
  try {
    return {
      fingerprint: fingerprint.toString('hex'),
      kekWrapKey: secretKey(hkdf(rootKey, HKDF_INFO.kekWrap, KEY_BYTES)),
      blindIndexRoot: secretKey(hkdf(rootKey, HKDF_INFO.blindIndexRoot, KEY_BYTES)),
    };
  } finally {
    fingerprint.fill(0);
  }
}

/**
 * The key that seals backups of the data store and the key store (modules/lifecycle): derived from the root key, so a
 * backup opens with the root key alone — never with a data key inside the store it backs up.
 */
export function deriveBackupKey(rootKey: Buffer): KeyObject {
  if (rootKey.length !== KEY_BYTES) throw new VaultCryptoError('INVALID_ARGUMENT', `root key must be ${KEY_BYTES} bytes`);
  return secretKey(hkdf(rootKey, HKDF_INFO.backup, KEY_BYTES));
}

/** A per-field blind-index key: HKDF(blind-index root, "sealbridge/bidx/v1/<table>.<column>"). */
export function deriveBlindIndexKey(blindIndexRoot: KeyObject, table: string, column: string): KeyObject {
  assertIdentifier(table, 'table');
  assertIdentifier(column, 'column');
  return secretKey(hkdf(blindIndexRoot, HKDF_INFO.blindIndexField(table, column), KEY_BYTES));
}

/** Imports raw key bytes and zeroes the source buffer, so the only copy left is inside the KeyObject. */
export function secretKey(raw: Buffer): KeyObject {
  try {
    return createSecretKey(raw);
  } finally {
    raw.fill(0);
  }
}

function hkdf(ikm: Buffer | KeyObject, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, length));
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Table and column names are SQL snake_case identifiers. Forbidding dots (and anything else) keeps the
 * "<table>.<column>" label unambiguous: ("a.b","c") and ("a","b.c") can never derive the same key.
 */
export function assertIdentifier(value: string, what: string): void {
  if (!IDENTIFIER.test(value)) {
    throw new VaultCryptoError('INVALID_ARGUMENT', `${what} name must match ${IDENTIFIER.source}, got "${value}"`);
  }
}
