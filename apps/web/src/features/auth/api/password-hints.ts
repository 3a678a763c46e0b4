import { PASSWORD_MIN_LENGTH } from '@sealbridge/contracts';

export type PasswordLevel = 'empty' | 'tooShort' | 'weak' | 'fair' | 'good';

export type PasswordHints = {
  level: PasswordLevel;
  /** 0–100 for a progress bar. */
  percent: number;
  length: number;
  /** Characters still missing to reach the policy minimum. */
  missing: number;
  /** Kinds present among lower-case, upper-case, digits, other (symbols, CJK, spaces). */
  kinds: number;
  /** The same character repeated, or a run like 1234 / abcd, makes up most of it. */
  repetitive: boolean;
};

function kindsOf(password: string): number {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return kinds.filter((re) => re.test(password)).length;
}

/** True when most characters continue a run of equal or consecutive code points (aaaa, 1234, dcba). */
function isRepetitive(password: string): boolean {
  const chars = [...password];
  if (chars.length < 4) return false;
  let runLike = 0;
  for (let i = 1; i < chars.length; i++) {
    const step = (chars[i]?.codePointAt(0) ?? 0) - (chars[i - 1]?.codePointAt(0) ?? 0);
    if (Math.abs(step) <= 1) runLike++;
  }
  return runLike / (chars.length - 1) >= 0.6;
}

/**
 * Client-side hints only: length against the policy minimum and a rough variety score. The server decides
 * (common-password list and a strength estimate) and may still answer WEAK_PASSWORD.
 */
export function passwordHints(password: string): PasswordHints {
  const length = [...password].length;
  const kinds = kindsOf(password);
  const repetitive = isRepetitive(password);
  const missing = Math.max(0, PASSWORD_MIN_LENGTH - length);
  let level: PasswordLevel;
  if (length === 0) level = 'empty';
  else if (missing > 0) level = 'tooShort';
  else if (repetitive || kinds <= 1) level = 'weak';
  else if (kinds === 2 && length < PASSWORD_MIN_LENGTH + 4) level = 'fair';
  else level = 'good';
  const percent = { empty: 0, tooShort: Math.round((length / PASSWORD_MIN_LENGTH) * 30), weak: 40, fair: 70, good: 100 }[level];
  return { level, percent, length, missing, kinds, repetitive };
}
