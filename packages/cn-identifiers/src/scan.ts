// The detector. Passes run from the most explicit to the most ambiguous, and each pass only looks at text
// no earlier pass claimed: e-mail addresses (an "@" is unambiguous) before announced WeChat/QQ handles,
// before bare digit identifiers, before landlines. The digits of "12345678@qq.com" are therefore never
// reported as a QQ number as well.
import { findDigitIdentifiers } from './detect-chains.ts';
import { anyTaken } from './detect-tokens.ts';
import { findImHandles } from './detect-im.ts';
import { findLandlines } from './detect-landline.ts';
import { EMAIL_SOURCE } from './email.ts';
import type { Finding } from './types.ts';

const EMAIL_AT = new RegExp(`${EMAIL_SOURCE}(?![A-Za-z0-9\\-])`, 'y');
const LOCAL_CHAR = /[A-Za-z0-9_%+.-]/;

// Anchored at each "@" rather than scanned from every letter: scanning is quadratic in long words.
function findEmails(folded: string): Finding[] {
  const found: Finding[] = [];
  let searchFrom = 0;
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    let start = at;
    while (start > searchFrom && LOCAL_CHAR.test(folded[start - 1] ?? '')) start -= 1;
    while (folded[start] === '.') start += 1; // a local part never starts with a dot
    EMAIL_AT.lastIndex = start;
    const match = EMAIL_AT.exec(folded);
    if (!match) continue;
    const local = match[0].slice(0, match[0].indexOf('@'));
    if (local.length > 64 || match[0].length > 254 || folded[start - 1] === '.') continue;
    found.push({ type: 'email', start, end: start + match[0].length, value: match[0].toLowerCase() });
    searchFrom = start + match[0].length;
    at = searchFrom - 1;
  }
  return found;
}

/** A finding with what the passes know about it: where its announcement began, whether a label was spared. */
export type ScanHit = Finding & { cueStart?: number; spared?: boolean };

/**
 * The passes over an already folded text. With `spareLabels` (evasion mode) a valid mobile or ID number behind
 * the label of another kind of number ("订单号", "Ref:") is reported, marked `spared`.
 */
export function scanFolded(folded: string, today: Date, spareLabels = false): ScanHit[] {
  const taken = new Uint8Array(folded.length);
  const hits: ScanHit[] = [];
  const claim = (hit: ScanHit): void => {
    if (anyTaken(taken, hit.start, hit.end)) return;
    taken.fill(1, hit.start, hit.end);
    hits.push(hit);
  };
  for (const email of findEmails(folded)) claim(email);
  for (const hit of findImHandles(folded)) claim(hit);
  for (const hit of findDigitIdentifiers(folded, taken, today, spareLabels)) claim(hit);
  for (const hit of findLandlines(folded, taken)) claim(hit);
  return hits.sort((a, b) => a.start - b.start);
}
