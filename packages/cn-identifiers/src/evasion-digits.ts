// The digit pass of the evasion-aware normalization. It finds "groups" of digit-like cells (digits, Chinese and
// capital numerals, radio readings, homophones, look-alike letters inside digit-dense tokens) and joins
// neighbouring groups into one run when what stands between them is only separators ("138.1234.5678",
// "138😊1234😊5678") or a few words ("138 我的 1234 号码 5678"). A run is written out as plain digits, its gaps
// as "-" (separators) or " " (words), so that the ordinary chain detector — with its grouping rules, checksums
// and context vetoes — decides whether it is an identifier. Quantities stay untouched: a numeral next to 十, 百,
// 万… is an amount, and a number followed by a unit (年, 个, 人…) is never joined to the next one.
import { CUE_LETTERS } from './detect-tokens.ts';
import { conversionFlag, FAMILY_BIT, K, type Cells } from './evasion-forms.ts';

const LOOKALIKE_DIGIT: Readonly<Record<string, number>> = { O: 0, o: 0, l: 1, I: 1, Z: 2, z: 2, S: 5, s: 5, B: 8 };
// Groupings people use for identifiers: "|" between such groups is a separator, otherwise it stands for 1.
const SEPARATED = new Set(['3,4,4', '4,4,3', '3,8', '7,4', '3,3,5', '4,4,4,4', '4,4,4,3', '4,4,4,4,3', '4,4,4,4,2', '6,8,4', '6,4,4,4']);
// Words that make the number before them a quantity, a date or a place, never part of a longer number.
const UNIT_AFTER = new Set([...'年月日时分秒岁人个名位家户元块角米层楼室栋幢期次倍份张条项件台套间天周号股票笔手克吨斤平方度']);
const SENTENCE_END = new Set([...'。！？!?；;\n']);
// Separators that also end sentences, list items or decimals: between two parts only when the same one
// separates three parts or more ("138。1234。5678", not "…共4；156…"); others (symbols, emoji, "/") join at once.
const AMBIGUOUS = /^\s*(?:[。！？!?；;，,、.点]|\n)\s*$/;

/** `tentative`: holds look-alike letters from a token with fewer than three digits ("15O"): only trusted inside a split number. */
type Group = { a: number; b: number; n: number; lone: boolean; weakOnly: boolean; fuzzy: boolean; sound: boolean; tentative: boolean };
type Gap = { a: number; b: number; kind: 'separator' | 'words' };

const isDigitLike = (k: number): boolean => k >= K.digit && k <= K.lookalike;

/**
 * Marks look-alike letters in digit-dense Latin tokens; returns, per cell, 1 for cells of other codes (opaque)
 * and 2 for look-alikes of a token with only one or two digits (tentative).
 */
function markLatinTokens(cells: Cells): Uint8Array {
  const { base, kind, claimed } = cells;
  const opaque = new Uint8Array(base.length);
  const n = base.length;
  for (let i = 0; i < n;) {
    if ((kind[i] !== K.latin && kind[i] !== K.digit) || claimed[i]) {
      i += 1;
      continue;
    }
    let j = i;
    // A bar inside or at the end of a token may be a 1 ("13|2…", "…161|"); classifyToken decides.
    while (j < n && !claimed[j] && (kind[j] === K.latin || kind[j] === K.digit || (base[j] === '|' && j > i && base[j - 1] !== '|')))
      j += 1;
    classifyToken(cells, opaque, i, j);
    i = j;
  }
  return opaque;
}

