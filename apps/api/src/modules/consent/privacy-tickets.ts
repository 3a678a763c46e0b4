import { randomBytes } from 'node:crypto';
import type { TFeedbackRequest, TicketStatus, TicketTopic, TMyTicket, TTicket, TTicketReceipt } from '@sealbridge/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { DeliveryPort } from '../delivery/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { clockOf, DEFAULT_SLA_WORKING_DAYS, dueAfter, sweepClocks } from '../rights/index.ts';
import type { Vault } from '../vault/index.ts';
import type { ConsentRepo, TicketEventRow, TicketRow } from './consent-repo.ts';

export type TicketDeps = {
  repo: ConsentRepo;
  audit: AuditPort;
  vault: Pick<Vault, 'createSubject' | 'findSubject' | 'sealFields' | 'maskFields' | 'reveal'>;
  subjectOfAccount?: (accountId: string) => Promise<string | undefined>;
  calendar: WorkingDayCalendar;
  /** The signed-in sender hears of an answer, refusal or extension in the app (and its e-mail / SMS copy). */
  notifications?: NotificationsPort;
  /** An anonymous sender who gave a contact e-mail gets the reply through the delivery outbox. */
  delivery?: DeliveryPort;
  /** Active privacy officers: reminders and escalations before a deadline. */
  officers?: () => Promise<string[]>;
  /** The answer clock, in working days on the PRC calendar (default 15, like rights requests). */
  slaWorkingDays?: number;
  now?: () => Date;
};

type Delivered = 'in_app' | 'outbox' | 'none';
const senderLink = '/account/privacy';
const officerLink = '/console/privacy/tickets';
const FIELDS = ['message', 'contact_email'] as const;

const actorOf = (p: Pick<Principal, 'accountId' | 'roles' | 'sessionId'>): AuditActor => ({
  accountId: p.accountId,
  role: p.roles.join(',') || null,
  sessionId: p.sessionId,
});

/** A closed ticket's outcome comes from its columns: an answer, a refusal, or neither (the legacy close). */
export function ticketStatusOf(row: TicketRow): TicketStatus {
  if (row.status === 'open') return 'open';
  if (row.refusal_code) return 'refused';
  if (row.answer) return 'answered';
  return 'closed';
}

/**
 * Privacy feedback tickets answered like rights requests (issue 14 item 5): the clock on the PRC working-day calendar
 * (rights-clock, default 15 working days), reminders and escalations to the officers, the officer's answer, one
 * extension with its reason and a refusal with a reason code and text — each with a history entry and an audit event
 * in one transaction, and sent to the sender: in the app when signed in, otherwise through the delivery outbox to the
 * contact e-mail they gave (if any). The sender's own texts stay sealed; the officer's texts pass the identifier guard.
 */
