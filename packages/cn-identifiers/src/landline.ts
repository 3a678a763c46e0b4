// Fixed-line numbers (座机): area code (010, 02x, or 0 + three digits) and a 7–8 digit local number that never
// starts with 0 or 1, with an optional extension. With +86 / 0086 the trunk 0 is dropped or written "(0)".
import { foldWidth } from './fold.ts';

const AREA = String.raw`10|2\d|[3-9]\d{2}`;
const SEP = String.raw`[ \-‐‑–—]`;

/**
 * The landline grammar, shared by the validator (anchored) and the detector (scanning). Groups: 1 area code
 * after +86, 2 area code in brackets, 3 bare area code, 4 local head, 5 local tail, 6 extension.
 */
export const LANDLINE_SOURCE =
  String.raw`(?:(?:\+|00)86${SEP}*(?:\(0\)${SEP}*)?(${AREA})|\(\s*0(${AREA})\s*\)|0(${AREA}))` +
  String.raw`${SEP}{0,3}([2-9]\d{2,3})${SEP}?(\d{4})` +
  String.raw`(?:\s*(?:-|转|ext\.?|x|分机号?)\s*(\d{1,6}))?`;

const ANCHORED = new RegExp(`^${LANDLINE_SOURCE}$`, 'i');

/** Normalizes a landline match: "021-61234567", or "021-61234567-8001" with an extension. */
export function landlineFromMatch(groups: ArrayLike<string | undefined>): string {
  const area = groups[1] ?? groups[2] ?? groups[3] ?? '';
  const ext = groups[6];
  return `0${area}-${groups[4] ?? ''}${groups[5] ?? ''}${ext ? `-${ext}` : ''}`;
}

/** "021-61234567" (or with "-ext") for a valid landline in any usual written form, else null. */
export function normalizeLandline(input: string): string | null {
  const match = ANCHORED.exec(foldWidth(input).trim());
  return match ? landlineFromMatch(match) : null;
}

export function isValidLandline(input: string): boolean {
  return normalizeLandline(input) !== null;
}