function classifyToken(cells: Cells, opaque: Uint8Array, i: number, j: number): void {
  const { base, kind, digit } = cells;
  let digits = 0;
  let letters = 0;
  let lookalikes = 0;
  for (let k = i; k < j; k++) {
    if (kind[k] === K.digit) digits += 1;
    else if (base[k] === '|' || LOOKALIKE_DIGIT[base[k]!] !== undefined) lookalikes += 1;
    else if (kind[k] === K.latin) letters += 1;
  }
  const bars = lookalikes > 0 && base.slice(i, j).includes('|') ? base.slice(i, j).split('|') : [];
  const barIsSeparator = bars.length > 1 && SEPARATED.has(bars.map((p) => p.length).join(','));
  if (
    letters === 0 &&
    lookalikes > 0 &&
    digits >= 1 &&
    j - i <= (digits >= 3 ? 20 : 5) &&
    !(barIsSeparator && lookalikes === bars.length - 1)
  ) {
    for (let k = i; k < j; k++) {
      if (kind[k] === K.digit) continue;
      kind[k] = K.lookalike;
      digit[k] = base[k] === '|' ? 1 : LOOKALIKE_DIGIT[base[k]!]!;
      if (digits < 3) opaque[k] = 2;
    }
    return;
  }
  // English words glued between digit groups ("199then7244") are words, not a code.
  if (/^(?:\d{3,}[a-z]{2,10})+\d{3,}$/.test(base.slice(i, j))) return;
  if (letters === 0 && (lookalikes === 0 || (barIsSeparator && lookalikes === bars.length - 1))) return; // digits and separating bars
  if (letters === 1 && lookalikes === 0 && /^\d+[Xx]$/.test(base.slice(i, j))) return; // the tail of an ID number
  // A cue glued in front ("VX13812345678") leaves the digits free; any other letters make the token a code.
  let p = i;
  while (p < j && kind[p] !== K.digit) p += 1;
  if (p > i && CUE_LETTERS.has(base.slice(i, p).toLowerCase()) && /^\d+$/.test(base.slice(p, j))) return;
  for (let k = i; k < j; k++) if (base[k] !== '|') opaque[k] = 1;
}

function findGroups(cells: Cells, opaque: Uint8Array): Group[] {
  const { kind, claimed } = cells;
  const groups: Group[] = [];
  const n = kind.length;
  for (let i = 0; i < n;) {
    if (!isDigitLike(kind[i]!) || claimed[i] || opaque[i] === 1) {
      i += 1;
      continue;
    }
    let j = i;
    let strong = 0;
    let fuzzy = false;
    let ascii = 0;
    let tentative = false;
    let sound = false;
    for (; j < n && isDigitLike(kind[j]!) && !claimed[j] && opaque[j] !== 1; j++) {
      const k = kind[j]!;
      if (k === K.digit) ascii += 1;
      if (k === K.digit || k === K.numeral || k === K.capital || k === K.radio) strong += 1;
      if (k === K.sound || k === K.lookalike) fuzzy = true;
      if (k === K.sound) sound = true;
      if (opaque[j] === 2) tentative = true;
    }
    const len = j - i;
    const quantity = ascii < len && (kind[i - 1] === K.unit || kind[j] === K.unit);
    const weakOnly = strong === 0;
    // A short group of homophones only ("吧", "山东") is a word unless it is one part among several.
    if (!quantity && !(weakOnly && len === 1))
      groups.push({
        a: i,
        b: j,
        n: len,
        lone: len === 1 && ascii === 0,
        weakOnly,
        fuzzy,
        sound,
        tentative: tentative || (weakOnly && len < 4),
      });
    i = j;
  }
  return groups;
}

/** What stands between two groups, if it can be bridged: only separators, or a few words. */
function gapBetween(cells: Cells, left: Group, right: Group): Gap['kind'] | null {
  const { base, kind, claimed } = cells;
  let newlines = 0;
  let words = 0;
  let latin = 0;
  let latinWords = 0;
  let firstWord = -1;
  if (right.a - left.b > 9) return null;
  for (let k = left.b; k < right.a; k++) {
    if (claimed[k]) return null;
    const kk = kind[k]!;
    if (kk === K.newline) newlines += 1;
    if (base[k] === '@') return null; // an e-mail address, never a separator
    if (kk === K.space || kk === K.newline || kk === K.separator || base[k] === '点') continue;
    if (SENTENCE_END.has(base[k]!) || kk === K.unit || kk === K.digit) return null;
    if (firstWord < 0) firstWord = k;
    if (kk === K.latin) {
      if (kind[k - 1] !== K.latin) latinWords += 1;
      latin += 1;
    } else words += 1;
  }
  const length = right.a - left.b;
  if (words === 0 && latin === 0) {
    if (newlines > 1 || length > 6) return null;
    // Separators join the parts of a number; a whole one (11 digits and more) is not a part.
    const plain = /^[ -]{1,3}$/.test(base.slice(left.b, right.a));
    return plain || (left.n <= 8 && right.n <= 8) ? 'separator' : null;
  }
  if ([...base.slice(left.b, right.a)].some((c) => SENTENCE_END.has(c))) return null;
  // Words between: both sides must be real groups of plain numerals, the words few, no line break, and the
  // number before them must not be a quantity ("138家门店", "2015年").
  if (newlines > 0 || words > 5 || latin > 10 || latinWords > 1 || length > 9) return null;
  // Homophones next to words are words; a look-alike letter is trusted in a short part only ("86OO", not "ISO9001").
  const doubtful = (g: Group): boolean => g.sound || (g.fuzzy && g.n > 4);
  if (left.n < 3 || right.n < 3 || doubtful(left) || doubtful(right) || left.weakOnly || right.weakOnly) return null;
  if (UNIT_AFTER.has(base[firstWord]!) && base.slice(firstWord, firstWord + 2) !== '号码') return null;
  return 'words';
}

