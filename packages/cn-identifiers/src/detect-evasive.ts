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
  const norm = normalizeForDetection(text);
  const findings: EvasiveFinding[] = [];
  if (norm.changed) {
    for (const { type, start, end, value } of scanFolded(foldWidth(text), today)) findings.push({ type, start, end, value, evasion: [] });
  }
  const overlaps = (start: number, end: number): boolean => findings.some((f) => f.start < end && start < f.end);
  const folded = norm.changed ? foldWidth(text) : norm.text;
  for (const hit of scanFolded(norm.text, today, true)) {
    const start = norm.start[hit.start]!;
    const end = norm.end[hit.end - 1]!;
    if (overlaps(start, end) || lostContext(folded, hit, start, end)) continue;
    findings.push({ type: hit.type, start, end, value: hit.value, evasion: familiesOf(norm, hit) });
  }
  return findings.sort((a, b) => a.start - b.start);
}
