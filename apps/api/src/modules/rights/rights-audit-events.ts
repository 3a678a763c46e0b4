import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const ref = z.object({ requestNo: z.string(), kind: z.string() });

/** Events of the rights module: request numbers, kinds, states and codes — never the requester's details. */
export const RIGHTS_AUDIT_EVENTS = [
  defineAuditEvent(
    'rights.request_filed',
    'update',
    'A typed rights request was filed (details sealed)',
    ref.extend({ status: z.string() }),
  ),
  defineAuditEvent(
    'rights.identity_confirmed',
    'update',
    'The requester proved it is them with data already held (step-up or sign-in code)',
    ref.extend({ method: z.string() }),
  ),
  defineAuditEvent(
    'rights.status_changed',
    'update',
    'A rights request moved in its workflow',
    ref.extend({ from: z.string(), to: z.string() }),
  ),
  defineAuditEvent(
    'rights.extended',
    'update',
    'The answer deadline was extended with a reason sent to the requester',
    ref.extend({ workingDays: z.number().int(), dueAt: z.string() }),
  ),
  defineAuditEvent('rights.answered', 'update', 'The privacy officer answered a rights request', ref.extend({ withinSla: z.boolean() })),
  defineAuditEvent(
    'rights.refused',
    'update',
    'A rights request was refused with a reason code and text',
    ref.extend({ code: z.string() }),
  ),
  defineAuditEvent(
    'rights.erasure_recorded',
    'erase',
    'A deletion or closure request ran the erasure path (erased, or restricted by a retention floor)',
    ref.extend({ outcome: z.enum(['erased', 'restricted']), retentionClasses: z.array(z.string()) }),
  ),
  defineAuditEvent(
    'rights.export_generated',
    'reveal',
    "A requester's export (JSON or PDF) was generated",
    ref.extend({ format: z.string(), records: z.number().int() }),
  ),
  defineAuditEvent(
    'rights.clock_alert',
    'update',
    'A reminder or an escalation was sent before a rights-request deadline',
    ref.extend({ alert: z.enum(['reminder', 'escalation']), workingDaysLeft: z.number().int() }),
  ),
];
