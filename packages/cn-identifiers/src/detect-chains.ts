// Digit identifiers (mobile, ID number, credit code, bank card) are found on "chains": alphanumeric tokens
// separated by at most three spaces or dashes ("138 1234 5678", "110105-19900307-1234", "1 3 8 …").
// A candidate is a whole token or a run of whole tokens, so a match can never be cut out of a longer
// digit/letter run ("138123456789" has no mobile in it). Chinese characters, punctuation and line breaks
// end a chain, which is how digits glued to CJK text ("电话13812345678联系") are still found.
import { hasPlausibleCardIssuer, luhnValid } from './bank-card.ts';
import { contextHint, contextVeto, type Hint } from './detect-context.ts';
import { CUE_LETTERS, isDashOnly, tokenize, type Token } from './detect-tokens.ts';
import { isCompactIdNumberValid } from './id-card.ts';
import { isCompactUsccValid } from './uscc.ts';

/** `spared`: a label of another kind of number stood right before, and evasion mode let a valid mobile or ID through. */
export type ChainHit = { type: 'mobile' | Hint; start: number; end: number; value: string; spared?: boolean };

const MAX_TOKENS = 20;
const MAX_LENGTH = 23;

// How people write the digits when they group them. Anything else ("2024 03 15 138…") is not one number.
const MOBILE_GROUPS = new Set(['11', '3,4,4', '3,8', '7,4', '4,4,3', '3,3,5']);
const ID_GROUPS = new Set(['18', '6,8,4', '4,4,4,4,2', '6,4,4,4']);
const USCC_GROUPS = new Set(['18', '4,4,4,4,2']);

const isDigits = (text: string): boolean => /^\d+$/.test(text);
const DASH = /[-‐‑–—−]/;

// Four-digit groups with a shorter tail ("6222 0212 3456 7890 123") are always one number: parts of it are
// never reported on their own, whatever they look like.
function isFourGrouped(lengths: readonly number[]): boolean {
  if (lengths.length < 4) return false;
  return lengths.every((n, i) => (i === lengths.length - 1 ? n >= 1 && n <= 4 : n === 4));
}

function groupsAllowed(lengths: readonly number[], allowed: ReadonlySet<string>): boolean {
  return lengths.length === 1 || allowed.has(lengths.join(',')) || lengths.every((n) => n === 1);
}

type Classified = { type: ChainHit['type']; value: string; prefixLength: number };

function classify(joined: string, lengths: readonly number[], hint: () => Hint | null, today: Date): Classified | null {
  const mobile = /^(0086|86)?(1[3-9]\d{9})$/.exec(joined);
  if (mobile?.[2]) {
    const prefix = mobile[1] ?? '';
    let groups = lengths;
    if (prefix && lengths.length > 1) {
      if (lengths[0] !== prefix.length) return null;
      groups = lengths.slice(1);
    }
    if (!groupsAllowed(groups, MOBILE_GROUPS)) return null;
    return { type: 'mobile', value: `+86${mobile[2]}`, prefixLength: prefix.length };
  }
  if (joined.length < 16 || joined.length > 19) return null;
  const candidates: Classified[] = [];
  if (joined.length === 18) {
    if (groupsAllowed(lengths, ID_GROUPS) && isCompactIdNumberValid(joined, today)) {
      candidates.push({ type: 'id_card', value: joined, prefixLength: 0 });
    }
    if (groupsAllowed(lengths, USCC_GROUPS) && isCompactUsccValid(joined)) {
      candidates.push({ type: 'uscc', value: joined, prefixLength: 0 });
    }
  }
  if (hasPlausibleCardIssuer(joined) && isDigits(joined) && luhnValid(joined)) {
    if (lengths.length === 1 || isFourGrouped(lengths) || lengths.every((n) => n === 1)) {
      candidates.push({ type: 'bank_card', value: joined, prefixLength: 0 });
    }
  }
  if (candidates.length === 0) return null;
  // A label settles ambiguous runs, and vetoes the others: a bad ID number after "身份证号" that happens
  // to pass Luhn is a mistyped ID, not a card.
  const label = hint();
  if (label) return candidates.find((c) => c.type === label) ?? null;
  // An all-digit run valid both as a credit code and as a card (one in 310): credit codes of companies and
  // associations start with 9, 1 or 5; a card's issuer prefix decides otherwise.
  const types = candidates.map((c) => c.type);
  if (types.includes('uscc') && types.includes('bank_card') && !/^[159]/.test(joined)) {
    return candidates.find((c) => c.type === 'bank_card') ?? null;
  }
  return candidates[0] ?? null;
}

