import type { IncidentGrade } from '@sealbridge/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * CAC grading from the number of people whose personal information was affected (PRIVACY-LAW.md row 16; the
 * 国家网络安全事件报告管理办法 and its grading guide): ≥ 100 million especially serious, ≥ 10 million serious,
 * ≥ 1 million major, else general. Other criteria of the guide (outages, national security) are the officer's call.
 */
export function gradeOf(affected: number): IncidentGrade {
  if (affected >= 100_000_000) return 'especially_serious';
  if (affected >= 10_000_000) return 'serious';
  if (affected >= 1_000_000) return 'major';
  return 'general';
}

/** Major or worse must be reported to the provincial CAC within 4 h of discovery (1 h for critical infrastructure). */
export function reportDueAt(grade: IncidentGrade, detectedAt: string, criticalInfrastructure: boolean): string | null {
  if (grade === 'general') return null;
  return new Date(Date.parse(detectedAt) + (criticalInfrastructure ? 1 : 4) * HOUR).toISOString();
}

/** The summary report is due within 30 days after the incident was handled (closed) — for reportable incidents. */
export function followUpDueAt(grade: IncidentGrade, closedAt: string): string | null {
  return grade === 'general' ? null : new Date(Date.parse(closedAt) + 30 * DAY).toISOString();
}

export type IncidentClockInput = {
  report_due_at: string | null;
  reported_at: string | null;
  follow_up_due_at: string | null;
  followed_up_at: string | null;
};

/** Where an incident stands against its deadlines at `now` (an injected clock). */
export function clockOf(i: IncidentClockInput, now: Date) {
  const t = now.toISOString();
  return {
    reportDueAt: i.report_due_at,
    reportedAt: i.reported_at,
    reportOverdue: Boolean(i.report_due_at && !i.reported_at && t > i.report_due_at),
    followUpDueAt: i.follow_up_due_at,
    followUpOverdue: Boolean(i.follow_up_due_at && !i.followed_up_at && t > i.follow_up_due_at),
  };
}
