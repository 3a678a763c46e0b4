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

/** `tentative`: holds look-alike letters from a token with fewer than three digits ("15O"): only trusted inside a split number. */
type Group = { a: number; b: number; n: number; lone: boolean; weakOnly: boolean; fuzzy: boolean; tentative: boolean };
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
  for (let i = 0; i < n; ) {
    if ((kind[i] !== K.latin && kind[i] !== K.digit) || claimed[i]) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < n && !claimed[j] && (kind[j] === K.latin || kind[j] === K.digit || (base[j] === '|' && j > i && j + 1 < n && (kind[j + 1] === K.digit || kind[j + 1] === K.latin)))) j += 1;
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
    else if (base[k] === '|' || (LOOKALIKE_DIGIT[base[k]!] !== undefined)) lookalikes += 1;
    else if (kind[k] === K.latin) letters += 1;
  }
  const bars = lookalikes > 0 && base.slice(i, j).includes('|') ? base.slice(i, j).split('|') : [];
  const barIsSeparator = bars.length > 1 && SEPARATED.has(bars.map((p) => p.length).join(','));
  if (letters === 0 && lookalikes > 0 && digits >= 1 && j - i <= (digits >= 3 ? 20 : 5) && !(barIsSeparator && lookalikes === bars.length - 1)) {
    for (let k = i; k < j; k++) {
      if (kind[k] === K.digit) continue;
      kind[k] = K.lookalike;
      digit[k] = base[k] === '|' ? 1 : LOOKALIKE_DIGIT[base[k]!]!;
      if (digits < 3) opaque[k] = 2;
    }
    return;
  }
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
  for (let i = 0; i < n; ) {
    if (!isDigitLike(kind[i]!) || claimed[i] || opaque[i] === 1) {
      i += 1;
      continue;
    }
    let j = i;
    let strong = 0;
    let fuzzy = false;
    let ascii = 0;
    let tentative = false;
    for (; j < n && isDigitLike(kind[j]!) && !claimed[j] && opaque[j] !== 1; j++) {
      const k = kind[j]!;
      if (k === K.digit) ascii += 1;
      if (k === K.digit || k === K.numeral || k === K.capital || k === K.radio) strong += 1;
      if (k === K.sound || k === K.lookalike) fuzzy = true;
      if (opaque[j] === 2) tentative = true;
    }
    const len = j - i;
    const quantity = ascii < len && (kind[i - 1] === K.unit || kind[j] === K.unit || cells.base[j] === '点' && isDigitLike(kind[j + 1] ?? -1));
    const weakOnly = strong === 0;
    if (!quantity && !(weakOnly && len < 4)) groups.push({ a: i, b: j, n: len, lone: len === 1 && ascii === 0, weakOnly, fuzzy, tentative });
    i = j;
  }
  return groups;
}

/** What stands between two groups, if it can be bridged: only separators, or a few words. */
function gapBetween(cells: Cells, left: Group, right: Group, runDigits: number): Gap['kind'] | null {
  const { base, kind, claimed } = cells;
  let seps = 0;
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
    if (kk === K.space || kk === K.newline || kk === K.separator) {
      if (base[k] !== ' ') seps += 1;
      continue;
    }
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
    return 'separator';
  }
  // Words between: both sides must be real groups of plain numerals, the words few, no line break, and the
  // number before them must not be a quantity ("138家门店", "2015年").
  if (newlines > 0 || words > 5 || latin > 10 || latinWords > 1 || length > 9) return null;
  if (left.n < 3 || right.n < 3 || left.fuzzy || right.fuzzy || left.weakOnly || right.weakOnly) return null;
  // The parts of one split number are short, and together no longer than an ID number: a whole number, then
  // words, then another number ("卡号 6222…, 开户账号 1001 …") are two numbers.
  if (left.n > 8 || right.n > 8 || runDigits + right.n > 18) return null;
  if (UNIT_AFTER.has(base[firstWord]!) && base.slice(firstWord, firstWord + 2) !== '号码') return null;
  return 'words';
}

