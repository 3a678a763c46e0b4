import { z } from 'zod';
import { GRANT_LEVELS } from '@sealbridge/contracts';
import { defineAuditEvent } from '../audit/index.ts';

const level = z.enum(GRANT_LEVELS);
const ids = { listingId: z.string(), inquiryId: z.string() };

/** Events of the disclosure path: ids, levels, states and reason codes — never a name, number or free text. */
export const DISCLOSURE_AUDIT_EVENTS = [
  defineAuditEvent('disclosure.inquiry_created', 'update', "A buyer asked to see a listing's details (L1 requested)", z.object({ ...ids })),
  defineAuditEvent(
    'disclosure.inquiry_decided',
    'update',
    'The seller or adviser accepted or declined an inquiry (or the buyer withdrew it)',
    z.object({ ...ids, status: z.enum(['accepted', 'declined', 'withdrawn']) }),
  ),
  defineAuditEvent(
    'disclosure.level_requested',
    'update',
    'A buyer asked for a further level (L2 data room, L3 contacts)',
    z.object({ ...ids, grantId: z.string(), level }),
  ),
  defineAuditEvent(
    'disclosure.grant_changed',
    'update',
    'A level was approved, declined, renewed, revoked or expired for one buyer on one listing',
    z.object({
      ...ids,
      grantId: z.string(),
      level,
      action: z.enum(['approved', 'declined', 'renewed', 'revoked', 'expired']),
      expiresAt: z.string().nullable(),
      missing: z.array(z.string()).optional(),
    }),
  ),
  defineAuditEvent(
    'disclosure.nda_signed',
    'update',
    "A buyer signed a listing's click-wrap NDA (template version and text digest)",
    z.object({ ...ids, signatureId: z.string(), templateVersion: z.number().int(), textSha256: z.string() }),
  ),
  defineAuditEvent(
    'disclosure.nda_certificate_issued',
    'export',
    'An NDA certificate was downloaded',
    z.object({ signatureId: z.string(), listingId: z.string() }),
  ),
  defineAuditEvent(
    'disclosure.nda_template_changed',
    'update',
    'An NDA template was drafted, edited or published',
    z.object({ version: z.number().int(), change: z.enum(['drafted', 'edited', 'published']) }),
  ),
  defineAuditEvent(
    'disclosure.proof_submitted',
    'update',
    'A buyer submitted proof of funds for a listing (sealed)',
    z.object({ ...ids, proofId: z.string(), mediaType: z.string() }),
  ),
  defineAuditEvent(
    'disclosure.proof_reviewed',
    'review',
    'The adviser approved or rejected a proof of funds',
    z.object({ listingId: z.string(), proofId: z.string(), decision: z.enum(['approved', 'rejected']) }),
  ),
  defineAuditEvent(
    'disclosure.settings_changed',
    'update',
    'A seller changed whether proof of funds is required',
    z.object({ listingId: z.string(), requiresProofOfFunds: z.boolean() }),
  ),
  defineAuditEvent(
    'disclosure.access_refused',
    'reveal',
    'A request for a level that is not active was refused (no reason is told to the requester)',
    z.object({ listingId: z.string(), level }),
  ),
];
