import { addRetentionPeriod, RETENTION_SCHEDULE, type NotificationKind, type RetentionClass } from '@sealbridge/contracts';
import { endOfChinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';

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

export type ClockAlert = 'reminder' | 'escalation';
/** What a clock alert stamps on its row: an escalation counts as the reminder too when none was sent. */
export type ClockMarks = { reminded_at?: string; escalated_at?: string };
type ClockRow = { id: string; subject_id: string; due_at: string; reminded_at?: string | null; escalated_at?: string | null };

/** What a clock sweep needs: the service's ports, and what differs between clocks (tables, events, notices). */
export type ClockSweepAdapter<Row extends ClockRow, Tx> = {
  /** The sweep's instant. */
  at: Date;
  /** The service's own dependencies; `officers` are asked only when a row is open. */
  ports: { calendar: WorkingDayCalendar; audit: AuditPort; notifications?: NotificationsPort; officers?: () => Promise<string[]> };
  transaction: <T>(work: (tx: Tx, trx: Parameters<AuditPort['appendInTransaction']>[0]) => Promise<T>) => Promise<T>;
  auditType: string;
  auditData: (row: Row, alert: ClockAlert, left: number) => Record<string, unknown>;
  /** The officers' notices: their kinds, the row's number they carry and the page they link to. */
  noticeKinds: Record<ClockAlert, NotificationKind>;
  noticeNo: (row: Row) => string;
  noticeLink: string;
  /** Stamps the row with the marks and writes its history entry (`reminded` / `escalated`, the days left as note). */
  mark: (tx: Tx, row: Row, marks: ClockMarks, entry: { at: string; event: 'reminded' | 'escalated'; note: string }) => Promise<void>;
};

/**
 * The clock job over open rows: a reminder to the privacy officers at REMIND_AT_WORKING_DAYS or fewer working days
 * left, an escalation at ESCALATE_AT_WORKING_DAYS or fewer (or overdue); each once per due date. The marks, the
 * history entry and the audit event of a row commit in one transaction; the officers are told after it.
 */
export async function sweepClocks<Row extends ClockRow, Tx>(
  rows: readonly Row[],
  adapter: ClockSweepAdapter<Row, Tx>,
): Promise<{ reminded: number; escalated: number }> {
  const { at, ports } = adapter;
  const stamp = at.toISOString();
  const officers = rows.length && ports.officers ? await ports.officers() : [];
  let reminded = 0;
  let escalated = 0;
  for (const row of rows) {
    const left = ports.calendar.workingDaysBetween(at, new Date(row.due_at));
    const alert = clockAlertOf(left, row);
    if (!alert) continue;
    await adapter.transaction(async (tx, trx) => {
      await adapter.mark(
        tx,
        row,
        alert === 'escalation' ? { escalated_at: stamp, reminded_at: row.reminded_at ?? stamp } : { reminded_at: stamp },
        { at: stamp, event: alert === 'escalation' ? 'escalated' : 'reminded', note: String(left) },
      );
      await ports.audit.appendInTransaction(trx, {
        type: adapter.auditType,
        actor: { accountId: null, role: 'system', sessionId: null },
        decision: 'allowed',
        subjectId: row.subject_id,
        requestId: null,
        data: adapter.auditData(row, alert, left),
      });
    });
    await ports.notifications?.notifyMany(
      officers.map((accountId) => ({
        accountId,
        kind: adapter.noticeKinds[alert],
        params: { no: adapter.noticeNo(row), days: left },
        link: adapter.noticeLink,
      })),
    );
    if (alert === 'escalation') escalated += 1;
    else reminded += 1;
  }
  return { reminded, escalated };
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
