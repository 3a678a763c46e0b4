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

/** The canonical text and its maps. The maps may live in reused buffers: use them before the next call. */
export function normalizeForDetection(original: string): Normalized {
  const cells = toCells(original);
  rewriteSpelledEmails(cells);
  rewriteNicknames(cells);
  rewriteDigitRuns(cells);
  const { base, out } = cells;
  // Without rewrites the maps are the cells' own, which live in reused buffers: valid until the next call.
  if (!cells.rewritten) return { text: base, start: cells.start, end: cells.end, flags: cells.flags, changed: cells.changed };
  const rewritten = [...out.keys()].sort((a, b) => a - b);
  let length = base.length;
  for (const i of rewritten) length += out.get(i)!.length - 1;
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  const flags = new Uint16Array(length);
  const pieces: string[] = [];
  let u = 0;
  let from = 0; // first cell of the current stretch without rewrites
  for (const i of [...rewritten, base.length]) {
    const piece = i < base.length ? out.get(i)! : '';
    pieces.push(base.slice(from, i), piece);
    start.set(cells.start.subarray(from, i), u);
    end.set(cells.end.subarray(from, i), u);
    flags.set(cells.flags.subarray(from, i), u);
    u += i - from;
    for (let c = 0; c < piece.length; c++, u++) {
      start[u] = cells.start[i]!;
      end[u] = cells.end[i]!;
      flags[u] = cells.flags[i]!;
    }
    from = i + 1;
  }
  return { text: pieces.join(''), start, end, flags, changed: cells.changed };
}