function separatorText(cells: Cells, gap: { a: number; b: number }): string {
  return cells.base.slice(gap.a, gap.b);
}

// "138.12" is a decimal, "1,380,000" an amount, "共4；156" two numbers; "138.1234.5678" and "138，1234，5678" are one.
function separatorAllowed(cells: Cells, groups: readonly Group[], g: number, previousGap: string | null): boolean {
  const left = groups[g]!;
  const right = groups[g + 1]!;
  const gap = separatorText(cells, { a: left.b, b: right.a });
  if ((left.lone || right.lone) && (left.n !== 1 || right.n !== 1)) return false;
  if ((gap === ',' || gap === '，') && /^\d{3}$/.test(cells.base.slice(right.a, right.b))) return false;
  if (!AMBIGUOUS.test(gap)) return true;
  if (previousGap !== null) return previousGap.trim() === gap.trim();
  // Once between two parts that make a mobile number as people split one ("186，94361183").
  if (['3,8', '7,4'].includes(`${left.n},${right.n}`) && /^1[3-9]/.test(digitsOf(cells, left) + digitsOf(cells, right))) return true;
  const after = groups[g + 2];
  return after !== undefined && separatorText(cells, { a: right.b, b: after.a }).trim() === gap.trim();
}

function withoutLeadingSounds(cells: Cells, group: Group): Group | null {
  let a = group.a;
  while (a < group.b && cells.kind[a] === K.sound) a += 1;
  if (a === group.a || cells.kind[group.a - 1] !== K.cjk) return null;
  for (let k = a; k < group.b; k++) if (cells.kind[k] === K.sound || cells.kind[k] === K.lookalike) return null;
  return group.b - a >= 3 ? { ...group, a, n: group.b - a, fuzzy: false, sound: false, lone: false } : null;
}

type Run = { groups: Group[]; gaps: Gap[] };

// How people split an identifier when they put words between the parts, and how each kind begins. Words are
// only taken out between parts that fit one of these: two numbers in a sentence ("2023和2024的报表") never do.
const WORD_SPLITS: ReadonlyArray<readonly [string, RegExp]> = [
  ['3,4,4', /^1[3-9]/],
  ['3,8', /^1[3-9]/],
  ['7,4', /^1[3-9]/],
  ['4,4,3', /^1[3-9]/],
  ['3,3,5', /^1[3-9]/],
  ['6,8,4', /^[1-8]\d{5}(?:19|20)/],
  ['6,4,4,4', /^[1-8]\d{5}(?:19|20)/],
  ['4,4,4,4', /^(?:62|4|5)/],
  ['4,4,4,4,3', /^(?:62|4|5)/],
];

/** Converts digit-like cells and bridges gaps in place (cells.out, cells.flags). */
export function rewriteDigitRuns(cells: Cells): void {
  const opaque = markLatinTokens(cells);
  const runs = separatorRuns(cells, findGroups(cells, opaque));
  for (let r = 0; r < runs.length; r++) {
    // A chain of single numbers with a few words between each: "138 我的 1234 号码 5678".
    const chain = [r];
    while (runs[chain.at(-1)!]!.groups.length === 1) {
      const next = nextAcrossWords(cells, runs, chain.at(-1)!);
      if (next < 0 || runs[next]!.groups.length !== 1) break;
      chain.push(next);
    }
    for (let i = 0; i < chain.length;) {
      const k = splitAt(
        cells,
        chain.slice(i).map((c) => runs[c]!.groups[0]!),
      );
      if (k > 1) {
        const parts = chain.slice(i, i + k).map((c) => runs[c]!.groups[0]!);
        const gaps = parts.slice(1).map((g, j) => ({ a: parts[j]!.b, b: g.a, kind: 'words' as const }));
        writeRun(cells, parts, gaps);
        i += k;
      } else {
        writeRun(cells, runs[chain[i]!]!.groups, runs[chain[i]!]!.gaps);
        i += 1;
      }
    }
    r = chain.at(-1)!;
  }
}

