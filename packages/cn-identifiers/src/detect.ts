// The detector's public entry point: plain detection over the width-folded text, or evasion-aware detection.
import { detectEvasive } from './detect-evasive.ts';
import { foldWidth } from './fold.ts';
import { scanFolded } from './scan.ts';
import type { DetectOptions, EvasiveFinding, Finding } from './types.ts';

/**
 * Personal identifiers in a zh-CN / English text, sorted by position and never overlapping. Offsets are
 * UTF-16 code units of `text`. Pure: it never logs and never keeps the text.
 *
 * With `{ evasion: true }` it is `detectEvasive`: the text is normalized first (Chinese numerals, separators,
 * invisible characters, look-alike letters, spelled-out e-mails…) and each finding says which tricks it saw.
 */
export function detect(text: string, options: DetectOptions & { evasion: true }): EvasiveFinding[];
export function detect(text: string, options?: DetectOptions): Finding[];
export function detect(text: string, options: DetectOptions = {}): Finding[] {
  if (typeof text !== 'string' || text === '') return [];
  if (options.evasion) return detectEvasive(text, options);
  return scanFolded(foldWidth(text), options.today ?? new Date()).map(({ type, start, end, value }) => ({ type, start, end, value }));
}
