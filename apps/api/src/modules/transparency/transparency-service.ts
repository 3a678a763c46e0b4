import {
  ZTransparencyFigures,
  type TAuthorityRequest,
  type TRecordAuthorityRequest,
  type TTransparencyReport,
  type TTransparencyReportList,
} from '@sealbridge/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditPort } from '../audit/index.ts';
import { countFigures } from './transparency-figures.ts';
import { previousQuarter, quarterOf, quarterRange } from './transparency-quarter.ts';
import type { AuthorityRequestRow, ReportRow, TransparencyRepo } from './transparency-repo.ts';

export type TransparencyService = ReturnType<typeof createTransparencyService>;

type Stored = { period: string; from: string; to: string; figures: TTransparencyReport['figures'] };

/**
 * The quarterly transparency report (issue 19 item 4; ADR 0022): a draft counted from the database for any quarter that
 * has begun, regenerated at will until the privacy officer publishes it; a published report is a frozen JSON snapshot
 * (its figures never change, a regeneration is refused). The quarterly job drafts the previous quarter. The register
 * of authority requests is kept here. Only counts leave; the register's texts pass the identifier guard.
 */
export function createTransparencyService(deps: {
  repo: TransparencyRepo;
  audit: AuditPort;
  calendar: WorkingDayCalendar;
  now?: () => Date;
}) {
  const { repo, calendar } = deps;
  const now = deps.now ?? (() => new Date());
  const auditActor = (p: Principal | null) =>
    p ? { accountId: p.accountId, role: p.roles.join(','), sessionId: p.sessionId } : { accountId: null, role: 'system', sessionId: null };

  const view = (row: ReportRow): TTransparencyReport => {
    const stored = JSON.parse(row.report_json) as Stored;
    return {
      period: row.period,
      from: stored.from,
      to: stored.to,
      status: row.status,
      generatedAt: row.generated_at,
      publishedAt: row.published_at,
      figures: ZTransparencyFigures.parse(stored.figures),
    };
  };
  const summary = ({ figures: _figures, ...rest }: TTransparencyReport) => rest;
  const authorityView = (r: AuthorityRequestRow): TAuthorityRequest => ({
    id: r.id,
    authority: r.authority,
    legalBasis: r.legal_basis as TAuthorityRequest['legalBasis'],
    receivedOn: r.received_on,
    disclosed: Number(r.disclosed) === 1,
    personsAffected: Number(r.persons_affected),
    note: r.note,
    recordedAt: r.recorded_at,
  });

  async function generate(principal: Principal | null, period: string, requestId?: string): Promise<TTransparencyReport> {
    const range = quarterRange(period);
    const at = now();
    if (range.fromIso > at.toISOString()) throw new AppError('NOT_FOUND', 'this quarter has not begun');
    const existing = await repo.findReport(period);
    if (existing?.status === 'published') throw new AppError('TRANSPARENCY_REPORT_PUBLISHED');
    const stored: Stored = { period, from: range.fromDay, to: range.toDay, figures: await countFigures(repo, calendar, range) };
    const values = { report_json: JSON.stringify(stored), generated_at: at.toISOString(), generated_by: principal?.accountId ?? null };
    await repo.transaction(async (tx, trx) => {
      if (existing) {
        if (!(await tx.replaceDraft(period, values))) throw new AppError('TRANSPARENCY_REPORT_PUBLISHED');
      } else await tx.insertReport({ id: newId(), period, status: 'draft', published_at: null, published_by: null, ...values });
      await deps.audit.appendInTransaction(trx, {
        type: 'transparency.report_generated',
        actor: auditActor(principal),
        decision: 'allowed',
        purpose: 'legal_compliance',
        subjectId: null,
        requestId: requestId ?? null,
        data: { period, by: principal ? 'officer' : 'job' },
      });
    });
    return view((await repo.findReport(period))!);
  }

  return {
    generate: (principal: Principal, period: string, requestId?: string) => generate(principal, period, requestId),

    /** The quarterly job: drafts the previous quarter unless it is already published (then nothing changes). */
    async draftPreviousQuarter(): Promise<{ period: string; drafted: boolean }> {
      const period = previousQuarter(quarterOf(now()));
      if ((await repo.findReport(period))?.status === 'published') return { period, drafted: false };
      await generate(null, period);
      return { period, drafted: true };
    },

    /** Publishes the draft as reviewed: its figures are frozen from now on. Only a quarter that has ended. */
    async publish(principal: Principal, period: string, requestId?: string): Promise<TTransparencyReport> {
      const row = await repo.findReport(period);
      if (!row) throw new AppError('NOT_FOUND', 'no draft for this quarter');
      if (row.status === 'published') throw new AppError('TRANSPARENCY_REPORT_PUBLISHED');
      if (quarterRange(period).toIso > now().toISOString()) throw new AppError('TRANSPARENCY_QUARTER_OPEN');
      const at = now().toISOString();
      await repo.transaction(async (tx, trx) => {
        if (!(await tx.publish(period, at, principal.accountId, row.report_json))) throw new AppError('TRANSPARENCY_REPORT_PUBLISHED');
        await deps.audit.appendInTransaction(trx, {
          type: 'transparency.report_published',
          actor: auditActor(principal),
          decision: 'allowed',
          purpose: 'legal_compliance',
          subjectId: null,
          requestId: requestId ?? null,
          data: { period, generatedAt: row.generated_at },
        });
      });
      return view((await repo.findReport(period))!);
    },

    /** Every report, drafts included (the privacy officer's page). */
    listAll: async (): Promise<TTransparencyReportList> => ({ reports: (await repo.listReports()).map((r) => summary(view(r))) }),
    get: async (period: string): Promise<TTransparencyReport> => {
      const row = await repo.findReport(period);
      if (!row) throw new AppError('NOT_FOUND', 'no report for this quarter');
      return view(row);
    },
    /** Published reports only: a draft is never public (the same NOT_FOUND as a quarter with no report). */
    listPublished: async (): Promise<TTransparencyReportList> => ({
      reports: (await repo.listReports('published')).map((r) => summary(view(r))),
    }),
    getPublished: async (period: string): Promise<TTransparencyReport> => {
      const row = await repo.findReport(period);
      if (!row || row.status !== 'published') throw new AppError('NOT_FOUND', 'no published report for this quarter');
      return view(row);
    },

    async recordAuthorityRequest(principal: Principal, input: TRecordAuthorityRequest, requestId?: string): Promise<TAuthorityRequest> {
      assertNoIdentifiers([{ field: 'authority', text: input.authority }, ...(input.note ? [{ field: 'note', text: input.note }] : [])]);
      const row: AuthorityRequestRow = {
        id: newId(),
        authority: input.authority,
        legal_basis: input.legalBasis,
        received_on: input.receivedOn,
        disclosed: input.disclosed ? 1 : 0,
        persons_affected: input.personsAffected,
        note: input.note?.trim() ? input.note : null,
        recorded_at: now().toISOString(),
        recorded_by: principal.accountId,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insertAuthorityRequest(row);
        await deps.audit.appendInTransaction(trx, {
          type: 'transparency.authority_request_recorded',
          actor: auditActor(principal),
          decision: 'allowed',
          purpose: 'legal_compliance',
          subjectId: null,
          requestId: requestId ?? null,
          data: { requestId: row.id, legalBasis: row.legal_basis, disclosed: input.disclosed, personsAffected: row.persons_affected },
        });
      });
      return authorityView(row);
    },
    listAuthorityRequests: async () => ({ requests: (await repo.listAuthorityRequests()).map(authorityView) }),
  };
}
