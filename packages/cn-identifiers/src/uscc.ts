// 统一社会信用代码 (GB 32100-2015): registration authority, entity type, 6-digit region, 9-character
// organization code, check character. The alphabet leaves out I, O, S, V and Z (too easily misread).
import { compact } from './fold.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weights are 3^i mod 31 for positions 0..16.
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
// Authority 1-9/A/N/Y, type 1-9, a region code (first digit 1-8), then any alphabet characters.
const SHAPE = /^[1-9ANY][1-9][1-8]\d{5}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

/** The canonical (upper-case) form of a valid unified social credit code, else null. */
export function normalizeUscc(input: string): string | null {
  const code = compact(input).toUpperCase();
  return isCompactUsccValid(code) ? code : null;
}

/** The checks of `normalizeUscc` on an already compact, upper-case string (the detector's hot path). */
export function isCompactUsccValid(code: string): boolean {
  return SHAPE.test(code) && usccCheckChar(code) === code[17];
}

export function isValidUscc(input: string): boolean {
  return normalizeUscc(input) !== null;
}
