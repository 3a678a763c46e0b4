import { createHmac, type KeyObject } from 'node:crypto';
import { VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * A blind index declared for one personal field (the personal-data registry holds these). `bits` comes from
 * planBlindIndexBits for the field's planned population and input domain.
 */
export type BlindIndexSpec = { table: string; column: string; bits: number };

/** Upper bound on index width: 48 bits fit a JS number exactly and a PostgreSQL BIGINT; more defeats the point. */
export const MAX_BLIND_INDEX_BITS = 48;

/**
 * HMAC-SHA256 of the already-normalized value under the field's index key, truncated to the top `bits` bits
 * and written as fixed-width lower-case hex (ceil(bits / 4) digits) for an indexed TEXT column.
 * `parseInt(hex, 16)` gives the same value as an integer for an INTEGER/BIGINT column.
 *
 * Deterministic by design (that is what makes equality lookups work) and lossy by design (truncation makes
 * several records share each value), so a lookup returns candidates that the caller confirms by decrypting.
 * Never normalizes: normalizing here would hide a mismatch between the write and the lookup path.
 */
export function computeBlindIndex(key: KeyObject, normalizedValue: string, bits: number): string {
  if (!Number.isInteger(bits) || bits < 1 || bits > MAX_BLIND_INDEX_BITS) {
    throw new VaultCryptoError('INVALID_ARGUMENT', `blind index bits must be an integer in 1..${MAX_BLIND_INDEX_BITS}, got ${bits}`);
  }
  if (typeof normalizedValue !== 'string' || normalizedValue.length === 0) {
    throw new VaultCryptoError('INVALID_ARGUMENT', 'blind index input must be a non-empty normalized string');
  }
  // Hex straight from OpenSSL avoids allocating a Buffer for the MAC (measurably cheaper on this hot path).
  const mac = createHmac('sha256', key).update(normalizedValue, 'utf8').digest('hex');
  const digits = Math.ceil(bits / 4);
  const spare = digits * 4 - bits;
  if (spare === 0) return mac.slice(0, digits);
  // Top `digits` nibbles as an exact integer (< 2^48 < 2^53), then drop the spare low bits: division by a
  // power of two is exact, and the result is right-aligned so parseInt gives a value below 2^bits.
  const value = Math.floor(Number.parseInt(mac.slice(0, digits), 16) / 2 ** spare);
  return value.toString(16).padStart(digits, '0');
}
