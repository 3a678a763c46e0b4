import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const dispute = z.object({ disputeId: z.string() });

/** Dispute events: ids, case numbers, listing codes and enums — never the summary, notes or outcome text. */
export const DISPUTES_AUDIT_EVENTS = [
  defineAuditEvent(
    'disputes.opened',
    'register',
    'A party opened a dispute against the other party or the center',
    dispute.extend({ caseNo: z.string(), listingCode: z.string(), against: z.string(), topic: z.string() }),
  ),
  defineAuditEvent(
    'disputes.evidence_added',
    'update',
    'A document or message was cited as evidence (by reference)',
    dispute.extend({ kind: z.string(), refId: z.string() }),
  ),
  defineAuditEvent('disputes.session_held', 'update', 'The mediator recorded a mediation session', dispute),
  defineAuditEvent(
    'disputes.closed',
    'update',
    'The mediator closed a dispute with an outcome or referred it to arbitration or court',
    dispute.extend({ closing: z.string() }),
  ),
  defineAuditEvent(
    'disputes.clocks_reminded',
    'update',
    'The daily sweep reminded mediators (and parties) of dispute deadlines coming up or passed',
    z.object({ due: z.number().int(), overdue: z.number().int() }),
  ),
  defineAuditEvent(
    'disputes.refused',
    'update',
    'Someone outside a dispute asked for it, or cited evidence they cannot see',
    dispute.extend({ kind: z.string().optional() }),
  ),
];
