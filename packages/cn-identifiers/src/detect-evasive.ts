// Evasion-aware detection: the plain passes over the original text, then the same passes over the normalized
// text (normalize.ts), whose findings are mapped back to original offsets. A plain finding wins over an
// overlapping evasive one, so normalization can only add findings.
import { contextVeto } from './detect-context.ts';
import { FAMILY_BIT } from './evasion-forms.ts';
import { foldWidth } from './fold.ts';
import { normalizeForDetection, type Normalized } from './normalize.ts';
import { scanFolded, type ScanHit } from './scan.ts';
import { EVASION_FAMILIES, type DetectOptions, type EvasionFamily, type EvasiveFinding } from './types.ts';

function familiesOf(norm: Normalized, hit: ScanHit): EvasionFamily[] {
  let bits = hit.spared ? FAMILY_BIT.misleading_prefix : 0;
  for (let u = hit.start; u < hit.end; u++) bits |= norm.flags[u]!;
  if (hit.cueStart !== undefined) for (let u = hit.cueStart; u < hit.start; u++) bits |= norm.flags[u]! & FAMILY_BIT.im_nickname;
  return EVASION_FAMILIES.filter((f) => (bits & FAMILY_BIT[f]) !== 0);
}

// Words that normalization dropped from a gap may have been the context that vetoes a number ("RMB", "凭证号"):
// the original text around the original span gets the same say as the normalized one.
function lostContext(folded: string, hit: ScanHit, start: number, end: number): boolean {
  if (hit.type === 'email' || hit.type === 'wechat' || hit.type === 'qq') return false;
  const veto = contextVeto(folded, start, end);
  return veto === 'context' || (veto === 'label' && hit.type !== 'mobile' && hit.type !== 'id_card');
}

/**
 * Identifiers in `text`, including those written to dodge a filter: digits as Chinese or capital numerals,
 * radio readings and homophones, split by separators, invisible characters or words, look-alike letters,
 * spelled-out e-mails, nicknames of messaging apps, and valid mobile or ID numbers behind the label of
 * another kind of number. Offsets are UTF-16 units of the original `text`; `evasion` lists the tricks seen.
 */
export function detectEvasive(text: string, options: DetectOptions = {}): EvasiveFinding[] {
  if (typeof text !== 'string' || text === '') return [];
  const today = options.today ?? new Date();
  const folded = foldWidth(text);
  const findings: EvasiveFinding[] = scanFolded(folded, today, true).map(({ type, start, end, value, spared }) => ({
    type,
    start,
    end,
    value,
    evasion: spared ? ['misleading_prefix'] : [],
  }));
  const norm = normalizeForDetection(text);
  const overlaps = (start: number, end: number): boolean => findings.some((f) => f.start < end && start < f.end);
  for (const [from, to] of windows(norm)) {
    for (const local of scanFolded(norm.text.slice(from, to), today, true)) {
      const hit = {
        ...local,
        start: local.start + from,
        end: local.end + from,
        ...(local.cueStart === undefined ? {} : { cueStart: local.cueStart + from }),
      };
      const start = norm.start[hit.start]!;
      const end = norm.end[hit.end - 1]!;
      // A hit that owes nothing to normalization is the plain pass's business (and, near the edge of a
      // window, may lack the words that would have vetoed it).
      const evasion = familiesOf(norm, hit);
      if (evasion.length === 0 || overlaps(start, end) || lostContext(folded, hit, start, end)) continue;
      findings.push({ type: hit.type, start, end, value: hit.value, evasion });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

// The normalized text is scanned only around what normalization undid, with enough words on each side for the
// context rules (a label or an amount within 24 characters; an identifier with its groups within 40): a long
// listing with one spelled-out number costs one short scan, not a second full one.
const MARGIN = 64;

function windows(norm: Normalized): Array<[number, number]> {
  const { text, flags } = norm;
  const out: Array<[number, number]> = [];
  for (let u = 0; u < flags.length; u++) {
    if (flags[u] === 0) continue;
    let from = Math.max(0, u - MARGIN);
    let to = Math.min(text.length, u + MARGIN);
    while (u < flags.length && u < to) {
      if (flags[u] !== 0) to = Math.min(text.length, u + MARGIN);
      u += 1;
    }
    // Never cut through a word or a number.
    while (from > 0 && /[A-Za-z0-9_.@-]/.test(text[from - 1]!)) from -= 1;
    while (to < text.length && /[A-Za-z0-9_.@-]/.test(text[to]!)) to += 1;
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
    u = to - 1;
  }
  return out;
}
