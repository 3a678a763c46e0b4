// A pragmatic subset of RFC 5322: dot-atoms of letters, digits and . _ % + - before the @, DNS labels and an
// alphabetic TLD after it. Quoted local parts, comments, IP-literal and internationalized domains are left
// out: they do not occur in the texts we scan, and accepting them would only add false positives.
import { foldWidth } from './fold.ts';

export const EMAIL_SOURCE = String.raw`[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}`;

const ANCHORED = new RegExp(`^${EMAIL_SOURCE}$`);

/** Lower-cased address when valid, else null. */
export function normalizeEmail(input: string): string | null {
  const email = foldWidth(input).trim();
  if (email.length > 254 || !ANCHORED.test(email)) return null;
  const at = email.indexOf('@');
  if (at > 64) return null;
  return email.toLowerCase();
}

export function isValidEmail(input: string): boolean {
  return normalizeEmail(input) !== null;
}
