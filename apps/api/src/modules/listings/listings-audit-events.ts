import { z } from 'zod';
import { LISTING_STATUSES } from '@sealbridge/contracts';
import { defineAuditEvent } from '../audit/index.ts';

const status = z.enum(LISTING_STATUSES);

export const LISTINGS_AUDIT_EVENTS = [
  defineAuditEvent(
    'listings.draft_saved',
    'update',
    'A seller saved a listing draft (names of changed company fields only)',
    z.object({ listingId: z.string(), created: z.boolean() }),
  ),
  defineAuditEvent(
    'listings.status_changed',
    'update',
    'A listing moved from one status to another (submit, review, publish, offer, sale, withdrawal)',
    z.object({ listingId: z.string(), action: z.string(), from: status, to: status }),
  ),
  defineAuditEvent(
    'listings.guard_refused',
    'update',
    'Free text of a listing was refused because it contained identifiers or the company name (kinds and fields only)',
    z.object({ listingId: z.string().nullable(), kinds: z.array(z.string()), fields: z.array(z.string()) }),
  ),
  defineAuditEvent(
    'listings.duplicate_flagged',
    'update',
    'The same company (credit code) is listed more than once; the listing is routed to review',
    z.object({ listingId: z.string(), others: z.number().int() }),
  ),
  defineAuditEvent(
    'listings.deal_recorded',
    'update',
    'A broker recorded a letter of intent or a deposit: the company is locked against being offered again',
    z.object({ listingId: z.string(), kind: z.enum(['loi', 'deposit']) }),
  ),
  defineAuditEvent(
    'listings.deal_ended',
    'update',
    'The deal on a listing ended (closed or cancelled), lifting the lock',
    z.object({ listingId: z.string(), outcome: z.enum(['closed', 'cancelled']) }),
  ),
];
