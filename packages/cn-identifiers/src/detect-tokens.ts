// Splits folded text into chains of alphanumeric tokens for the digit detectors. Hand-written over char codes
// rather than regular expressions: this loop sees every character of every text, and it is the hot path.

export type Token = {
  start: number;
  end: number;
  text: string;
  /** Only ASCII digits. */
  digits: boolean;
};

/** Tokens separated by 1–3 spaces or dashes. Only chains holding at least one digit are returned. */
export type Chain = Token[];

// Letters that may be glued in front of a number without making it part of a code: "VX13812345678",
// "Tel13812345678", "ID110105…". Any other letters ("SF1234567890123", "No2024…") make it a code.
export const CUE_LETTERS: ReadonlySet<string> = new Set(['vx', 'wx', 'v', 'tel', 'phone', 'mobile', 'mob', 'cell', 'm', 't', 'id', 'qq']);

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Space, no-break space, hyphen-minus, the Unicode hyphens and dashes U+2010–U+2014, minus sign.
const isSeparatorCode = (c: number): boolean => c === 32 || c === 0xa0 || c === 45 || (c >= 0x2010 && c <= 0x2014) || c === 0x2212;

export function isDashOnly(gap: string): boolean {
  return gap.length === 1 && gap !== ' ' && gap !== '\u00a0' && isSeparatorCode(gap.charCodeAt(0));
}

export function anyTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k] === 1) return true;
  return false;
}

function separatorGap(folded: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let k = from; k < to; k++) if (!isSeparatorCode(folded.charCodeAt(k))) return false;
  return true;
}

/** Chains of tokens outside `taken` (e-mails and messaging handles already claimed). */
export function tokenize(folded: string, taken: Uint8Array): Chain[] {
  const chains: Chain[] = [];
  let chain: Token[] = [];
  let chainHasDigit = false;
  let previousEnd = -1;
  const flush = (): void => {
    if (chainHasDigit) chains.push(chain);
    chain = [];
    chainHasDigit = false;
  };
  const n = folded.length;
  let k = 0;
  while (k < n) {
    let c = folded.charCodeAt(k);
    if (!isDigitCode(c) && !isLetterCode(c)) {
      k += 1;
      continue;
    }
    const tokenStart = k;
    let firstDigit = -1;
    let letterAfterDigit = false;
    for (; k < n; k++) {
      c = folded.charCodeAt(k);
      if (isDigitCode(c)) {
        if (firstDigit < 0) firstDigit = k;
      } else if (isLetterCode(c)) {
        if (firstDigit >= 0) letterAfterDigit = true;
      } else break;
    }
    const end = k;
    if (anyTaken(taken, tokenStart, end)) {
      flush();
      previousEnd = -1;
      continue;
    }
    let start = tokenStart;
    if (firstDigit > tokenStart && CUE_LETTERS.has(folded.slice(tokenStart, firstDigit).toLowerCase())) {
      const rest = folded.slice(firstDigit, end);
      if (/^\d+[Xx]?$/.test(rest)) start = firstDigit;
    }
    const glued = start !== tokenStart;
    if (chain.length > 0 && (glued || !separatorGap(folded, previousEnd, start))) flush();
    chain.push({ start, end, text: folded.slice(start, end), digits: firstDigit === start && !letterAfterDigit });
    if (firstDigit >= 0) chainHasDigit = true;
    previousEnd = end;
  }
  flush();
  return chains;
}
