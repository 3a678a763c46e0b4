import { z } from 'zod';
import { ZPlainText } from './text-input.ts';

/**
 * Disputes between the parties of a listing or deal, or with the center (issue 19): a case with its parties, evidence
 * by reference (data-room documents and messages the adder can see), mediation sessions with notes, an outcome or a
 * referral to arbitration or court, and two clocks. Visible to the parties and the mediating broker only.
 */
export const DISPUTE_TOPICS = ['privacy', 'disclosure', 'deposit', 'handover', 'service', 'other'] as const;
export const DISPUTE_STATUSES = ['open', 'mediation', 'resolved', 'referred'] as const;
export const DISPUTE_CLOSINGS = ['resolved', 'arbitration', 'court'] as const;
/** The mediator answers within 5 days; mediation aims to end within 30. */
export const DISPUTE_RESPOND_DAYS = 5;
export const DISPUTE_RESOLVE_DAYS = 30;

export const ZOpenDisputeRequest = z.object({
  listingCode: z.string().regex(/^[A-Z0-9-]{3,24}$/),
  against: z.enum(['party', 'center']),
  topic: z.enum(DISPUTE_TOPICS),
  summary: ZPlainText(2000, 10),
});
export type TOpenDisputeRequest = z.infer<typeof ZOpenDisputeRequest>;
export const ZAddEvidenceRequest = z.object({ kind: z.enum(['document', 'message']), refId: z.uuid() });
export const ZMediationSessionRequest = z.object({ notes: ZPlainText(4000, 5) });
export const ZCloseDisputeRequest = z.object({ closing: z.enum(DISPUTE_CLOSINGS), outcome: ZPlainText(2000, 5) });

const partyRole = z.enum(['buyer', 'seller']);
export const ZDispute = z.object({
  id: z.string(),
  caseNo: z.string(),
  listingCode: z.string(),
  against: z.enum(['party', 'center']),
  topic: z.enum(DISPUTE_TOPICS),
  summary: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  claimantRole: partyRole,
  /** The caller's place in the case. */
  myRole: z.enum(['claimant', 'respondent', 'mediator']),
  mediatorStaffNo: z.string().nullable(),
  openedAt: z.string(),
  respondBy: z.string(),
  resolveBy: z.string(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closing: z.enum(DISPUTE_CLOSINGS).nullable(),
  outcome: z.string().nullable(),
  evidence: z.array(
    z.object({
      kind: z.enum(['document', 'message']),
      refId: z.string(),
      addedBy: z.enum(['claimant', 'respondent', 'mediator']),
      addedAt: z.string(),
    }),
  ),
  sessions: z.array(z.object({ heldAt: z.string(), notes: z.string() })),
});
export type TDispute = z.infer<typeof ZDispute>;
export const ZDisputeList = z.object({ items: z.array(ZDispute) });
export type TDisputeList = z.infer<typeof ZDisputeList>;
