import {
  RIGHTS_FINAL_STATUSES,
  RIGHTS_WORKFLOWS,
  type RightsKind,
  type RightsStatus,
  type TCreateRightsRequest,
  type TRightsExport,
  type TRightsRequest,
} from '@sealbridge/contracts';
import { randomBytes } from 'node:crypto';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf, type AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { personalField, type Actor, type Subject, type Vault } from '../vault/index.ts';
import { buildExport, renderExportPdf } from './rights-export.ts';
import { clockOf, DEFAULT_SLA_WORKING_DAYS, dueAfter, floorOf, sweepClocks } from './rights-clock.ts';
import type { RightsEventRow, RightsRepo, RightsRow } from './rights-repo.ts';

export type RightsDeps = {
  repo: RightsRepo;
  audit: AuditPort;
  vault: Pick<Vault, 'sealFields' | 'exportSubjects' | 'heldFields' | 'reveal' | 'eraseSubject'>;
  /** The requester's profile subject (the details are sealed under it, so erasure covers them). */
  subjectOfCustomer: (accountId: string) => Promise<Subject>;
  /** Every vault subject holding the account's data (profile, companies listed, message threads). */
  subjectsOfAccount: (accountId: string) => Promise<string[]>;
  /** Identity from data already held: throws STEP_UP_REQUIRED unless the session proved it within `maxAgeMs`. */
  requireStepUp: (sessionId: string, maxAgeMs: number) => Promise<{ method: string }>;
  notifications: NotificationsPort;
  /** Active privacy officers, who get reminders and escalations. */
  officers: () => Promise<string[]>;
  accountNumbers: (ids: readonly string[]) => Promise<Map<string, string>>;
  calendar: WorkingDayCalendar;
  /**
   * Erasure across every module that declares a copy of the person's data (modules/lifecycle): outbox copies,
   * messages, tickets, saved searches… Deletion and closure run it before shredding any remaining subject.
   */
  eraseAccount?: (accountId: string, actor: Actor, reason: string, requestId?: string) => Promise<unknown>;
  /** Account closure ends the login itself: disabled, sessions ended, sign-in refused with ACCOUNT_CLOSED. */
  closeAccount?: (accountId: string) => Promise<unknown>;
  /** The deals the account is a party to: whether one still runs, and when the last one ended (the `deal_end` clock). */
  dealsOfAccount?: (accountId: string) => Promise<{ running: boolean; lastEndedAt: string | null }>;
  slaWorkingDays?: number;
  now?: () => Date;
};

/** A step-up (or sign-in with a code to the registered contact) this recent confirms identity. */
export const IDENTITY_WINDOW_MS = 10 * 60_000;
const FINAL = RIGHTS_FINAL_STATUSES as readonly string[];
const requesterLink = '/account/privacy';
const officerLink = '/console/rights';

/** Per kind: the final state an officer's answer ends in. */
const ANSWERED: Partial<Record<RightsKind, RightsStatus>> = {
  correction: 'corrected',
  explanation: 'answered',
  withdrawal: 'answered',
  next_of_kin: 'answered',
};

export type RightsService = ReturnType<typeof createRightsService>;

/**
 * Typed rights requests (PIPL Art. 44–50): filing with an identity check on data already held, each kind's workflow,
 * the working-day clock with reminders, escalation and one extension, answers and reasoned refusals, the export
 * (JSON + zh-CN PDF) generated from the registry, and deletion through the vault's erasure path with retention floors.
 */
