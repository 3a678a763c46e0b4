import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

export const CONSENT_AUDIT_EVENTS = [
  defineAuditEvent(
    'consent.decided',
    'update',
    'A customer gave or refused consent to a purpose (a signed receipt was issued)',
    z.object({
      purpose: z.string(),
      kind: z.string(),
      decision: z.enum(['given', 'refused']),
      recipient: z.string().nullable(),
      noticeVersion: z.number().int(),
      receiptId: z.string(),
    }),
  ),
  defineAuditEvent(
    'consent.withdrawn',
    'update',
    'A customer withdrew a consent (a signed receipt was issued)',
    z.object({ purpose: z.string(), kind: z.string(), recipient: z.string().nullable(), receiptId: z.string() }),
  ),
  defineAuditEvent(
    'consent.guard_refused',
    'reveal',
    'Processing that needs consent was refused because consent was missing, withdrawn or out of date',
    z.object({ purpose: z.string(), kind: z.string(), reason: z.string(), accountId: z.string() }),
  ),
  defineAuditEvent(
    'consent.notice_published',
    'update',
    'The privacy officer published a privacy-notice version',
    z.object({ version: z.number().int(), effectiveAt: z.string(), ruleChange: z.boolean(), changedPurposes: z.array(z.string()) }),
  ),
  defineAuditEvent(
    'consent.ticket_opened',
    'update',
    'Privacy feedback or a rights request was filed (text sealed)',
    z.object({ ticketNo: z.string(), kind: z.string(), topic: z.string() }),
  ),
  defineAuditEvent(
    'consent.ticket_closed',
    'update',
    'The privacy officer closed a privacy ticket',
    z.object({ ticketNo: z.string(), withinSla: z.boolean() }),
  ),
  defineAuditEvent(
    'consent.ticket_answered',
    'update',
    'The privacy officer answered a privacy ticket (the answer reaches the sender)',
    z.object({ ticketNo: z.string(), withinSla: z.boolean(), delivered: z.enum(['in_app', 'outbox', 'none']) }),
  ),
  defineAuditEvent(
    'consent.ticket_refused',
    'update',
    'The privacy officer refused a privacy ticket with a reason code and text',
    z.object({ ticketNo: z.string(), code: z.string(), delivered: z.enum(['in_app', 'outbox', 'none']) }),
  ),
  defineAuditEvent(
    'consent.ticket_extended',
    'update',
    "The privacy officer extended a privacy ticket's deadline with a reason sent to the sender",
    z.object({ ticketNo: z.string(), workingDays: z.number().int(), dueAt: z.string(), delivered: z.enum(['in_app', 'outbox', 'none']) }),
  ),
  defineAuditEvent(
    'consent.ticket_clock_alert',
    'update',
    'A reminder or escalation before a privacy ticket deadline went to the privacy officers',
    z.object({ ticketNo: z.string(), alert: z.enum(['reminder', 'escalation']), workingDaysLeft: z.number().int() }),
  ),
];
