import { addRetentionPeriod, RETENTION_SCHEDULE, type RetentionClass } from '@sealbridge/contracts';
import { endOfChinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';

/**
 * The answer clock (PRIVACY-LAW.md row 8): 15 working days by default (RIGHTS_SLA_WORKING_DAYS), counted on the
 * PRC working-day calendar (holidays off, 调休 make-up days on) in China Standard Time, ending 23:59:59 CST.
 * A due date in a year the calendar does not know yet is provisional (counted Monday–Friday).
 */
export const DEFAULT_SLA_WORKING_DAYS = 15;
/** A reminder goes to the officers with this many working days left, an escalation with this many. */
export const REMIND_AT_WORKING_DAYS = 3;
export const ESCALATE_AT_WORKING_DAYS = 1;

/** The alert a clock job owes at `left` working days: an escalation, a reminder (each once per due date), or none. */
export function clockAlertOf(
  left: number,
  marks: { reminded_at?: string | null; escalated_at?: string | null },
): 'reminder' | 'escalation' | null {
  if (left <= ESCALATE_AT_WORKING_DAYS && !marks.escalated_at) return 'escalation';
  if (left <= REMIND_AT_WORKING_DAYS && !marks.reminded_at) return 'reminder';
  return null;
}

export function dueAfter(calendar: WorkingDayCalendar, from: Date, workingDays: number): Date {
  return endOfChinaDay(calendar.addWorkingDays(from, workingDays));
}

export function clockOf(calendar: WorkingDayCalendar, now: Date, createdAt: string, dueAt: string, final: boolean) {
  return {
    dueProvisional: !calendar.coversRange(createdAt.slice(0, 10), new Date(dueAt)),
    overdue: !final && now.toISOString() > dueAt,
    workingDaysLeft: final ? null : calendar.workingDaysBetween(now, new Date(dueAt)),
  };
}

/**
 * Retention floors by class (PRIVACY-LAW.md row 7), read from the retention schedule (contracts RETENTION_SCHEDULE,
 * issue 14 item 6): data a law says must be kept is not erased on request; the request ends "restricted: stored only"
 * (PIPL Art. 47, 50) with the reason and the date it goes. The floors of `account_end` classes run from the end of
 * the account, which ends with the request: counted from today; the `deal_end` classes from the end of the person's
 * deals (see `floorOf`). A class with a zero floor is erased at once.
 */
export const RETENTION_FLOORS: Record<RetentionClass, { years: number; days: number; reason: string } | null> = Object.fromEntries(
  Object.values(RETENTION_SCHEDULE).map((rule) => [
    rule.retentionClass,
    rule.floor.years || rule.floor.days ? { ...rule.floor, reason: rule.basis } : null,
  ]),
) as Record<RetentionClass, { years: number; days: number; reason: string } | null>;

/**
 * The floor that holds longest among the classes, with the day the data may go; null when none applies. The
 * `deal_end` classes use the retention job's clock: while a deal the person is a party to runs, the data goes a
 * period after the deal ends — no date yet (`until` null, `afterDealEnd` the period), and that outlasts every dated
 * floor; once their deals ended, from the later of today (the account ends now) and the last deal's end.
 */
export function floorOf(
  classes: readonly RetentionClass[],
  now: Date,
  deals: { running: boolean; lastEndedAt: string | null } = { running: false, lastEndedAt: null },
): { reason: string; until: string | null; afterDealEnd: { years: number; days: number } | null; classes: RetentionClass[] } | null {
  const held = [...new Set(classes)].filter((c) => RETENTION_FLOORS[c]).sort();
  if (!held.length) return null;
  const from = deals.lastEndedAt && new Date(deals.lastEndedAt) > now ? new Date(deals.lastEndedAt) : now;
  const longest = held
    .map((c) => {
      const floor = RETENTION_FLOORS[c]!;
      const dealClock = RETENTION_SCHEDULE[c].clock === 'deal_end';
      const pending = dealClock && deals.running;
      return { c, floor, pending, until: addRetentionPeriod(dealClock ? from : now, floor) };
    })
    .sort((a, b) => Number(b.pending) - Number(a.pending) || b.until.getTime() - a.until.getTime())[0]!;
  return {
    reason: longest.floor.reason,
    until: longest.pending ? null : longest.until.toISOString().slice(0, 10),
    afterDealEnd: longest.pending ? { years: longest.floor.years, days: longest.floor.days } : null,
    classes: held,
  };
}