/** Groups joined by separators only ("138.1234.5678", "1 3 8 …"): one run each. */
function separatorRuns(cells: Cells, groups: Group[]): Run[] {
  const runs: Run[] = [];
  for (let g = 0; g < groups.length; g++) {
    const run: Run = { groups: [groups[g]!], gaps: [] };
    while (g + 1 < groups.length && gapBetween(cells, groups[g]!, groups[g + 1]!) === 'separator') {
      const previous = run.gaps.length > 0 ? separatorText(cells, run.gaps.at(-1)!) : null;
      if (!separatorAllowed(cells, groups, g, previous)) break;
      run.gaps.push({ a: groups[g]!.b, b: groups[g + 1]!.a, kind: 'separator' });
      run.groups.push(groups[++g]!);
    }
    runs.push(run);
  }
  return runs;
}

/** The run after `r` reachable across a few words (looking past small numerals and a trailing homophone), or -1. */
function nextAcrossWords(cells: Cells, runs: Run[], r: number): number {
  const left = runs[r]!.groups[0]!;
  const right = runs[r + 1]?.groups[0];
  if (!right) return -1;
  const kind = gapBetween(cells, left, right);
  if (kind === 'words') return r + 1;
  if (kind !== null) return -1;
  // Words that end in a homophone ("139懂吧2997…"): the group without it may be the real part.
  const trimmed = runs[r + 1]!.groups.length === 1 ? withoutLeadingSounds(cells, right) : null;
  if (trimmed && gapBetween(cells, left, trimmed) === 'words') {
    runs[r + 1]!.groups[0] = trimmed;
    return r + 1;
  }
  // Words that hold small numerals ("后四位"): look past them to the next real group.
  for (let k = r + 1; k < runs.length; k++) {
    const small = runs[k]!.groups[0]!;
    if (runs[k]!.groups.length !== 1 || small.n > 2 || /\d/.test(cells.base.slice(small.a, small.b))) return -1;
    const next = runs[k + 1]?.groups[0];
    if (next && next.n >= 3) return gapBetween(cells, left, next) === 'words' ? k + 1 : -1;
  }
  return -1;
}

/** How many of `parts` (from the first) make one split identifier, or 0. */
function splitAt(cells: Cells, parts: readonly Group[]): number {
  for (let k = Math.min(5, parts.length); k >= 2; k--) {
    const shape = parts
      .slice(0, k)
      .map((g) => g.n)
      .join(',');
    const split = WORD_SPLITS.find(([s]) => s === shape);
    if (!split) continue;
    const digits = parts
      .slice(0, k)
      .map((g) => digitsOf(cells, g))
      .join('');
    if (split[1].test(digits)) return k;
  }
  return 0;
}

const digitsOf = (cells: Cells, g: Group): string => {
  let out = '';
  for (let k = g.a; k < g.b; k++) out += String(cells.digit[k]);
  return out;
};

function writeRun(cells: Cells, run: readonly Group[], gaps: readonly Gap[]): void {
  const total = run.reduce((sum, g) => sum + g.n, 0);
  const onlyLone = run.every((g) => g.lone);
  if (total < 5 || (onlyLone && total < 7) || (run.some((g) => g.tentative) && run.length < 3)) return;
  for (const group of run) {
    for (let k = group.a; k < group.b; k++) {
      if (cells.kind[k] === K.digit) continue;
      cells.out.set(k, String(cells.digit[k]));
      cells.flags[k]! |= conversionFlag(cells, k);
      cells.changed = cells.rewritten = true;
    }
  }
  for (const gap of gaps) {
    // Spaces and dashes the plain detector reads too stay as written (and earn no family).
    const plain = gap.kind === 'separator' && /^[ -]{1,3}$/.test(cells.source.slice(cells.start[gap.a], cells.end[gap.b - 1]));
    const flag = gap.kind === 'words' ? FAMILY_BIT.split_by_words : FAMILY_BIT.separators;
    for (let k = gap.a; k < gap.b; k++) {
      if (!plain) cells.out.set(k, k === gap.a ? (gap.kind === 'words' ? ' ' : '-') : '');
      if (!plain) cells.flags[k]! |= flag;
    }
    if (!plain) cells.changed = cells.rewritten = true;
  }
}
