// Mainland mobile numbers: 11 digits, 1[3-9]…, optionally written with +86 / 0086 / 86 in front.
import { foldWidth } from './fold.ts';

const MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** E.164 form (+8613812345678) of a mainland mobile number, else null. Spaces, dashes, dots and brackets are ignored. */
export function normalizeMobile(input: string): string | null {
  const squeezed = foldWidth(input).replace(/[\s\-‐‑–—−().]/g, '');
  const match = MOBILE.exec(squeezed);
  return match?.[1] ? `+86${match[1]}` : null;
}

export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}
