import { endOfChinaDay, loadChinaCalendar, type WorkingDayCalendar } from '../../platform/calendar/index.ts';

/**
 * Working days for the ticket SLA clock (PRIVACY-LAW.md row 8: answer within 15 working days), on the PRC
 * working-day calendar in China Standard Time: public holidays are off, make-up working days (调休) count.
 */
let bundled: WorkingDayCalendar | undefined;
const fallback = () => (bundled ??= loadChinaCalendar());

/** The end (23:59:59 CST) of the `days`-th working day after `from`'s day. */
export function addWorkingDays(from: Date, days: number, calendar: WorkingDayCalendar = fallback()): Date {
  return endOfChinaDay(calendar.addWorkingDays(from, days));
}

/** Whole working days from `now` until `due` (negative once past it). */
export function workingDaysBetween(now: Date, due: Date, calendar: WorkingDayCalendar = fallback()): number {
  return calendar.workingDaysBetween(now, due);
}