function separatorText(cells: Cells, gap: { a: number; b: number }): string {
  return cells.base.slice(gap.a, gap.b);
}

// "138.12" is a decimal and "1,380,000" an amount; "138.1234.5678" and "138，1234，5678" are not.
function separatorAllowed(cells: Cells, groups: readonly Group[], g: number, previousGap: string | null): boolean {
  const left = groups[g]!;
  const right = groups[g + 1]!;
  const gap = separatorText(cells, { a: left.b, b: right.a });
  if ((left.lone || right.lone) && (left.n !== 1 || right.n !== 1)) return false;
  if (gap === ',' || gap === '，') return !(right.n === 3 && cells.base.slice(right.a, right.b).match(/^\d{3}$/));
  if (gap === '.') {
    if (previousGap === '.') return true;
    const after = groups[g + 2];
    return after !== undefined && separatorText(cells, { a: right.b, b: after.a }) === '.';
  }
  return true;
}

function withoutLeadingSounds(cells: Cells, group: Group): Group | null {
  let a = group.a;
  while (a < group.b && cells.kind[a] === K.sound) a += 1;
  if (a === group.a || cells.kind[group.a - 1] !== K.cjk) return null;
  for (let k = a; k < group.b; k++) if (cells.kind[k] === K.sound || cells.kind[k] === K.lookalike) return null;
  return group.b - a >= 3 ? { ...group, a, n: group.b - a, fuzzy: false, lone: false } : null;
}

/** Converts digit-like cells and bridges gaps in place (cells.out, cells.flags). */
export function rewriteDigitRuns(cells: Cells): void {
  const opaque = markLatinTokens(cells);
  const groups = findGroups(cells, opaque);
  for (let g = 0; g < groups.length; ) {
    const run: Group[] = [groups[g]!];
    const gaps: Gap[] = [];
    let h = g;
    while (h + 1 < groups.length) {
      const left = groups[h]!;
      const runDigits = run.reduce((sum, g) => sum + g.n, 0);
      const kind = gapBetween(cells, left, groups[h + 1]!, runDigits);
      const previous = gaps.length > 0 ? separatorText(cells, gaps.at(-1)!) : null;
      if (kind === 'separator' && separatorAllowed(cells, groups, h, previous)) {
        gaps.push({ a: left.b, b: groups[h + 1]!.a, kind });
        run.push(groups[++h]!);
        continue;
      }
      // Words between may end in a homophone ("139懂吧2997…"): the group without it may still be a real one.
      const trimmed = kind === null ? withoutLeadingSounds(cells, groups[h + 1]!) : null;
      if (trimmed && gapBetween(cells, left, trimmed, runDigits) === 'words') groups[h + 1] = trimmed;
      // Words between may hide small numerals ("后四位"): look past them to the next real group.
      let r = kind === 'words' || trimmed?.a === groups[h + 1]!.a ? h + 1 : -1;
      if (kind === null) {
        for (let k = h + 1; k < groups.length && groups[k]!.n <= 2 && !/\d/.test(cells.base.slice(groups[k]!.a, groups[k]!.b)); k++) {
          const next = groups[k + 1];
          if (next && next.n >= 3 && gapBetween(cells, left, next, runDigits) === 'words') r = k + 1;
          if (next && next.n >= 3) break;
        }
      }
      if (r < 0) break;
      gaps.push({ a: left.b, b: groups[r]!.a, kind: 'words' });
      run.push(groups[r]!);
      h = r;
    }
    writeRun(cells, run, gaps);
    g = h + 1;
  }
}

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
    const text = cells.base.slice(gap.a, gap.b);
    const plain = gap.kind === 'separator' && /^[ -]{1,3}$/.test(text);
    const flag = gap.kind === 'words' ? FAMILY_BIT.split_by_words : FAMILY_BIT.separators;
    for (let k = gap.a; k < gap.b; k++) {
      if (!plain) cells.out.set(k, k === gap.a ? (gap.kind === 'words' ? ' ' : '-') : '');
      if (!plain) cells.flags[k]! |= flag;
    }
    if (!plain) cells.changed = cells.rewritten = true;
  }
}
