// The evasion-aware normalization: a canonical text for the ordinary detector, with a map from every unit of
// it back to the original text. Steps: character forms (evasion-forms.ts), spelled-out e-mails
// (evasion-email.ts), nicknames of messaging apps (evasion-nicknames.ts), digit runs (evasion-digits.ts).
import { rewriteDigitRuns } from './evasion-digits.ts';
import { rewriteSpelledEmails } from './evasion-email.ts';
import { toCells } from './evasion-forms.ts';
import { rewriteNicknames } from './evasion-nicknames.ts';

export type Normalized = {
  text: string;
  /** For each UTF-16 unit of `text`: the original range it stands for (start inclusive, end exclusive). */
  start: Int32Array;
  end: Int32Array;
  /** For each unit: the evasion families (FAMILY_BIT) undone to produce it. */
  flags: Uint16Array;
  /** False when `text` differs from the original only by folded full-width forms. */
  changed: boolean;
};

export function normalizeForDetection(original: string): Normalized {
  const cells = toCells(original);
  rewriteSpelledEmails(cells);
  rewriteNicknames(cells);
  rewriteDigitRuns(cells);
  const { base, out } = cells;
  const pieces: string[] = [];
  let length = 0;
  for (let i = 0; i < base.length; i++) {
    const piece = out[i] ?? base[i]!;
    pieces.push(piece);
    length += piece.length;
  }
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  const flags = new Uint16Array(length);
  let u = 0;
  for (let i = 0; i < pieces.length; i++) {
    for (let c = 0; c < pieces[i]!.length; c++, u++) {
      start[u] = cells.start[i]!;
      end[u] = cells.end[i]!;
      flags[u] = cells.flags[i]!;
    }
  }
  return { text: pieces.join(''), start, end, flags, changed: cells.changed };
}