// A cheap look at the first character and the grouping of tokens[i..j], before any string is built or
// checksum computed: most runs of numbers in a text fail here.
function shapeFits(tokens: readonly Token[], i: number, j: number, total: number): boolean {
  const lengths = (from: number): number[] => {
    const out: number[] = [];
    for (let k = from; k <= j; k++) out.push(tokens[k]!.text.length);
    return out;
  };
  if (i === j) return total <= 15 ? tokens[i]!.text.charCodeAt(0) === (total === 11 ? 49 : total === 13 ? 56 : 48) : true;
  if (total <= 15) {
    const prefix = total - 11;
    if (tokens[i]!.text.charCodeAt(0) !== (prefix === 0 ? 49 : prefix === 2 ? 56 : 48)) return false;
    return groupsAllowed(lengths(prefix > 0 && tokens[i]!.text.length === prefix ? i + 1 : i), MOBILE_GROUPS);
  }
  const all = lengths(i);
  if (isFourGrouped(all) || all.every((n) => n === 1)) return true;
  return total === 18 && (ID_GROUPS.has(all.join(',')) || USCC_GROUPS.has(all.join(',')));
}

// Lengths an identifier can have once its groups are joined: mobile (11, or 13/15 with 86/0086), 16–19.
const CANDIDATE_LENGTHS = new Set([11, 13, 15, 16, 17, 18, 19]);

type ChainInfo = {
  folded: string;
  tokens: readonly Token[];
  digits: boolean[];
  /** offsets[k] = total length of tokens[0..k-1], so a run's joined length is a subtraction. */
  offsets: number[];
  /** Index of the first and last token of the all-digit run each token belongs to. */
  runStart: number[];
  runEnd: number[];
  today: Date;
  /** Evasion mode: "订单号"/"Ref:" in front of a valid mobile or ID number does not veto it. */
  spareLabels: boolean;
};

function describe(folded: string, tokens: readonly Token[], today: Date, spareLabels: boolean): ChainInfo {
  const n = tokens.length;
  const digits = tokens.map((t) => t.digits);
  const offsets = [0];
  for (let k = 0; k < n; k++) offsets.push(offsets[k]! + tokens[k]!.text.length);
  const runStart: number[] = new Array<number>(n).fill(0);
  const runEnd: number[] = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) runStart[k] = digits[k] && k > 0 && digits[k - 1] ? runStart[k - 1]! : k;
  for (let k = n - 1; k >= 0; k--) runEnd[k] = digits[k] && k < n - 1 && digits[k + 1] ? runEnd[k + 1]! : k;
  return { folded, tokens, digits, offsets, runStart, runEnd, today, spareLabels };
}

// A digit, or the A/N/Y authority letter of a credit code followed by a digit.
function canStartCandidate(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const d = text.charCodeAt(1);
  return (c === 65 || c === 78 || c === 89 || c === 97 || c === 110 || c === 121) && d >= 48 && d <= 57;
}

