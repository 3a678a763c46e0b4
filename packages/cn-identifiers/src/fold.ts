// Full-width forms (U+FF01–U+FF5E) map one-to-one onto ASCII and, like ASCII, take one UTF-16 unit, so
// folding never moves an offset: a finding computed on the folded text is valid for the original text.
// Only characters that matter for identifiers are folded. The full-width comma is deliberately left alone:
// folded, the Chinese list separator in "13812345678，13987654321" would look like a thousands separator.
const FOLDABLE = /[０-９Ａ-Ｚａ-ｚ＋－＠．（）：＃＿／\u3000]/g;

export function foldWidth(text: string): string {
  return text.replace(FOLDABLE, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Folds full-width characters and drops the spaces and dashes people put between digit groups. */
export function compact(input: string): string {
  return foldWidth(input).replace(/[\s\-‐‑–—−]/g, '');
}

/** "Now" as a calendar date in China Standard Time (UTC+8, no daylight saving), whatever the server's zone. */
export function chinaCalendarDate(now: Date): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