export function createRightsService(deps: RightsDeps) {
  const { repo, vault, calendar } = deps;
  const now = deps.now ?? (() => new Date());
  const sla = deps.slaWorkingDays ?? DEFAULT_SLA_WORKING_DAYS;

  const nextOf = (row: RightsRow): RightsStatus[] => [...(RIGHTS_WORKFLOWS[row.kind as RightsKind][row.status as RightsStatus] ?? [])];

  function view(row: RightsRow, events: RightsEventRow[]): TRightsRequest {
    const final = FINAL.includes(row.status);
    const outcome = row.outcome_json ? (JSON.parse(row.outcome_json) as TRightsRequest['outcome']) : null;
    return {
      id: row.id,
      requestNo: row.request_no,
      kind: row.kind as RightsKind,
      status: row.status as RightsStatus,
      nextStatuses: nextOf(row),
      createdAt: row.created_at,
      dueAt: row.due_at,
      ...clockOf(calendar, now(), row.created_at, row.due_at, final),
      identity: row.identity_confirmed_at ? { confirmedAt: row.identity_confirmed_at, method: row.identity_method ?? 'step_up' } : null,
      extension:
        row.extended_at && row.extension_reason
          ? { at: row.extended_at, workingDays: row.extension_days ?? 0, reason: row.extension_reason }
          : null,
      answer: row.answer,
      refusal: row.refusal_code ? { code: row.refusal_code as 'other', text: row.refusal_text ?? '' } : null,
      outcome,
      exportAvailable: row.status === 'fulfilled' && (row.kind === 'access' || row.kind === 'portability'),
      escalated: row.escalated_at !== null,
      history: events
        .filter((e) => e.request_id === row.id)
        .map((e) => ({
          at: e.at,
          event: e.event as TRightsRequest['history'][number]['event'],
          status: e.status as RightsStatus,
          by: e.by_kind as 'requester',
          note: e.note,
        })),
    };
  }

  async function views(rows: RightsRow[]): Promise<TRightsRequest[]> {
    const events = await repo.eventsOf(rows.map((r) => r.id));
    return rows.map((r) => view(r, events));
  }

  const event = (
    row: Pick<RightsRow, 'id'>,
    at: string,
    e: string,
    status: string,
    by: 'requester' | 'officer' | 'system',
    note: string | null,
  ) => ({ id: newId(), request_id: row.id, at, event: e, status, by_kind: by, note }) satisfies Omit<RightsEventRow, 'seq'>;

  async function own(principal: Principal, id: string): Promise<RightsRow> {
    const row = await repo.find(id);
    // Someone else's request and no request at all answer alike.
    if (!row || row.account_id !== principal.accountId) throw new AppError('NOT_FOUND');
    return row;
  }

  async function found(id: string): Promise<RightsRow> {
    const row = await repo.find(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The identity step: a recent step-up in this session, or null when the session has none. */
  async function identityOf(principal: Principal): Promise<string | null> {
    try {
      return (await deps.requireStepUp(principal.sessionId, IDENTITY_WINDOW_MS)).method;
    } catch (error) {
      if (error instanceof AppError && error.code === 'STEP_UP_REQUIRED') return null;
      throw error;
    }
  }

  /**
   * Moves a request from `row.status` to `to` with the given columns, its history entry and audit event, in one
   * transaction; a concurrent move of the same request loses with CONFLICT.
   */
  async function move(
    principal: Principal | null,
    row: RightsRow,
    to: RightsStatus,
    values: Partial<RightsRow>,
    history: { event: string; by: 'requester' | 'officer' | 'system'; note: string | null },
    audit: { type: string; data: Record<string, unknown> },
    requestId?: string,
  ): Promise<RightsRow> {
    if (to !== row.status && !nextOf(row).includes(to)) {
      throw new AppError('RIGHTS_TRANSITION_NOT_ALLOWED', `${row.kind}: ${row.status} → ${to}`, { from: row.status, to, kind: row.kind });
    }
    const at = now().toISOString();
    const next = { ...row, ...values, status: to, closed_at: FINAL.includes(to) ? at : row.closed_at };
    await repo.transaction(async (tx, trx) => {
      const res = await tx.update(row.id, row.status, { ...values, status: to, closed_at: next.closed_at });
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'the request changed meanwhile');
      await tx.insertEvent(event(row, at, history.event, to, history.by, history.note));
      await deps.audit.appendInTransaction(trx, {
        type: audit.type,
        actor: principal ? actorOf(principal) : { accountId: null, role: 'system', sessionId: null },
        decision: 'allowed',
        subjectId: row.subject_id,
        requestId: requestId ?? null,
        data: { requestNo: row.request_no, kind: row.kind, ...audit.data },
      });
    });
    return next;
  }

  async function tellRequester(row: RightsRow, kind: 'rights_request_updated' | 'rights_request_extended', params: Record<string, string>) {
    if (row.account_id)
      await deps.notifications.notify({ accountId: row.account_id, kind, params: { no: row.request_no, ...params }, link: requesterLink });
  }

  /** Tells the requester something changed, and returns the request as they see it. */
  async function told(moved: RightsRow): Promise<TRightsRequest> {
    await tellRequester(moved, 'rights_request_updated', {});
    return (await views([moved]))[0]!;
  }

  /** After identity: access and portability are fulfilled at once (the export is generated on download). */
  async function afterIdentity(principal: Principal, row: RightsRow, requestId?: string): Promise<RightsRow> {
    if (row.kind !== 'access' && row.kind !== 'portability') return row;
    return move(
      principal,
      row,
      'fulfilled',
      {},
      { event: 'status_changed', by: 'system', note: null },
      { type: 'rights.status_changed', data: { from: row.status, to: 'fulfilled' } },
      requestId,
    );
  }

  function checkDetails(input: TCreateRightsRequest): Record<string, string> {
    if (input.kind === 'correction') {
      let field;
      try {
        field = personalField(input.field);
      } catch {
        throw new AppError('VALIDATION_FAILED', 'not a registered field', { fields: ['field'] });
      }
      if (field.subjectKind !== 'customer' || field.normalize(input.value) === null) {
        throw new AppError('INVALID_IDENTIFIER', `invalid ${field.key}`, { fields: ['value'] });
      }
    }
    const { kind: _kind, ...rest } = input;
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  }

  /** The export document itself (also used by the bench): every subject of the account, every registered table. */
  async function buildExportFor(principal: Principal, requestNo: string, portable: boolean, requestId?: string): Promise<TRightsExport> {
    const subjects = await deps.subjectsOfAccount(principal.accountId);
    const records = await vault.exportSubjects(
      subjects,
      { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
      requestId,
    );
    return buildExport(records, { requestNo, portable, at: now() });
  }

  /**
   * The copy, generated now from the registry across all modules. Needs a fulfilled access / portability request
   * of the caller's own AND a recent step-up in the downloading session: confirming identity once does not open
   * the data to every later session (the duplicate-request bypass test).
   */
  async function exportOf(principal: Principal, id: string, format: 'json' | 'pdf', requestId?: string): Promise<TRightsExport> {
    const row = await own(principal, id);
    if (row.status !== 'fulfilled' || (row.kind !== 'access' && row.kind !== 'portability')) {
      throw new AppError('CONFLICT', 'no export for this request');
    }
    await deps.requireStepUp(principal.sessionId, IDENTITY_WINDOW_MS);
    const doc = await buildExportFor(principal, row.request_no, row.kind === 'portability', requestId);
    await deps.audit.append({
      type: 'rights.export_generated',
      actor: actorOf(principal),
      decision: 'allowed',
      subjectId: row.subject_id,
      requestId: requestId ?? null,
      data: { requestNo: row.request_no, kind: row.kind, format, records: doc.records.length },
    });
    return doc;
  }

  return {
    slaWorkingDays: sla,
    exportOf,
    buildExportFor,

    /**
     * Files a typed request. Identity is confirmed from data already held: a step-up (or sign-in code to the
     * registered contact) in this session within 10 minutes; otherwise the request waits in `identity_pending`.
     * One open request per kind: a second is refused with the first one's number (RIGHTS_REQUEST_OPEN), so a
     * duplicate can neither pile up nor inherit anything from the first.
     */
    async file(principal: Principal, input: TCreateRightsRequest, requestId?: string): Promise<TRightsRequest> {
      const details = checkDetails(input);
      const open = await repo.openOfKind(principal.accountId, input.kind, FINAL);
      if (open) throw new AppError('RIGHTS_REQUEST_OPEN', 'an open request of this kind exists', { requestNo: open.request_no });
      const method = await identityOf(principal);
      const subject = await deps.subjectOfCustomer(principal.accountId);
      const created = now();
      const at = created.toISOString();
      const id = newId(created.getTime());
      const sealed = Object.keys(details).length
        ? await vault.sealFields(subject, 'rights_requests', id, { detail: JSON.stringify(details) })
        : {};
      const row: RightsRow = {
        id,
        request_no: `RR-${at.slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        kind: input.kind,
        account_id: principal.accountId,
        subject_id: subject.subjectId,
        detail_ct: sealed['detail_ct'] ?? null,
        status: method ? 'received' : 'identity_pending',
        created_at: at,
        due_at: dueAfter(calendar, created, sla).toISOString(),
        identity_confirmed_at: method ? at : null,
        identity_method: method,
        extended_at: null,
        extension_days: null,
        extension_reason: null,
        answer: null,
        refusal_code: null,
        refusal_text: null,
        outcome_json: null,
        reminded_at: null,
        escalated_at: null,
        closed_at: null,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insert(row);
        await tx.insertEvent(event(row, at, 'filed', 'identity_pending', 'requester', null));
        if (method) await tx.insertEvent(event(row, at, 'identity_confirmed', 'received', 'requester', method));
        await deps.audit.appendInTransaction(trx, {
          type: 'rights.request_filed',
          actor: actorOf(principal),
          decision: 'allowed',
          subjectId: subject.subjectId,
          fields: row.detail_ct ? ['rights_requests.detail'] : [],
          requestId: requestId ?? null,
          data: { requestNo: row.request_no, kind: row.kind, status: row.status },
        });
      });
      const done = method ? await afterIdentity(principal, row, requestId) : row;
      return (await views([done]))[0]!;
    },

    /** The requester proves it is them after filing (after a step-up in this session). */
    async confirmIdentity(principal: Principal, id: string, requestId?: string): Promise<TRightsRequest> {
      const row = await own(principal, id);
      if (row.status !== 'identity_pending') throw new AppError('CONFLICT', 'identity already confirmed');
      const method = await deps.requireStepUp(principal.sessionId, IDENTITY_WINDOW_MS).then((r) => r.method);
      const at = now().toISOString();
      const confirmed = await move(
        principal,
        row,
        'received',
        { identity_confirmed_at: at, identity_method: method },
        { event: 'identity_confirmed', by: 'requester', note: method },
        { type: 'rights.identity_confirmed', data: { method } },
        requestId,
      );
      return (await views([await afterIdentity(principal, confirmed, requestId)]))[0]!;
    },

    async mine(principal: Principal): Promise<TRightsRequest[]> {
      return views(await repo.mine(principal.accountId));
    },

    async mineOne(principal: Principal, id: string): Promise<TRightsRequest> {
      return (await views([await own(principal, id)]))[0]!;
    },

    /** The same export as the readable zh-CN PDF (with the JSON attached). */
    async exportPdf(principal: Principal, id: string, requestId?: string): Promise<Uint8Array> {
      return renderExportPdf(await exportOf(principal, id, 'pdf', requestId));
    },

    // ---- the privacy officer ----

    async queue(): Promise<(TRightsRequest & { requesterNo: string | null })[]> {
      const rows = await repo.queue();
      const numbers = await deps.accountNumbers(rows.flatMap((r) => (r.account_id ? [r.account_id] : [])));
      return (await views(rows)).map((v, i) => ({ ...v, requesterNo: numbers.get(rows[i]!.account_id ?? '') ?? null }));
    },

    /** The officer reads the sealed details (an audited vault reveal for the purpose `rights_request`). */
    async revealDetail(principal: Principal, id: string, requestId?: string): Promise<Record<string, string>> {
      const row = await found(id);
      if (!row.detail_ct) return {};
      const revealed = await vault.reveal({
        actor: { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
        own: false,
        subjectId: row.subject_id,
        table: 'rights_requests',
        recordId: row.id,
        row: row as unknown as Record<string, unknown>,
        fields: ['detail'],
        purpose: 'rights_request',
        ...(requestId ? { requestId } : {}),
      });
      const detail = revealed['detail'];
      if (detail?.state !== 'revealed' || !detail.value) throw new AppError('DATA_ERASED');
      return JSON.parse(detail.value) as Record<string, string>;
    },

    /** Moves a request to `in_progress` (the only plain move; final states come from answer, refuse or execute). */
    async advance(principal: Principal, id: string, status: RightsStatus, note: string | undefined, requestId?: string) {
      const row = await found(id);
      if (status !== 'in_progress') throw new AppError('RIGHTS_TRANSITION_NOT_ALLOWED', 'use answer, refuse or execute', { to: status });
      if (note) assertNoIdentifiers([{ field: 'note', text: note }]);
      const moved = await move(
        principal,
        row,
        status,
        {},
        { event: 'status_changed', by: 'officer', note: note ?? null },
        { type: 'rights.status_changed', data: { from: row.status, to: status } },
        requestId,
      );
      return told(moved);
    },

    /** The answer, shown to the requester in 我的隐私; ends correction as `corrected`, the others as `answered`. */
    async answer(principal: Principal, id: string, text: string, requestId?: string): Promise<TRightsRequest> {
      const row = await found(id);
      const to = ANSWERED[row.kind as RightsKind];
      if (!to) throw new AppError('RIGHTS_TRANSITION_NOT_ALLOWED', `${row.kind} is not answered in text`, { kind: row.kind });
      assertNoIdentifiers([{ field: 'text', text }]);
      const moved = await move(
        principal,
        row,
        to,
        { answer: text },
        { event: 'answered', by: 'officer', note: null },
        { type: 'rights.answered', data: { withinSla: now().toISOString() <= row.due_at } },
        requestId,
      );
      return told(moved);
    },

    /** A refusal needs a reason code and a text (PIPL Art. 50); both reach the requester. */
    async refuse(principal: Principal, id: string, code: string, text: string, requestId?: string): Promise<TRightsRequest> {
      const row = await found(id);
      assertNoIdentifiers([{ field: 'text', text }]);
      const moved = await move(
        principal,
        row,
        'refused',
        { refusal_code: code, refusal_text: text },
        { event: 'refused', by: 'officer', note: code },
        { type: 'rights.refused', data: { code } },
        requestId,
      );
      return told(moved);
    },

    /** One extension per request, with a reason that is sent to the requester with the new due date. */
    async extend(principal: Principal, id: string, workingDays: number, reason: string, requestId?: string): Promise<TRightsRequest> {
      const row = await found(id);
      if (FINAL.includes(row.status)) throw new AppError('CONFLICT', 'the request is closed');
      if (row.extended_at) throw new AppError('RIGHTS_ALREADY_EXTENDED');
      assertNoIdentifiers([{ field: 'reason', text: reason }]);
      const at = now().toISOString();
      const dueAt = dueAfter(calendar, new Date(row.due_at), workingDays).toISOString();
      const moved = await move(
        principal,
        row,
        row.status as RightsStatus,
        { due_at: dueAt, extended_at: at, extension_days: workingDays, extension_reason: reason, reminded_at: null, escalated_at: null },
        { event: 'extended', by: 'officer', note: reason },
        { type: 'rights.extended', data: { workingDays, dueAt } },
        requestId,
      );
      await tellRequester(moved, 'rights_request_extended', { due: dueAt.slice(0, 10), reason });
      return (await views([moved]))[0]!;
    },

    /**
     * Deletion and account closure run the erasure path over every subject of the account. A retention floor on
     * data still held (registry retention classes) ends the request `restricted` — stored only, with the reason
     * and the date the data will go — instead of erasing.
     */
    async execute(principal: Principal, id: string, requestId?: string): Promise<TRightsRequest> {
      const row = await found(id);
      if (row.kind !== 'deletion' && row.kind !== 'account_closure') {
        throw new AppError('RIGHTS_TRANSITION_NOT_ALLOWED', 'only deletion and closure are executed', { kind: row.kind });
      }
      if (row.status !== 'in_progress')
        throw new AppError('RIGHTS_TRANSITION_NOT_ALLOWED', 'start the request first', { from: row.status });
      const subjects = row.account_id ? await deps.subjectsOfAccount(row.account_id) : [row.subject_id];
      const held = await vault.heldFields(subjects);
      const floor = floorOf(
        held.map((k) => personalField(k).retention),
        now(),
        row.account_id && deps.dealsOfAccount ? await deps.dealsOfAccount(row.account_id) : undefined,
      );
      const actor = { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId };
      if (!floor) {
        if (row.account_id && deps.eraseAccount) await deps.eraseAccount(row.account_id, actor, row.request_no, requestId);
        // Subjects the account-wide erasure does not own (companies listed, threads) go too; erased ones are skipped.
        for (const subjectId of subjects) await vault.eraseSubject(subjectId, actor, row.request_no, requestId);
      }
      const outcome: TRightsRequest['outcome'] = floor
        ? {
            erased: false,
            restrictedReason: floor.reason,
            retentionClasses: floor.classes,
            restrictedUntil: floor.until,
            restrictedAfterDealEnd: floor.afterDealEnd,
          }
        : { erased: true, restrictedReason: null, retentionClasses: [], restrictedUntil: null };
      const to: RightsStatus = floor ? 'restricted' : row.kind === 'deletion' ? 'erased' : 'closed';
      const moved = await move(
        principal,
        row,
        to,
        { outcome_json: JSON.stringify(outcome) },
        {
          event: 'erasure',
          by: 'officer',
          note: floor ? `${floor.reason} ${floor.until ?? `deal_end+${floor.afterDealEnd?.years ?? 0}y`}` : null,
        },
        { type: 'rights.erasure_recorded', data: { outcome: floor ? 'restricted' : 'erased', retentionClasses: floor?.classes ?? [] } },
        requestId,
      );
      const view = await told(moved);
      // Closure ends the login too, whether the data went or is stored only under a floor (its clock starts now).
      if (row.kind === 'account_closure' && row.account_id) await deps.closeAccount?.(row.account_id);
      return view;
    },

    /** The clock job over the open requests (rights-clock `sweepClocks`: thresholds, marks, audit, notices). */
    async checkClocks(): Promise<{ reminded: number; escalated: number }> {
      const at = now();
      return sweepClocks(await repo.open(FINAL), {
        at,
        ports: deps,
        auditType: 'rights.clock_alert',
        auditData: (row, alert, left) => ({ requestNo: row.request_no, kind: row.kind, alert, workingDaysLeft: left }),
        transaction: repo.transaction,
        async mark(tx, row, marks, entry) {
          await tx.mark(row.id, marks);
          await tx.insertEvent(event(row, entry.at, entry.event, row.status, 'system', entry.note));
        },
        noticeKinds: { reminder: 'rights_request_due_soon', escalation: 'rights_request_escalated' },
        noticeNo: (row) => row.request_no,
        noticeLink: officerLink,
      });
    },
  };
}
