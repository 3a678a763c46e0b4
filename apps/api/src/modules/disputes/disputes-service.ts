import { DISPUTE_RESOLVE_DAYS, DISPUTE_RESPOND_DAYS, type TDispute, type TOpenDisputeRequest } from '@sealbridge/contracts';
import type { DisputesTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/free-text-guard.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { SYSTEM_ACTOR, type AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { createDisputesRepo, type DisputesRepo } from './disputes-repo.ts';

export type DisputesDeps = {
  repo: DisputesRepo;
  audit: AuditPort;
  notifications: Pick<NotificationsPort, 'notifyMany'>;
  /** The PRC working-day calendar: a reminder goes out when at most one working day is left on a clock. */
  calendar: Pick<WorkingDayCalendar, 'workingDaysBetween'>;
  now?: () => Date;
};

const DAY = 24 * 60 * 60 * 1000;
/** The mediator is reminded when this many working days (or fewer) are left before a clock runs out. */
export const DISPUTE_REMIND_AT_WORKING_DAYS = 1;
type Side = 'claimant' | 'respondent' | 'mediator';
const actorOf = (p: Principal) => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });

/**
 * Disputes and mediation (issue 19). A buyer (with an inquiry or deal on the listing) or the listing's seller opens a
 * case against the other party or the center; the listing's broker (else the claimant's adviser) mediates. Only the
 * parties and the mediator see a case; anyone else gets NOT_FOUND, and the refusal is audited.
 */
