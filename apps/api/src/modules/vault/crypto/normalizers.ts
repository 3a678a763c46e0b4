import { VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * Canonical forms for blind-index input. The write path and the lookup path must use the same normalizer,
 * or equal values get different indexes. NFKC first: Chinese input methods often produce full-width digits,
 * letters and "＠". Errors never echo the input (it is personal data).
 */

/** Mainland mobile number to E.164: "138 1234 5678", "+86-138…", "0086…", "86…" → "+8613812345678". */
export function normalizeMobileCn(input: string): string {
  let digits = input.normalize('NFKC').replace(/[\s\-().]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    throw new VaultCryptoError('INVALID_INPUT', 'not a mainland China mobile number (11 digits starting with 13–19)');
  }
  return `+86${digits}`;
}

/** Identity document numbers (resident ID, passport): spaces removed, upper-case (a trailing "x" becomes "X"). */
export function normalizeIdNumber(input: string): string {
  return upperCompact(input, 'identity document number');
}

/** Unified social credit code (统一社会信用代码): spaces removed, upper-case. */
export function normalizeCreditCode(input: string): string {
  return upperCompact(input, 'credit code');
}

/** E-mail: trimmed and lower-cased as a whole (providers in practice treat the local part case-insensitively). */
export function normalizeEmail(input: string): string {
  const value = input.normalize('NFKC').trim().toLowerCase();
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@') || at === value.length - 1 || /\s/.test(value)) {
    throw new VaultCryptoError('INVALID_INPUT', 'not an e-mail address');
  }
  return value;
}

function upperCompact(input: string, what: string): string {
  const value = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (value.length === 0) throw new VaultCryptoError('INVALID_INPUT', `empty ${what}`);
  return value;
}