function evaluateChain(info: ChainInfo, hits: ChainHit[]): void {
  const { tokens, offsets } = info;
  let i = 0;
  while (i < tokens.length) {
    let found: ChainHit | null = null;
    let j = Math.min(tokens.length, i + MAX_TOKENS) - 1;
    if (canStartCandidate(tokens[i]!.text)) {
      // Longest first: "138 1234 5678" must not stop at "138 1234".
      for (; j >= i; j--) {
        const total = offsets[j + 1]! - offsets[i]!;
        if (total <= MAX_LENGTH && CANDIDATE_LENGTHS.has(total) && shapeFits(tokens, i, j, total)) {
          found = candidateAt(info, i, j);
          if (found) break;
        }
      }
    }
    i = found ? j + 1 : i + 1;
    if (found) hits.push(found);
  }
}

function candidateAt(info: ChainInfo, i: number, j: number): ChainHit | null {
  const { folded, tokens, digits } = info;
  const first = tokens[i]!;
  const last = tokens[j]!;
  if (!/\d/.test(last.text)) return null;
  // Structure first (cheap): the digits continue with a dash ("138-1234-5678-9", "2024-03-15-13812345678"),
  // so they are one longer code.
  const before = tokens[i - 1];
  const after = tokens[j + 1];
  const gapBefore = before ? folded.slice(before.end, first.start) : '';
  if (before && digits[i - 1] && DASH.test(gapBefore)) return null;
  if (after && digits[j + 1] && DASH.test(folded.slice(last.end, after.start))) return null;
  // A code segment dashed onto the number ("HT-13812345678") makes it part of the code.
  if (before && isDashOnly(gapBefore) && !CUE_LETTERS.has(before.text.toLowerCase())) return null;
  // A proper part of a four-grouped number is never reported.
  const runStart = info.runStart[i]!;
  const runEnd = info.runEnd[i]!;
  const wholeRunIsDigits = digits[i] === true && runEnd >= j;
  if (wholeRunIsDigits && (runStart < i || runEnd > j)) {
    const runLengths = tokens.slice(runStart, runEnd + 1).map((t) => t.text.length);
    if (isFourGrouped(runLengths)) return null;
  }
  // Then the checksums.
  const parts = tokens.slice(i, j + 1);
  const joined = parts.map((t) => t.text).join('');
  const classified = classify(
    wholeRunIsDigits ? joined : joined.toUpperCase(),
    parts.map((t) => t.text.length),
    () => contextHint(folded, first.start),
    info.today,
  );
  if (!classified) return null;
  // Then the words around.
  const end = last.end;
  const veto =
    contextVeto(folded, first.start, end) ?? (wholeRunIsDigits && runStart < i ? contextVeto(folded, tokens[runStart]!.start, end) : null);
  // A valid mobile or ID number is what it is, whatever label an evader puts in front of it.
  const spared = veto === 'label' && info.spareLabels && (classified.type === 'mobile' || classified.type === 'id_card');
  if (veto && !spared) return null;
  const start = classified.type === 'mobile' ? extendOverCountryCode(folded, first.start, classified.prefixLength > 0) : first.start;
  return { type: classified.type, start, end, value: classified.value, ...(spared ? { spared } : {}) };
}

// "+86 138…" keeps its "+"; "(+86)138…" and "（+86）138…" keep the bracketed prefix.
function extendOverCountryCode(folded: string, start: number, hasPrefix: boolean): number {
  if (hasPrefix) return folded[start - 1] === '+' ? start - 1 : start;
  const bracketed = /\(\s*\+?\s*(?:86|0086)\s*\)\s*$/.exec(folded.slice(Math.max(0, start - 12), start));
  return bracketed ? start - bracketed[0].length : start;
}

/** Mobile numbers, ID numbers, credit codes and bank cards in the folded text, outside `taken`. */
export function findDigitIdentifiers(folded: string, taken: Uint8Array, today: Date, spareLabels = false): ChainHit[] {
  const hits: ChainHit[] = [];
  for (const chain of tokenize(folded, taken)) evaluateChain(describe(folded, chain, today, spareLabels), hits);
  return hits;
}
