import { z } from 'zod';

/**
 * Input helpers for every schema that takes text, dates, amounts or query integers (issue 15). Use them instead of
 * bare `z.string()` / `z.coerce.number()`:
 *
 * | helper | for | refuses |
 * |---|---|---|
 * | `ZName(max, min?)` | names, titles, labels, file names: one line | control, bidi, zero-width and other invisible characters, line breaks, NUL, lone surrogates |
 * | `ZPlainText(max, min?)` | descriptions, comments, justifications: may span lines | the same, but keeps `\n` and tab (CR LF becomes LF) |
 * | `ZIsoDate(opts?)` | a calendar day `YYYY-MM-DD` | 2023-02-30, 2026-13-01, years outside [1900, 2199] by default |
 * | `ZIsoDateTime` | a day or an instant `…THH:mm[:ss[.sss]]Z` | impossible times, offsets other than Z |
 * | `ZBoundedAmountWan(opts?)` | amounts in 万元 | NaN, ±Infinity, 1e308, negatives, more than 4 decimals |
 * | `zQueryInt(min, max, default?)` | integers in query strings (page, pageSize…) | `0x10`, `1e3`, ` 1`, `+1`, `1.0`, empty, arrays |
 * | `zBodyInt(min, max)` | integers in JSON bodies | strings, floats, unsafe integers |
 *
 * Values are NFC-normalized and trimmed, so the same name typed on two keyboards is stored once.
 */

// Cc (controls, NUL), Cf (format: bidi embeddings/overrides/isolates, zero-width space/joiners, BOM, soft hyphen,
// word joiner…), Co (private use), Cn is left to isWellFormed + the explicit list below, Zl/Zp (line/paragraph
// separators), and the invisible fillers that are not Cf: Hangul fillers, braille blank, combining grapheme joiner.
// Combining and control characters are the point of these classes: the lint rules that warn about them do not apply.
/* eslint-disable no-misleading-character-class, no-control-regex */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\ufe00-\ufe0f]/u;
const INVISIBLE_BUT_NEWLINE_TAB =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Co}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0\ufe00-\ufe0f]/u;
/* eslint-enable no-misleading-character-class, no-control-regex */

/** True when the text holds no character that could hide or reorder what a reader sees (for one-line names). */
export function isCleanName(text: string): boolean {
  return text.isWellFormed() && !INVISIBLE.test(text);
}

/** The same for multi-line text: newlines and tabs are allowed. */
export function isCleanText(text: string): boolean {
  return text.isWellFormed() && !INVISIBLE_BUT_NEWLINE_TAB.test(text);
}

const CLEAN_NAME = { message: 'must not contain control, invisible or text-direction characters' };

/** A one-line name or title of at most `max` characters (after trimming and NFC). */
export function ZName(max: number, min = 1) {
  // Checks and overwrites only (no transform): the same schema also describes responses, which zod encodes.
  return z
    .string()
    .max(max * 4)
    .refine(isCleanName, CLEAN_NAME)
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max);
}

/** Free text of at most `max` characters: newlines and tabs allowed, CR LF stored as LF. */
export function ZPlainText(max: number, min = 0) {
  return z
    .string()
    .max(max * 4)
    .overwrite((v) => v.replaceAll('\r\n', '\n'))
    .refine(isCleanText, CLEAN_NAME)
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max);
}

/** True when `YYYY-MM-DD` names a day that exists (leap years included). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

/** A calendar day `YYYY-MM-DD` that exists, within [minYear, maxYear] (default 1900–2199). */
export function ZIsoDate(options: { minYear?: number; maxYear?: number } = {}) {
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2199;
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date like 2026-11-28' })
    .refine(isRealDate, { message: 'expected a real calendar date like 2026-11-28' })
    .refine((v) => Number(v.slice(0, 4)) >= minYear && Number(v.slice(0, 4)) <= maxYear, {
      message: `expected a year between ${minYear} and ${maxYear}`,
    });
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?Z)?$/;

/** A day (`2026-11-28`) or a UTC instant (`2026-11-28T09:00:00Z`, seconds and milliseconds optional). */
export const ZIsoDateTime = z
  .string()
  .regex(DATE_TIME, { message: 'expected an ISO date like 2026-11-28 or 2026-11-28T09:00:00Z' })
  .refine(
    (v) => {
      const m = DATE_TIME.exec(v);
      return m !== null && isRealDate(m[1] as string);
    },
    { message: 'expected an ISO date like 2026-11-28 or 2026-11-28T09:00:00Z' },
  );

/** An amount in 万元: finite, 0 ≤ x ≤ max (default 10,000,000 万 = 1,000 亿元), at most 4 decimals (1 元). */
export function ZBoundedAmountWan(options: { max?: number; min?: number } = {}) {
  const max = options.max ?? 10_000_000;
  const min = options.min ?? 0;
  return z
    .number()
    .finite()
    .min(min)
    .max(max)
    .refine((v) => Math.abs(Math.round(v * 10_000) - v * 10_000) < 1e-6, { message: 'at most 4 decimals (1 元)' });
}

const CANONICAL_INT = /^(0|[1-9][0-9]{0,15})$/;

/**
 * An integer from a query string: only canonical decimal digits (no sign, spaces, hex, exponent or fraction) —
 * `z.coerce.number()` would take `0x10` as 16, `1e3` as 1000 and an empty string as 0.
 */
export function zQueryInt(min: number, max: number, fallback?: number) {
  const parsed = z
    .string()
    .regex(CANONICAL_INT, { message: 'expected a whole number written in digits' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
  return fallback === undefined ? parsed : parsed.optional().transform((v) => v ?? fallback);
}

/** An integer in a JSON body: a real JSON number, whole and safe, within [min, max]. */
export function zBodyInt(min: number, max: number) {
  return z.number().int().min(min).max(max);
}
