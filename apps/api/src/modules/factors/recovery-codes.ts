import { createHash, randomBytes } from 'node:crypto';

/**
 * Recovery codes: 16 symbols of Crockford base32 (80 bits from the CSPRNG), shown as XXXX-XXXX-XXXX-XXXX.
 *
 * Stored as SHA-256, not argon2id, on purpose: a slow hash protects low-entropy secrets people choose, whereas
 * each code here carries 80 random bits, so an offline search of even a stolen table costs ~2^77 hashes per
 * account (ten codes) — out of reach for any hash. A fast, deterministic hash also lets a code be found with one
 * indexed lookup instead of ten argon2 runs (19 MiB each) per attempt, which would be a denial-of-service lever.
 * The hash is bound to the account id, so equal codes of two accounts (2^-80) never share a hash.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 16;

export function newRecoveryCode(): string {
  // 256 is a multiple of 32: taking the low five bits of each byte is unbiased.
  const symbols = [...randomBytes(SYMBOLS)].map((b) => ALPHABET[b & 31]).join('');
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

export function newRecoveryCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** Upper-cases, drops separators and maps the look-alikes Crockford allows (O→0, I/L→1); null when malformed. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === SYMBOLS && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

export function hashRecoveryCode(accountId: string, normalized: string): string {
  return createHash('sha256').update(`sealbridge/recovery-code/v1\0${accountId}\0${normalized}`).digest('hex');
}
