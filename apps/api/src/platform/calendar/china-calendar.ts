import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chinaDay, createWorkingDayCalendar, type DayTable, type WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * Where the PRC holiday arrangement comes from:
 * 1. the npm package `chinese-days` (MIT, © Yawei Sun, https://github.com/vsme/chinese-days): its
 *    `dist/chinese-days.json` holds the State Council's arrangement for 2004 up to the latest year it has
 *    published (2026 in 1.5.7). A package upgrade brings new years (`npm update chinese-days -w @sealbridge/api`).
 *    Only the data is used; the package's date functions work in the server's local time zone, ours in Beijing's.
 * 2. an optional override file, `$DATA_DIR/calendar/cn-working-days.json`, in the same format
 *    (`{"holidays": {"2027-02-06": "春节", …}, "workdays": {"2027-02-20": "春节调休", …}}`). Every year that
 *    appears in the file replaces that year of the package entirely, so an operator can load next year's notice
 *    (published each November) or a correction the day it appears, without a release. Read at start; restart to
 *    apply.
 */
export const OVERRIDE_FILE = join('calendar', 'cn-working-days.json');

const requireFromHere = createRequire(import.meta.url);

function checkTable(raw: unknown, source: string): DayTable {
  const table = raw as Partial<Record<'holidays' | 'workdays', unknown>> | null;
  const isMap = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  if (!table || !isMap(table.holidays ?? {}) || !isMap(table.workdays ?? {})) {
    throw new Error(`${source}: expected {"holidays": {"YYYY-MM-DD": "label"}, "workdays": {…}}`);
  }
  const out = { holidays: (table.holidays ?? {}) as Record<string, string>, workdays: (table.workdays ?? {}) as Record<string, string> };
  for (const day of [...Object.keys(out.holidays), ...Object.keys(out.workdays)]) {
    try {
      chinaDay(day);
    } catch {
      throw new Error(`${source}: "${day}" is not a calendar day (YYYY-MM-DD)`);
    }
  }
  const both = Object.keys(out.holidays).filter((d) => Object.hasOwn(out.workdays, d));
  if (both.length) throw new Error(`${source}: ${both[0]} is both a holiday and a make-up working day`);
  return out;
}

/** The package's bundled table (every year it knows). */
export function bundledChinaTable(): DayTable {
  const file = requireFromHere.resolve('chinese-days/dist/chinese-days.json');
  return checkTable(JSON.parse(readFileSync(file, 'utf8')), 'chinese-days');
}

/**
 * The calendar the server uses: the bundled table, then the override file in `dataDir` if there is one. A malformed
 * override stops the start with a message naming the file and the problem (a wrong due date is worse than none).
 */
export function loadChinaCalendar(options: { dataDir?: string } = {}): WorkingDayCalendar {
  const tables = [bundledChinaTable()];
  const override = options.dataDir ? join(options.dataDir, OVERRIDE_FILE) : undefined;
  if (override && existsSync(override)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(override, 'utf8'));
    } catch {
      throw new Error(`${override}: not valid JSON`);
    }
    tables.push(checkTable(raw, override));
  }
  return createWorkingDayCalendar(tables);
}
