import { AppError } from '../../../platform/errors/index.ts';

/**
 * Why a vault crypto operation failed. Messages built from these never carry plaintext, key material or a
 * ciphertext: only identifiers (key ids, table/column names, file paths) so they are safe to log.
 */
export type VaultCryptoReason =
  | 'KEY_FILE_INSECURE'
  | 'KEY_FILE_MALFORMED'
  | 'KEY_FILE_IO'
  | 'ENV_KEY_INVALID'
  | 'ROOT_KEY_MISMATCH'
  | 'KEY_NOT_FOUND'
  | 'NO_CURRENT_KEK'
  | 'KEK_STATE_INVALID'
  | 'CIPHERTEXT_MALFORMED'
  | 'CIPHERTEXT_UNSUPPORTED'
  | 'CIPHERTEXT_KIND_MISMATCH'
  | 'KEY_MISMATCH'
  | 'AUTHENTICATION_FAILED'
  | 'INVALID_ARGUMENT'
  | 'INVALID_INPUT'
  | 'PLAN_IMPOSSIBLE'
  | 'ERASED';

/**
 * Base of every error thrown by the vault crypto core. It is an AppError so the HTTP error handler maps it
 * without special cases: almost all reasons are INTERNAL (the client learns nothing about keys), invalid input
 * to a normalizer is VALIDATION_FAILED and erased data is DATA_ERASED (410). `reason` is for logs and tests.
 */
export class VaultCryptoError extends AppError {
  readonly reason: VaultCryptoReason;
  constructor(reason: VaultCryptoReason, message: string) {
    super(reason === 'ERASED' ? 'DATA_ERASED' : reason === 'INVALID_INPUT' ? 'VALIDATION_FAILED' : 'INTERNAL', message);
    this.name = 'VaultCryptoError';
    this.reason = reason;
  }
}

/** The root key could not be obtained safely (boot-time: the app must refuse to start). */
export class KeyProviderError extends VaultCryptoError {
  constructor(reason: 'KEY_FILE_INSECURE' | 'KEY_FILE_MALFORMED' | 'KEY_FILE_IO' | 'ENV_KEY_INVALID', message: string) {
    super(reason, message);
    this.name = 'KeyProviderError';
  }
}

/**
 * A ciphertext or wrapped key could not be opened: malformed, unsupported version, tampered with, moved to
 * another row/column, or opened with the wrong key. Deliberately does not say which byte was wrong.
 */
export class DecryptionError extends VaultCryptoError {
  constructor(
    reason:
      | 'CIPHERTEXT_MALFORMED'
      | 'CIPHERTEXT_UNSUPPORTED'
      | 'CIPHERTEXT_KIND_MISMATCH'
      | 'KEY_MISMATCH'
      | 'AUTHENTICATION_FAILED'
      | 'ROOT_KEY_MISMATCH',
    message: string,
  ) {
    super(reason, message);
    this.name = 'DecryptionError';
  }
}

/**
 * The data key of a subject has been destroyed (crypto-shredding): the ciphertext is intact but can never be
 * read again. Callers show "erased" instead of treating it as a failure.
 */
export class ErasedError extends VaultCryptoError {
  readonly dekId: string;
  constructor(dekId: string) {
    super('ERASED', `data key ${dekId} has been destroyed; the data it protected is erased`);
    this.name = 'ErasedError';
    this.dekId = dekId;
  }
}

export function isErasedError(error: unknown): error is ErasedError {
  return error instanceof ErasedError;
}

export function isVaultCryptoError(error: unknown): error is VaultCryptoError {
  return error instanceof VaultCryptoError;
}
