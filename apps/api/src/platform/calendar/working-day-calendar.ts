/**
 * The PRC working-day calendar in China Standard Time (UTC+8, no daylight saving): weekends are rest days, the
 * State Council's public holidays are rest days, and its make-up working days (调休, usually a Saturday or Sunday
 * next to a long holiday) are working days. Dates are calendar days in Beijing written `YYYY-MM-DD`.
 *
 * The data is a table per year (see china-calendar.ts for where it comes from and how it is updated). A year the
 * table does not cover is answered Monday–Friday and reported as not known, so callers can mark a due date in that
 * year as provisional until the year's arrangement is published and loaded.
 */
export type DayTable = {
  /** Rest days that would otherwise be working days (and holiday weekends): `YYYY-MM-DD` → a label. */
  holidays: Readonly<Record<string, string>>;
  /** Make-up working days (调休) that fall on a weekend: `YYYY-MM-DD` → a label. */
  workdays: Readonly<Record<string, string>>;
};

export type WorkingDayCalendar = {
  /** Whether the Beijing calendar day of `day` is a working day. */
  isWorkingDay(day: Date | string): boolean;
  /**
   * The `n`-th working day after the Beijing calendar day of `from` (that day itself is not counted, as in
   * "within 5 working days of signing"); `n = 0` gives `from`'s day if it is a working day, else the next one.
   */
  addWorkingDays(from: Date | string, n: number): string;
  /** Working days from `from`'s day to `to`'s day (to counted, from not); negative when `to` is earlier. */
  workingDaysBetween(from: Date | string, to: Date | string): number;
  /** Whether the table covers `year`, i.e. answers for it follow the published arrangement. */
  isKnownYear(year: number): boolean;
  /** Whether every day from `from` to `to` (Beijing days, inclusive) lies in a known year. */
  coversRange(from: Date | string, to: Date | string): boolean;
  knownYears: readonly number[];
};

const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A deal spans weeks, an SLA a month; a longer walk is a caller's bug, not a date. */
const MAX_WALK_DAYS = 3660;

/** The Beijing calendar day of an instant, or a `YYYY-MM-DD` string checked and passed through. */
export function chinaDay(value: Date | string): string {
  if (typeof value === 'string') {
    const m = DAY.exec(value);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== value) throw new RangeError(`not a calendar day: ${value}`);
    return value;
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('invalid date');
  return new Date(value.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a Beijing calendar day, as an instant (23:59:59 CST). */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${chinaDay(day)}T23:59:59.000Z`) - CST_OFFSET_MS);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Builds a calendar over tables; a later table's years replace an earlier table's (an override file wins). */
export function createWorkingDayCalendar(tables: readonly DayTable[]): WorkingDayCalendar {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Set<number>();
  for (const table of tables) {
    const own = new Set([...Object.keys(table.holidays), ...Object.keys(table.workdays)].map((d) => Number(chinaDay(d).slice(0, 4))));
    for (const year of own) {
      for (const map of [holidays, workdays]) for (const key of [...map.keys()]) if (key.startsWith(`${year}-`)) map.delete(key);
      years.add(year);
    }
    for (const [d, label] of Object.entries(table.holidays)) holidays.set(d, label);
    for (const [d, label] of Object.entries(table.workdays)) workdays.set(d, label);
  }

  const working = (day: string) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  function walk(start: number, n: number): number {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WALK_DAYS) throw new RangeError(`working days out of range: ${n}`);
    let day = start;
    if (n === 0) {
      while (!working(dayOf(day))) day += 1;
      return day;
    }
    let left = n;
    while (left > 0) {
      day += 1;
      if (working(dayOf(day))) left -= 1;
    }
    return day;
  }

  return {
    isWorkingDay: (day) => working(chinaDay(day)),
    addWorkingDays: (from, n) => dayOf(walk(dayNumber(chinaDay(from)), n)),
    workingDaysBetween(from, to) {
      const a = dayNumber(chinaDay(from));
      const b = dayNumber(chinaDay(to));
      if (Math.abs(b - a) > MAX_WALK_DAYS) throw new RangeError('range too long');
      const sign = b >= a ? 1 : -1;
      let count = 0;
      for (let d = a; d !== b; d += sign) if (working(dayOf(d + sign))) count += sign;
      return count;
    },
    isKnownYear: (year) => years.has(year),
    coversRange(from, to) {
      const [a, b] = [Number(chinaDay(from).slice(0, 4)), Number(chinaDay(to).slice(0, 4))].sort((x, y) => x - y) as [number, number];
      for (let y = a; y <= b; y += 1) if (!years.has(y)) return false;
      return true;
    },
    knownYears: [...years].sort((x, y) => x - y),
  };
}
