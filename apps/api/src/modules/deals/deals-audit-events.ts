import { CUSTODY_ITEMS, DEAL_CANCEL_REASONS, DEAL_STAGES, MONEY_KINDS } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const stage = z.enum(DEAL_STAGES);
const side = z.enum(['buyer', 'seller', 'broker']);
const deal = { dealId: z.string() };

/**
 * Deal events. Payloads carry ids, codes, stages, sides, kinds and dates — never a name, an amount's payer, a photo
 * or a note (notes are in `deal_events`, guarded against identifiers). Amounts are in hundredths of 万元.
 */
export const DEALS_AUDIT_EVENTS = [
  defineAuditEvent(
    'deals.started',
    'update',
    'A buyer holding L1 started a deal on a listing',
    z.object({ ...deal, listingId: z.string() }),
  ),
  defineAuditEvent(
    'deals.stage_advanced',
    'update',
    'The broker moved a deal to its next stage',
    z.object({ ...deal, from: stage, to: stage }),
  ),
  defineAuditEvent(
    'deals.cancelled',
    'update',
    'The broker cancelled a deal (the exclusivity lock ends with it)',
    z.object({ ...deal, stage, reason: z.enum(DEAL_CANCEL_REASONS) }),
  ),
  defineAuditEvent(
    'deals.closed',
    'update',
    "A deal closed: the listing is sold to the deal's buyer",
    z.object({ ...deal, listingId: z.string() }),
  ),
  defineAuditEvent(
    'deals.checklist_marked',
    'update',
    'A party or the broker ticked or unticked a checklist item',
    z.object({ ...deal, item: z.string(), done: z.boolean(), side }),
  ),
  defineAuditEvent(
    'deals.custody_applicability_set',
    'update',
    'The broker marked a custody item as (not) part of the handover',
    z.object({ ...deal, item: z.enum(CUSTODY_ITEMS), applicable: z.boolean() }),
  ),
  defineAuditEvent(
    'deals.custody_photo_uploaded',
    'update',
    'A hand-over photo was sealed by the vault (confirmations start again)',
    z.object({ ...deal, item: z.enum(CUSTODY_ITEMS), side }),
  ),
  defineAuditEvent(
    'deals.custody_confirmed',
    'update',
    'A side confirmed a hand-over in the custody ledger',
    z.object({ ...deal, item: z.enum(CUSTODY_ITEMS), side }),
  ),
  defineAuditEvent(
    'deals.seal_cancellation_recorded',
    'update',
    "The old seal's cancellation and the new seal's police filing were recorded",
    z.object({ ...deal, item: z.enum(CUSTODY_ITEMS), side }),
  ),
  defineAuditEvent(
    'deals.money_recorded',
    'update',
    'The broker recorded a money milestone (recorded, not processed)',
    z.object({ ...deal, milestoneId: z.string(), kind: z.enum(MONEY_KINDS), amountCents: z.number().int() }),
  ),
  defineAuditEvent(
    'deals.money_event_recorded',
    'update',
    'A money milestone was recorded as paid or released',
    z.object({ ...deal, milestoneId: z.string(), action: z.enum(['paid', 'released']), on: z.string() }),
  ),
  defineAuditEvent(
    'deals.pledge_recorded',
    'update',
    'The equity pledge back to the seller was recorded as registered or released',
    z.object({ ...deal, action: z.enum(['registered', 'released']), on: z.string() }),
  ),
  defineAuditEvent(
    'deals.art22_opened',
    'update',
    'The PIPL Art. 22 notice task opened for the buyer and the broker',
    z.object({ ...deal, dueOn: z.string() }),
  ),
  defineAuditEvent(
    'deals.art22_completed',
    'update',
    'The PIPL Art. 22 notice was recorded as sent (channels and groups, no names)',
    z.object({ ...deal, side, notifiedOn: z.string() }),
  ),
  defineAuditEvent(
    'deals.legal_rep_confirmed',
    'update',
    'The seller confirmed with evidence (sealed by the vault) that they are no longer legal representative',
    z.object({ ...deal, changedOn: z.string() }),
  ),
  defineAuditEvent(
    'deals.legal_rep_reminded',
    'update',
    'The seller was reminded that the legal-representative change is not confirmed yet',
    z.object(deal),
  ),
  defineAuditEvent(
    'deals.overdue_reminded',
    'update',
    "The owners of a deal's overdue checklist items were reminded (item keys, no names)",
    z.object({ ...deal, items: z.array(z.string()) }),
  ),
  defineAuditEvent('deals.access_refused', 'reveal', 'A staff member asked for a deal that is not theirs', z.object(deal)),
];