export function createDisputesService(deps: DisputesDeps) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function view(row: DisputesTable, accountId: string, side: Side): Promise<TDispute> {
    const [parties, evidence, sessions, mediatorNo] = await Promise.all([
      repo.partiesOf(row.id),
      repo.evidenceOf(row.id),
      repo.sessionsOf(row.id),
      repo.staffNumber(row.mediator_account_id),
    ]);
    const at = now().toISOString();
    const live = row.status === 'open' || row.status === 'mediation';
    return {
      id: row.id,
      caseNo: row.case_no,
      listingCode: row.listing_code,
      against: row.against,
      topic: row.topic as TDispute['topic'],
      summary: row.summary,
      status: row.status,
      claimantRole: parties.find((p) => p.side === 'claimant')?.role ?? 'buyer',
      myRole: side,
      mediatorStaffNo: mediatorNo ?? null,
      openedAt: row.opened_at,
      respondBy: row.respond_by,
      resolveBy: row.resolve_by,
      overdue: live && ((row.status === 'open' && at > row.respond_by) || at > row.resolve_by),
      closedAt: row.closed_at,
      closing: row.closing,
      outcome: row.outcome,
      evidence: evidence.map((e) => ({ kind: e.kind, refId: e.ref_id, addedBy: e.added_side, addedAt: e.added_at })),
      sessions: sessions.map((s) => ({ heldAt: s.held_at, notes: s.notes })),
    };
  }

  /** The case and the caller's side in it; NOT_FOUND (audited) for anyone else, so a case's existence does not leak. */
  async function load(principal: Principal, id: string, requestId?: string) {
    const row = await repo.findDispute(id);
    const party = row ? (await repo.partiesOf(id)).find((p) => p.account_id === principal.accountId) : undefined;
    const side: Side | undefined = party?.side ?? (row && row.mediator_account_id === principal.accountId ? 'mediator' : undefined);
    if (!row || !side) {
      await audit.append({
        type: 'disputes.refused',
        actor: actorOf(principal),
        decision: 'denied',
        requestId: requestId ?? null,
        data: { disputeId: id },
      });
      throw new AppError('NOT_FOUND', 'no such dispute');
    }
    return { row, side };
  }

  async function tell(row: DisputesTable, kind: 'dispute_opened' | 'dispute_updated' | 'dispute_closed', except: string) {
    const parties = await repo.partiesOf(row.id);
    const to = [
      ...parties.map((p) => ({ id: p.account_id, staff: false })),
      ...(row.mediator_account_id ? [{ id: row.mediator_account_id, staff: true }] : []),
    ];
    await deps.notifications.notifyMany(
      to
        .filter((p) => p.id !== except)
        .map((p) => ({ accountId: p.id, kind, params: { no: row.case_no }, link: p.staff ? '/console/mediation' : '/account/disputes' })),
    );
  }

  return {
    async open(principal: Principal, input: TOpenDisputeRequest, requestId?: string): Promise<TDispute> {
      assertNoIdentifiers([{ field: 'summary', text: input.summary }]);
      const listing = await repo.findListing(input.listingCode);
      if (!listing) throw new AppError('NOT_FOUND', 'no such listing');
      const isSeller = listing.seller_account_id === principal.accountId;
      if (
        !isSeller &&
        !(await repo.buyerHasInquiry(listing.id, principal.accountId)) &&
        (await repo.latestDealBuyer(listing.id)) !== principal.accountId
      )
        throw new AppError('NOT_FOUND', 'no such listing');
      const respondent =
        input.against === 'center'
          ? undefined
          : isSeller
            ? await repo.latestDealBuyer(listing.id)
            : (listing.seller_account_id ?? undefined);
      if (input.against === 'party' && !respondent) throw new AppError('CONFLICT', 'no other party to this listing yet');
      const opened = now();
      const row: DisputesTable = {
        id: newId(),
        case_no: `D-${String(100001 + (await repo.countDisputes())).padStart(6, '0')}`,
        listing_id: listing.id,
        listing_code: listing.code,
        against: input.against,
        topic: input.topic,
        summary: input.summary,
        status: 'open',
        mediator_account_id: listing.broker_account_id ?? (await repo.adviserOf(principal.accountId)) ?? null,
        opened_at: opened.toISOString(),
        respond_by: new Date(opened.getTime() + DISPUTE_RESPOND_DAYS * DAY).toISOString(),
        resolve_by: new Date(opened.getTime() + DISPUTE_RESOLVE_DAYS * DAY).toISOString(),
        closed_at: null,
        closing: null,
        outcome: null,
      };
      await repo.transaction(async (trx) => {
        const r = createDisputesRepo(trx);
        await r.insertDispute(row);
        await r.insertParties([
          { dispute_id: row.id, account_id: principal.accountId, side: 'claimant', role: isSeller ? 'seller' : 'buyer' },
          ...(respondent
            ? [
                {
                  dispute_id: row.id,
                  account_id: respondent,
                  side: 'respondent' as const,
                  role: isSeller ? ('buyer' as const) : ('seller' as const),
                },
              ]
            : []),
        ]);
        await audit.appendInTransaction(trx, {
          type: 'disputes.opened',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { disputeId: row.id, caseNo: row.case_no, listingCode: row.listing_code, against: row.against, topic: row.topic },
        });
      });
      await tell(row, 'dispute_opened', principal.accountId);
      return view(row, principal.accountId, 'claimant');
    },

    /** The cases the caller is a party to, or mediates. */
    async mine(principal: Principal): Promise<{ items: TDispute[] }> {
      const ids = [...new Set([...(await repo.idsOfParty(principal.accountId)), ...(await repo.idsOfMediator(principal.accountId))])];
      const items: TDispute[] = [];
      for (const id of ids) {
        const { row, side } = await load(principal, id);
        items.push(await view(row, principal.accountId, side));
      }
      return { items: items.sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1)) };
    },

    async get(principal: Principal, id: string, requestId?: string) {
      const { row, side } = await load(principal, id, requestId);
      return view(row, principal.accountId, side);
    },

    /** Cites a document or message by reference; only one the caller can see under its own access rules. */
    async addEvidence(principal: Principal, id: string, input: { kind: 'document' | 'message'; refId: string }, requestId?: string) {
      const { row, side } = await load(principal, id, requestId);
      if (row.closed_at) throw new AppError('CONFLICT', 'the dispute is closed');
      const listing = await repo.findListing(row.listing_code);
      const visible =
        input.kind === 'message'
          ? await repo.canSeeMessage(principal.accountId, input.refId)
          : listing !== undefined && (await repo.canSeeDocument(principal.accountId, input.refId, listing));
      if (!visible) {
        await audit.append({
          type: 'disputes.refused',
          actor: actorOf(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: { disputeId: id, kind: input.kind },
        });
        throw new AppError('NOT_FOUND', 'no such document or message for you');
      }
      await repo.transaction(async (trx) => {
        await createDisputesRepo(trx).insertEvidence({
          id: newId(),
          dispute_id: id,
          kind: input.kind,
          ref_id: input.refId,
          added_by: principal.accountId,
          added_side: side,
          added_at: now().toISOString(),
        });
        await audit.appendInTransaction(trx, {
          type: 'disputes.evidence_added',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { disputeId: id, kind: input.kind, refId: input.refId },
        });
      });
      return view(row, principal.accountId, side);
    },

    /** The mediator records a session; the first one moves the case into mediation. */
    async recordSession(principal: Principal, id: string, notes: string, requestId?: string) {
      const { row, side } = await load(principal, id, requestId);
      if (side !== 'mediator') throw new AppError('FORBIDDEN', 'only the mediator records sessions');
      if (row.closed_at) throw new AppError('CONFLICT', 'the dispute is closed');
      assertNoIdentifiers([{ field: 'notes', text: notes }]);
      const updated = { ...row, status: 'mediation' as const };
      await repo.transaction(async (trx) => {
        const r = createDisputesRepo(trx);
        await r.insertSession({
          id: newId(),
          dispute_id: id,
          mediator_account_id: principal.accountId,
          notes,
          held_at: now().toISOString(),
        });
        if (row.status === 'open') await r.updateDispute(id, { status: 'mediation' });
        await audit.appendInTransaction(trx, {
          type: 'disputes.session_held',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { disputeId: id },
        });
      });
      await tell(updated, 'dispute_updated', principal.accountId);
      return view(updated, principal.accountId, side);
    },

    /**
     * The clock sweep (job `disputes.remind-clocks`, daily): for each running case, the answer clock (while the case is
     * still open, i.e. no session yet) and the mediation clock. With at most one working day left the mediator is
     * reminded; once a clock has passed the mediator and the parties hear it. Each (case, clock, kind) once, audited
     * as counts. Takes the time to check at, so a test can travel.
     */
    async remindClocks(at: Date = now()): Promise<{ due: number; overdue: number }> {
      const counts = { due: 0, overdue: 0 };
      const iso = at.toISOString();
      for (const row of await repo.liveDisputes()) {
        const clocks = [
          ...(row.status === 'open' ? [{ clock: 'respond' as const, by: row.respond_by }] : []),
          { clock: 'resolve' as const, by: row.resolve_by },
        ];
        for (const { clock, by } of clocks) {
          const kind =
            iso > by ? 'overdue' : deps.calendar.workingDaysBetween(at, new Date(by)) <= DISPUTE_REMIND_AT_WORKING_DAYS ? 'due' : null;
          if (!kind || (kind === 'due' && !row.mediator_account_id)) continue;
          if (!(await repo.insertReminder({ dispute_id: row.id, clock, kind, sent_at: iso }))) continue;
          counts[kind] += 1;
          const to =
            kind === 'due'
              ? [{ id: row.mediator_account_id ?? '', staff: true }]
              : [
                  ...(row.mediator_account_id ? [{ id: row.mediator_account_id, staff: true }] : []),
                  ...(await repo.partiesOf(row.id)).map((p) => ({ id: p.account_id, staff: false })),
                ];
          await deps.notifications.notifyMany(
            to.map((p) => ({
              accountId: p.id,
              kind: kind === 'due' ? 'dispute_clock_due' : 'dispute_clock_overdue',
              params: kind === 'due' ? ({ no: row.case_no, date: by.slice(0, 10) } as Record<string, string>) : { no: row.case_no },
              link: p.staff ? '/console/mediation' : '/account/disputes',
            })),
          );
        }
      }
      if (counts.due + counts.overdue > 0)
        await audit.append({ type: 'disputes.clocks_reminded', actor: SYSTEM_ACTOR, decision: 'allowed', requestId: null, data: counts });
      return counts;
    },

    /** The mediator closes the case with an outcome, or refers it to arbitration or court; both parties see it. */
    async close(
      principal: Principal,
      id: string,
      input: { closing: 'resolved' | 'arbitration' | 'court'; outcome: string },
      requestId?: string,
    ) {
      const { row, side } = await load(principal, id, requestId);
      if (side !== 'mediator') throw new AppError('FORBIDDEN', 'only the mediator closes a dispute');
      if (row.closed_at) throw new AppError('CONFLICT', 'the dispute is closed');
      assertNoIdentifiers([{ field: 'outcome', text: input.outcome }]);
      const updated: DisputesTable = {
        ...row,
        status: input.closing === 'resolved' ? 'resolved' : 'referred',
        closing: input.closing,
        outcome: input.outcome,
        closed_at: now().toISOString(),
      };
      await repo.transaction(async (trx) => {
        await createDisputesRepo(trx).updateDispute(id, {
          status: updated.status,
          closing: updated.closing,
          outcome: updated.outcome,
          closed_at: updated.closed_at,
        });
        await audit.appendInTransaction(trx, {
          type: 'disputes.closed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { disputeId: id, closing: input.closing },
        });
      });
      await tell(updated, 'dispute_closed', principal.accountId);
      return view(updated, principal.accountId, side);
    },
  };
}

export type DisputesService = ReturnType<typeof createDisputesService>;