export function createTicketService(deps: TicketDeps) {
  const { repo, vault, calendar } = deps;
  const now = deps.now ?? (() => new Date());
  const sla = deps.slaWorkingDays ?? DEFAULT_SLA_WORKING_DAYS;

  function base(row: TicketRow, events: TicketEventRow[]): TMyTicket {
    const status = ticketStatusOf(row);
    const open = status === 'open';
    const clock = clockOf(calendar, now(), row.created_at, row.due_at, !open);
    return {
      id: row.id,
      ticketNo: row.ticket_no,
      kind: row.kind as TTicket['kind'],
      topic: row.topic as TicketTopic,
      fromCustomer: row.account_id !== null,
      status,
      createdAt: row.created_at,
      dueAt: row.due_at,
      closedAt: row.closed_at,
      ...clock,
      answer: row.answer ?? null,
      answeredAt: row.answered_at ?? null,
      refusal: row.refusal_code ? { code: row.refusal_code as 'other', text: row.refusal_text ?? '' } : null,
      extension:
        row.extended_at && row.extension_reason
          ? { at: row.extended_at, workingDays: row.extension_days ?? 0, reason: row.extension_reason }
          : null,
      history: [
        // Tickets filed before the history existed still show when they were opened.
        ...(events.some((e) => e.ticket_id === row.id && e.event === 'opened')
          ? []
          : [{ at: row.created_at, event: 'opened' as const, status: 'open' as const, by: 'sender' as const, note: null }]),
        ...events
          .filter((e) => e.ticket_id === row.id)
          .map((e) => ({
            at: e.at,
            event: e.event as TTicket['history'][number]['event'],
            status: e.status as TicketStatus,
            by: e.by_kind as 'sender',
            note: e.note,
          })),
      ],
    };
  }

  async function staffView(row: TicketRow, events: TicketEventRow[], revealed?: Record<string, { state: string; value?: string }>) {
    const masked = await vault.maskFields(row.subject_id, 'privacy_tickets', row.id, row as unknown as Record<string, unknown>, FIELDS);
    const field = (name: (typeof FIELDS)[number]) => (revealed?.[name] ?? masked[name] ?? { state: 'absent' }) as TTicket['message'];
    return {
      ...base(row, events),
      message: field('message'),
      contactEmail: field('contact_email'),
      escalated: row.escalated_at != null,
    } satisfies TTicket;
  }

  async function found(id: string): Promise<TicketRow> {
    const row = await repo.findTicket(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  const event = (
    row: Pick<TicketRow, 'id'>,
    at: string,
    e: string,
    status: TicketStatus,
    by: 'sender' | 'officer' | 'system',
    note: string | null,
  ) => ({ id: newId(), ticket_id: row.id, at, event: e, status, by_kind: by, note }) satisfies Omit<TicketEventRow, 'seq'>;

  /**
   * Tells the sender: a notice in the app for a signed-in sender; otherwise the reply text through the delivery outbox
   * to the contact e-mail they gave, opened by the platform for them (audited reveal, purpose customer_support).
   */
  async function tellSender(
    principal: Principal,
    row: TicketRow,
    inApp: { kind: 'privacy_ticket_updated' | 'privacy_ticket_extended'; params: Record<string, string> },
    reply: { text: string; textEn: string },
    requestId?: string,
  ): Promise<Delivered> {
    if (row.account_id) {
      if (!deps.notifications) return 'none';
      await deps.notifications.notify({
        accountId: row.account_id,
        kind: inApp.kind,
        params: { no: row.ticket_no, ...inApp.params },
        link: senderLink,
      });
      return 'in_app';
    }
    if (!deps.delivery || !row.contact_email_ct) return 'none';
    const revealed = await vault.reveal({
      actor: { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
      own: false,
      forSubject: true,
      subjectId: row.subject_id,
      table: 'privacy_tickets',
      recordId: row.id,
      row: row as unknown as Record<string, unknown>,
      fields: ['contact_email'],
      purpose: 'customer_support',
      ...(requestId ? { requestId } : {}),
    });
    const to = revealed['contact_email'];
    if (to?.state !== 'revealed' || !to.value) return 'none';
    await deps.delivery.send({ channel: 'email', to: to.value, template: 'privacy_ticket_reply', params: { no: row.ticket_no, ...reply } });
    return 'outbox';
  }

  /** Applies an officer's move to an open ticket with its history entry and audit event, in one transaction. */
  async function act(
    principal: Principal,
    row: TicketRow,
    values: Partial<TicketRow>,
    history: { event: 'answered' | 'refused' | 'extended'; note: string | null },
    audit: { type: string; data: Record<string, unknown> },
    requestId?: string,
  ): Promise<TicketRow> {
    if (row.status !== 'open') throw new AppError('CONFLICT', 'the ticket is closed');
    const next = { ...row, ...values };
    await repo.transaction(async (tx, trx) => {
      const res = await tx.updateOpenTicket(row.id, row.due_at, values);
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'the ticket changed meanwhile');
      await tx.insertTicketEvent(
        event(
          row,
          values.closed_at ?? values.extended_at ?? now().toISOString(),
          history.event,
          ticketStatusOf(next),
          'officer',
          history.note,
        ),
      );
      await deps.audit.appendInTransaction(trx, {
        type: audit.type,
        actor: actorOf(principal),
        decision: 'allowed',
        subjectId: row.subject_id,
        requestId: requestId ?? null,
        data: { ticketNo: row.ticket_no, ...audit.data },
      });
    });
    return next;
  }

  /** Where the reply goes: in the app (signed in), the outbox (an anonymous sender's contact e-mail), or nowhere. */
  const channelOf = (row: TicketRow): Delivered =>
    row.account_id ? (deps.notifications ? 'in_app' : 'none') : deps.delivery && row.contact_email_ct ? 'outbox' : 'none';

  async function views(rows: TicketRow[]) {
    return { rows, events: await repo.ticketEventsOf(rows.map((r) => r.id)) };
  }

  return {
    slaWorkingDays: sla,

    /** Feedback (anyone) or a legacy rights request (signed in): the text is sealed; the clock starts now. */
    async open(
      principal: Principal | undefined,
      kind: 'feedback' | 'rights_request',
      input: TFeedbackRequest,
      requestId?: string,
    ): Promise<TTicketReceipt> {
      const existing = principal && deps.subjectOfAccount ? await deps.subjectOfAccount(principal.accountId) : undefined;
      const subject = (existing ? await vault.findSubject(existing) : undefined) ?? (await vault.createSubject('customer'));
      const created = now();
      const id = newId(created.getTime());
      const values: Record<string, string> = { message: input.message };
      if (input.contactEmail) values['contact_email'] = input.contactEmail;
      const columns = await vault.sealFields(subject, 'privacy_tickets', id, values);
      const row: TicketRow = {
        id,
        ticket_no: `PT-${created.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        kind,
        topic: input.topic,
        account_id: principal?.accountId ?? null,
        subject_id: subject.subjectId,
        message_ct: columns['message_ct'] ?? null,
        contact_email_ct: columns['contact_email_ct'] ?? null,
        status: 'open',
        created_at: created.toISOString(),
        due_at: dueAfter(calendar, created, sla).toISOString(),
        closed_at: null,
        closed_by: null,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insertTicket(row);
        await tx.insertTicketEvent(event(row, row.created_at, 'opened', 'open', 'sender', null));
        await deps.audit.appendInTransaction(trx, {
          type: 'consent.ticket_opened',
          actor: principal ? actorOf(principal) : { accountId: null, role: 'anonymous', sessionId: null },
          decision: 'allowed',
          subjectId: subject.subjectId,
          fields: Object.keys(values).map((c) => `privacy_tickets.${c}`),
          requestId: requestId ?? null,
          data: { ticketNo: row.ticket_no, kind, topic: input.topic },
        });
      });
      return { ticketNo: row.ticket_no, createdAt: row.created_at, dueAt: row.due_at };
    },

    /** The officer's queue: texts masked, clocks, answers and history. */
    async list(): Promise<TTicket[]> {
      const { rows, events } = await views(await repo.listTickets());
      return Promise.all(rows.map((r) => staffView(r, events)));
    },

    /** The officer reads a ticket's text: an audited reveal through the vault. */
    async reveal(principal: Principal, id: string, requestId?: string): Promise<TTicket> {
      const row = await found(id);
      const revealed = await vault.reveal({
        actor: { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
        own: false,
        subjectId: row.subject_id,
        table: 'privacy_tickets',
        recordId: row.id,
        row: row as unknown as Record<string, unknown>,
        fields: FIELDS.filter((f) => row[`${f}_ct`] !== null),
        purpose: row.kind === 'rights_request' ? 'rights_request' : 'customer_support',
        ...(requestId ? { requestId } : {}),
      });
      return staffView(row, (await views([row])).events, revealed);
    },

    /** The sender's own tickets (我的隐私): status, clock, answer or refusal, extension and history. */
    async mine(principal: Principal): Promise<{ tickets: TMyTicket[]; slaWorkingDays: number }> {
      const { rows, events } = await views(await repo.myTickets(principal.accountId));
      return { tickets: rows.map((r) => base(r, events)), slaWorkingDays: sla };
    },

    /** One of the sender's own tickets; someone else's and none answer alike (404). */
    async mineOne(principal: Principal, id: string): Promise<TMyTicket> {
      const row = await repo.findTicket(id);
      if (!row || row.account_id === null || row.account_id !== principal.accountId) throw new AppError('NOT_FOUND');
      const { events } = await views([row]);
      return base(row, events);
    },

    /** Closes a ticket without an answer text (the legacy close; kept for tickets answered elsewhere). */
    async close(principal: Principal, id: string, requestId?: string): Promise<TTicket> {
      const row = await found(id);
      const at = now().toISOString();
      await repo.transaction(async (tx, trx) => {
        const res = await tx.closeTicket(id, at, principal.accountId);
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'ticket already closed');
        await tx.insertTicketEvent(event(row, at, 'closed', 'closed', 'officer', null));
        await deps.audit.appendInTransaction(trx, {
          type: 'consent.ticket_closed',
          actor: actorOf(principal),
          decision: 'allowed',
          subjectId: row.subject_id,
          requestId: requestId ?? null,
          data: { ticketNo: row.ticket_no, withinSla: at <= row.due_at },
        });
      });
      const closed = { ...row, status: 'closed' as const, closed_at: at, closed_by: principal.accountId };
      return staffView(closed, (await views([closed])).events);
    },

    /** The officer's answer: shown to the sender in 我的隐私, or sent to the contact an anonymous sender gave. */
    async answer(principal: Principal, id: string, text: string, requestId?: string): Promise<TTicket> {
      const row = await found(id);
      assertNoIdentifiers([{ field: 'text', text }]);
      const at = now().toISOString();
      const withinSla = at <= row.due_at;
      const moved = await act(
        principal,
        row,
        { status: 'closed', closed_at: at, closed_by: principal.accountId, answer: text, answered_at: at },
        { event: 'answered', note: null },
        { type: 'consent.ticket_answered', data: { withinSla, delivered: channelOf(row) } },
        requestId,
      );
      await tellSender(principal, moved, { kind: 'privacy_ticket_updated', params: {} }, { text, textEn: text }, requestId);
      return staffView(moved, (await views([moved])).events);
    },

    /** A refusal needs a reason code and a text; both reach the sender. */
    async refuse(principal: Principal, id: string, code: string, text: string, requestId?: string): Promise<TTicket> {
      const row = await found(id);
      assertNoIdentifiers([{ field: 'text', text }]);
      const at = now().toISOString();
      const moved = await act(
        principal,
        row,
        { status: 'closed', closed_at: at, closed_by: principal.accountId, refusal_code: code, refusal_text: text },
        { event: 'refused', note: code },
        { type: 'consent.ticket_refused', data: { code, delivered: channelOf(row) } },
        requestId,
      );
      await tellSender(
        principal,
        moved,
        { kind: 'privacy_ticket_updated', params: {} },
        { text: `不予处理（${code}）：${text}`, textEn: `Refused (${code}): ${text}` },
        requestId,
      );
      return staffView(moved, (await views([moved])).events);
    },

    /** One extension per ticket, with a reason sent to the sender together with the new due date. */
    async extend(principal: Principal, id: string, workingDays: number, reason: string, requestId?: string): Promise<TTicket> {
      const row = await found(id);
      if (row.status !== 'open') throw new AppError('CONFLICT', 'the ticket is closed');
      if (row.extended_at) throw new AppError('RIGHTS_ALREADY_EXTENDED');
      assertNoIdentifiers([{ field: 'reason', text: reason }]);
      const at = now().toISOString();
      const dueAt = dueAfter(calendar, new Date(row.due_at), workingDays).toISOString();
      const moved = await act(
        principal,
        row,
        { due_at: dueAt, extended_at: at, extension_days: workingDays, extension_reason: reason, reminded_at: null, escalated_at: null },
        { event: 'extended', note: reason },
        { type: 'consent.ticket_extended', data: { workingDays, dueAt, delivered: channelOf(row) } },
        requestId,
      );
      const due = dueAt.slice(0, 10);
      await tellSender(
        principal,
        moved,
        { kind: 'privacy_ticket_extended', params: { due, reason } },
        { text: `答复期限延长至 ${due}，原因：${reason}`, textEn: `The reply is now due by ${due}. Reason: ${reason}` },
        requestId,
      );
      return staffView(moved, (await views([moved])).events);
    },

    /** The clock job, on the rights requests' thresholds (rights-clock `sweepClocks`). */
    async checkClocks(): Promise<{ reminded: number; escalated: number }> {
      const at = now();
      return sweepClocks(await repo.openTickets(), {
        at,
        ports: deps,
        auditType: 'consent.ticket_clock_alert',
        auditData: (row, alert, left) => ({ ticketNo: row.ticket_no, alert, workingDaysLeft: left }),
        transaction: repo.transaction,
        async mark(tx, row, marks, entry) {
          await tx.markTicket(row.id, marks);
          await tx.insertTicketEvent(event(row, entry.at, entry.event, 'open', 'system', entry.note));
        },
        noticeKinds: { reminder: 'privacy_ticket_due_soon', escalation: 'privacy_ticket_escalated' },
        noticeNo: (row) => row.ticket_no,
        noticeLink: officerLink,
      });
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
