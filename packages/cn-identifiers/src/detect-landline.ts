// Landlines are found with their own grammar (brackets, "转" extensions and "+86 21" forms do not fit the
// token chains), then checked for the same boundaries: the number may not continue a digit run.
import { anyTaken } from './detect-tokens.ts';
import { vetoedByContext } from './detect-context.ts';
import { LANDLINE_SOURCE, landlineFromMatch } from './landline.ts';

const LANDLINE = new RegExp(LANDLINE_SOURCE, 'gi');
const CUE_WORDS = /(?:^|[^A-Za-z])(?:tel|fax|phone|t|f)$/i;

export type LandlineHit = { type: 'landline'; start: number; end: number; value: string };

export function findLandlines(folded: string, taken: Uint8Array): LandlineHit[] {
  const hits: LandlineHit[] = [];
  LANDLINE.lastIndex = 0;
  for (let match = LANDLINE.exec(folded); match; match = LANDLINE.exec(folded)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!anyTaken(taken, start, end) && acceptable(folded, start, end)) {
      hits.push({ type: 'landline', start, end, value: landlineFromMatch(match) });
    } else {
      // Try again one character later: a rejected match may hide a good one ("1(021)…" is not, "(021)…" is).
      LANDLINE.lastIndex = start + 1;
    }
  }
  return hits;
}

function acceptable(folded: string, start: number, end: number): boolean {
  const before = folded.slice(Math.max(0, start - 8), start);
  const after = folded.slice(end, end + 8);
  if (/[A-Za-z]$/.test(before) && !CUE_WORDS.test(before)) return false; // glued to a code: "ABC021…"
  if (/[\d_]$|\d[-‐‑–—.]$/.test(before)) return false; // continues a digit run
  if (/^(?:[A-Za-z0-9_]|[-‐‑–—.]\d)/.test(after)) return false;
  // Sandwiched between space-separated digit groups, or the head of a number written in groups of four
  // ("中通 0441 5595 6819 19"): a slice of a longer grouped number.
  if (/\d\s$/.test(before) && /^\s\d/.test(after)) return false;
  if (
    /^ \d/.test(after) &&
    /^\d{4}(?: \d{4}){2,}(?: \d{1,4})?$/.test(folded.slice(start, end) + (/^(?: \d{1,4})+/.exec(after)?.[0] ?? ''))
  ) {
    return false;
  }
  return !vetoedByContext(folded, start, end);
}
