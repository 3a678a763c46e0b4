// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male), and an
// ISO 7064 MOD 11-2 check character that may be "X" (value 10).
import { chinaCalendarDate, compact, isRealCalendarDate } from './fold.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// Province-level codes of GB/T 2260 plus 71 (Taiwan), 81/82 (Hong Kong, Macau) and 83 (Taiwan residents'
// residence permits). Stricter than "first digit 1–8": 19, 29, 40, 47… never start a real number, and
// every rejected prefix is one fewer random 18-digit run mistaken for an ID.
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type Sex = 'male' | 'female';

export type IdNumberInfo = {
  idNumber: string;
  regionCode: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  /** Age in full years on the `today` passed in. */
  age: number;
};

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * The canonical form (18 characters, upper-case X) of a valid resident ID number, else null. Accepts
 * full-width digits and spaces or dashes between groups. Never accepts the 15-digit first-generation
 * numbers: they have no check digit and look exactly like the 15-digit company registration numbers.
 */
export function normalizeIdNumber(input: string, today: Date = new Date()): string | null {
  const id = compact(input).toUpperCase();
  return isCompactIdNumberValid(id, today) ? id : null;
}

/** The checks of `normalizeIdNumber` on an already compact, upper-case string (the detector's hot path). */
export function isCompactIdNumberValid(id: string, today: Date): boolean {
  if (id.length !== 18 || !PROVINCES.has(id.slice(0, 2)) || !/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isRealCalendarDate(year, month, day)) return false;
  const now = chinaCalendarDate(today);
  if (compareDates(year, month, day, now.year, now.month, now.day) > 0) return false;
  return idNumberCheckChar(id) === id[17];
}

export function isValidIdNumber(input: string, today: Date = new Date()): boolean {
  return normalizeIdNumber(input, today) !== null;
}

/** Region, birth date, sex and age of a valid ID number, or null when it is not valid. */
export function parseIdNumber(input: string, today: Date = new Date()): IdNumberInfo | null {
  const id = normalizeIdNumber(input, today);
  if (id === null) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const now = chinaCalendarDate(today);
  let age = now.year - year;
  // Not yet had this year's birthday. A 29 February birthday counts from 1 March in common years.
  if (compareDates(0, now.month, now.day, 0, month, day) < 0) age -= 1;
  return {
    idNumber: id,
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    age,
  };
}

/** Age in full years on `today` (read as a China Standard Time date), or null for an invalid number. */
export function ageFromIdNumber(input: string, today: Date): number | null {
  return parseIdNumber(input, today)?.age ?? null;
}

function compareDates(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): number {
  return y1 !== y2 ? y1 - y2 : m1 !== m2 ? m1 - m2 : d1 - d2;
}
