import { AUTHORITY_LEGAL_BASES, INCIDENT_GRADES, type AuthorityLegalBasis, type TTransparencyFigures } from '@sealbridge/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { median } from './transparency-quarter.ts';
import type { QuarterRange, TransparencyRepo } from './transparency-repo.ts';

/**
 * The figures of one quarter, counted from the database (ADR 0022 says what each one counts). Aggregates only: a
 * kind, a grade, a purpose or a legal-basis category is the finest dimension; no person, value or text is read.
 */
export async function countFigures(repo: TransparencyRepo, calendar: WorkingDayCalendar, q: QuarterRange): Promise<TTransparencyFigures> {
  const [receivedByKind, answered, feedback, incidents, transfers, authority, reveals, consentWithdrawals, erasures] = await Promise.all([
    repo.rightsReceivedByKind(q),
    repo.rightsAnswered(q),
    repo.feedback(q),
    repo.incidents(q),
    repo.transfers(q),
    repo.authorityRequests(q),
    repo.staffReveals(q),
    repo.consentWithdrawals(q),
    repo.erasures(q),
  ]);
  const inTime = answered.filter((r) => r.closed_at !== null && r.closed_at <= r.due_at).length;
  const grades = [...new Set([...INCIDENT_GRADES, ...incidents.map((i) => i.grade)])];
  const transferCount = (outcome: string, crossBorder: number | null) =>
    transfers.byKind
      .filter((t) => t.outcome === outcome && (crossBorder === null || Number(t.cross_border) === crossBorder))
      .reduce((sum, t) => sum + Number(t.n), 0);
  const purposes = new Map<string, number>();
  for (const r of reveals.filter((x) => x.decision === 'allowed'))
    purposes.set(r.purpose ?? 'unstated', (purposes.get(r.purpose ?? 'unstated') ?? 0) + Number(r.n));
  return {
    rights: {
      received: receivedByKind.reduce((sum, r) => sum + Number(r.n), 0),
      answered: answered.length,
      answeredInTime: inTime,
      answeredLate: answered.length - inTime,
      medianWorkingDays: median(answered.map((r) => calendar.workingDaysBetween(new Date(r.created_at), new Date(r.closed_at!)))),
      receivedByKind: Object.fromEntries(receivedByKind.map((r) => [r.kind, Number(r.n)]).sort()),
    },
    feedback,
    incidents: {
      total: incidents.length,
      reportedToRegulator: incidents.filter((i) => i.reported_at !== null).length,
      byGrade: grades.map((grade) => ({
        grade,
        total: incidents.filter((i) => i.grade === grade).length,
        reported: incidents.filter((i) => i.grade === grade && i.reported_at !== null).length,
      })),
    },
    transfers: {
      toThirdParties: transferCount('allowed', 0),
      abroad: transferCount('allowed', 1),
      refused: transferCount('refused', null),
      personsAbroad: transfers.personsAll,
      personsAbroadSensitive: Number(transfers.persons.find((p) => Number(p.sensitive) === 1)?.n ?? 0),
    },
    authorityRequests: {
      received: authority.length,
      disclosed: authority.filter((a) => Number(a.disclosed) === 1).length,
      personsAffected: authority.filter((a) => Number(a.disclosed) === 1).reduce((sum, a) => sum + Number(a.persons_affected), 0),
      byLegalBasis: AUTHORITY_LEGAL_BASES.map((legalBasis: AuthorityLegalBasis) => ({
        legalBasis,
        received: authority.filter((a) => a.legal_basis === legalBasis).length,
        disclosed: authority.filter((a) => a.legal_basis === legalBasis && Number(a.disclosed) === 1).length,
      })),
    },
    staffAccesses: {
      total: [...purposes.values()].reduce((a, b) => a + b, 0),
      refused: reveals.filter((x) => x.decision === 'denied').reduce((sum, r) => sum + Number(r.n), 0),
      byPurpose: [...purposes]
        .map(([purpose, count]) => ({ purpose, count }))
        .sort((a, b) => b.count - a.count || a.purpose.localeCompare(b.purpose)),
    },
    consentWithdrawals,
    erasures,
  };
}
