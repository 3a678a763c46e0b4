/**
 * Working days for the ticket SLA clock (PRIVACY-LAW.md row 8: answer within 15 working days). Monday–Friday in
 * China Standard Time (UTC+8); the PRC holiday calendar with its make-up days (调休) is not modelled yet (NOTES.md).
 */
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const isWorkingDay = (cstMs: number) => {
  const day = new Date(cstMs).getUTCDay();
  return day !== 0 && day !== 6;
};

/** The end (23:59:59 CST) of the `days`-th working day after `from`'s day. */
export function addWorkingDays(from: Date, days: number): Date {
  let cst = from.getTime() + CST_OFFSET_MS;
  let left = days;
  while (left > 0) {
    cst += DAY_MS;
    if (isWorkingDay(cst)) left -= 1;
  }
  const endOfDay = Math.floor(cst / DAY_MS) * DAY_MS + DAY_MS - 1000;
  return new Date(endOfDay - CST_OFFSET_MS);
}

/** Whole working days from `now` until `due` (negative once past it). */
export function workingDaysBetween(now: Date, due: Date): number {
  const sign = due.getTime() >= now.getTime() ? 1 : -1;
  let a = Math.floor((now.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS;
  const b = Math.floor((due.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS;
  let count = 0;
  while (sign > 0 ? a < b : a > b) {
    a += sign * DAY_MS;
    if (isWorkingDay(a)) count += sign;
  }
  return count;
}
