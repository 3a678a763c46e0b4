/**
 * Cryptographic core of the vault: root-key providers, the KEK → DEK hierarchy with rotation and re-wrap,
 * AES-256-GCM field and envelope encryption bound to (table, column, record), blind indexes with a sizing
 * planner, bounded key caches, and the erased state of crypto-shredded data. Pure functions plus one stateful
 * keyring; storage is the caller's (see README.md for the tables this expects).
 */
export {
  DecryptionError,
  ErasedError,
  isErasedError,
  isVaultCryptoError,
  KeyProviderError,
  VaultCryptoError,
  type VaultCryptoReason,
} from './vault-crypto-errors.ts';
export { createEnvKeyProvider, KEY_BYTES, parseBase64Key, type KeyProvider } from './root-key-provider.ts';
export { createFileKeyProvider, ROOT_KEY_FILE_NAME } from './file-key-provider.ts';
export { deriveBackupKey, deriveBlindIndexKey, deriveRootKeys, HKDF_INFO, type RootKeys } from './key-derivation.ts';
export { ALG_AES_256_GCM, FORMAT_VERSION, NONCE_BYTES, PAYLOAD_KIND, readKeyId, TAG_BYTES, type PayloadKind } from './sealed-format.ts';
export {
  decryptEnvelope,
  decryptField,
  encryptEnvelope,
  encryptField,
  type DataKey,
  type EnvelopeFields,
  type FieldContext,
  type JsonValue,
} from './field-cipher.ts';
export {
  addKek,
  bootstrapKekRing,
  currentKekRecord,
  kekIdForVersion,
  promoteKek,
  removeKek,
  unwrapKek,
  type Kek,
  type KekRecord,
  type KekStatus,
} from './kek-ring.ts';
export { createDataKey, newDekId, rewrapDataKey, unwrapDataKey, type DekRecord } from './data-keys.ts';
export { createKeyCache, type KeyCache, type KeyCacheOptions } from './key-cache.ts';
export { computeBlindIndex, MAX_BLIND_INDEX_BITS, type BlindIndexSpec } from './blind-index.ts';
export { BLIND_INDEX_DOMAINS, planBlindIndexBits, type BlindIndexPlan, type BlindIndexPlanInput } from './blind-index-planner.ts';
export { normalizeCreditCode, normalizeEmail, normalizeIdNumber, normalizeMobileCn } from './normalizers.ts';
export { openVaultKeyring, type FieldRead, type VaultKeyring, type VaultKeyringOptions, type VaultKeyStore } from './vault-keyring.ts';
export { createFileOpener, createFileSealer, FILE_CHUNK_BYTES, readFileKeyId } from './file-cipher.ts';
