import {
  ART22_CHANNELS,
  ART22_GROUPS,
  DEAL_CANCEL_REASONS,
  DEAL_STAGES,
  type CustodyItem,
  type DealSide,
  type DealStage,
  type TCustodyView,
  type TDealSummary,
  type TDealView,
} from '@sealbridge/contracts';
import { chinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { applicableItems, closeBlockers, custodyComplete, dueOf, isSeal, openItems, stageIndex, taxEstimate, toWan } from './deal-rules.ts';
import type { DealCustodyRow, DealEventRow, DealMarkRow, DealMoneyRow, DealRow } from './deals-repo.ts';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
const listOf = <T extends string>(list: readonly T[], json: string | null): T[] =>
  (JSON.parse(json ?? '[]') as string[]).filter((v): v is T => (list as readonly string[]).includes(v));
const sideOf = (v: string | null): DealSide | null => oneOf(['buyer', 'seller', 'broker'] as const, v);
const imageType = (v: string | null) => oneOf(['jpeg', 'png'] as const, v);

/** When the deal entered each stage it has reached (from its own history). */
function enteredAtByStage(deal: DealRow, events: readonly DealEventRow[]): Map<string, string> {
  const out = new Map<string, string>([['inquiry', deal.started_at]]);
  for (const e of events) if (e.action === 'advanced' && e.to_stage) out.set(e.to_stage, e.at);
  return out;
}

export function toCustodyView(row: DealCustodyRow): TCustodyView {
  return {
    kind: row.kind as CustodyItem,
    seal: isSeal(row.kind),
    applicable: row.applicable === 1,
    photo: {
      present: row.photo_ct !== null,
      type: imageType(row.photo_type),
      uploadedBy: sideOf(row.photo_uploaded_by),
      uploadedAt: row.photo_uploaded_at,
    },
    sellerConfirmedAt: row.seller_confirmed_at,
    buyerConfirmedAt: row.buyer_confirmed_at,
    oldSealCancelledOn: row.old_seal_cancelled_on,
    newSealFiledOn: row.new_seal_filed_on,
    complete: custodyComplete(row),
  };
}

/** The fields a list line and the whole deal share. */
const baseOf = (deal: DealRow, ctx: { side: DealSide; buyerAlias: string }) => ({
  id: deal.id,
  code: deal.code,
  listingCode: deal.listing_code,
  side: ctx.side,
  buyerAlias: ctx.buyerAlias,
  stage: deal.stage as DealStage,
  status: deal.status,
  startedAt: deal.started_at,
  stageEnteredAt: deal.stage_entered_at,
});

export type DealParts = {
  marks: readonly DealMarkRow[];
  custody: readonly DealCustodyRow[];
  money: readonly DealMoneyRow[];
  events: readonly DealEventRow[];
};

/** The whole deal as one side sees it. Nothing here names a person: the buyer is their per-listing alias. */
export function toDealView(
  deal: DealRow,
  parts: DealParts,
  ctx: { side: DealSide; buyerAlias: string; calendar: WorkingDayCalendar; now: Date },
): TDealView {
  const { calendar } = ctx;
  const today = chinaDay(ctx.now);
  const marks = new Map(parts.marks.map((m) => [m.item_key, m]));
  const entered = enteredAtByStage(deal, parts.events);
  const current = stageIndex(deal.stage);
  const stages = DEAL_STAGES.map((stage, i) => {
    const state = i < current ? ('done' as const) : i === current ? ('current' as const) : ('upcoming' as const);
    const enteredAt = i <= current ? (entered.get(stage) ?? null) : null;
    return {
      stage,
      state,
      enteredAt,
      items: applicableItems(deal, stage).map((def) => {
        const mark = marks.get(def.key);
        const due = i <= current ? dueOf(def, enteredAt, deal.agreement_signed_on, calendar) : { dueOn: null, provisional: false };
        return {
          key: def.key,
          owner: def.owner,
          dueOn: due.dueOn,
          provisional: due.provisional,
          overdue: !mark && deal.status !== 'cancelled' && i === current && due.dueOn !== null && due.dueOn < today,
          done: Boolean(mark),
          doneAt: mark?.done_at ?? null,
          doneBy: sideOf(mark?.done_by_side ?? null),
          remark: mark?.remark ?? '',
          documentIds: mark ? (JSON.parse(mark.document_ids) as string[]) : [],
        };
      }),
    };
  });
  const tax = taxEstimate(deal, calendar);
  return {
    ...baseOf(deal, ctx),
    listingId: deal.listing_id,
    closedAt: deal.closed_at,
    cancelledAt: deal.cancelled_at,
    cancelReason: oneOf(DEAL_CANCEL_REASONS, deal.cancel_reason),
    intent:
      deal.intent_kind && deal.intent_signed_on && deal.exclusive_until
        ? {
            kind: deal.intent_kind === 'deposit' ? 'deposit' : 'loi',
            signedOn: deal.intent_signed_on,
            exclusiveUntil: deal.exclusive_until,
          }
        : null,
    agreement:
      deal.agreement_signed_on && deal.price_cents !== null
        ? {
            signedOn: deal.agreement_signed_on,
            sellerKind: deal.seller_kind === 'company' ? 'company' : 'individual',
            priceWan: toWan(deal.price_cents),
            costBasisWan: deal.cost_basis_cents === null ? null : toWan(deal.cost_basis_cents),
          }
        : null,
    tax,
    stages,
    custody: parts.custody.map(toCustodyView),
    money: parts.money.map((m) => ({
      id: m.id,
      kind: m.kind as TDealView['money'][number]['kind'],
      amountWan: toWan(m.amount_cents),
      dueOn: m.due_on,
      paidOn: m.paid_on,
      releasedOn: m.released_on,
      claimsWindowEndsOn: m.claims_window_ends_on,
      note: m.note,
    })),
    pledge: { registeredOn: deal.pledge_registered_on, releasedOn: deal.pledge_released_on },
    art22: {
      state: deal.art22_completed_at ? 'done' : deal.art22_opened_at ? 'open' : 'not_open',
      openedAt: deal.art22_opened_at,
      dueOn: deal.art22_due_on,
      completedAt: deal.art22_completed_at,
      completedBy: sideOf(deal.art22_completed_by),
      notifiedOn: deal.art22_notified_on,
      channels: listOf(ART22_CHANNELS, deal.art22_channels),
      groups: listOf(ART22_GROUPS, deal.art22_groups),
      documentId: deal.art22_document_id,
    },
    legalRep: {
      state: deal.legal_rep_confirmed_at ? 'confirmed' : deal.status === 'closed' ? 'pending' : 'not_due',
      changedOn: deal.legal_rep_changed_on,
      confirmedAt: deal.legal_rep_confirmed_at,
      evidence: { present: deal.legal_rep_evidence_ct !== null, type: imageType(deal.legal_rep_evidence_type) },
      lastReminderAt: deal.legal_rep_last_reminder_at,
    },
    closeBlockers: closeBlockers(deal, parts.marks, parts.custody),
    events: parts.events.map((e) => ({
      at: e.at,
      side: sideOf(e.side) ?? 'broker',
      action: e.action,
      fromStage: oneOf(DEAL_STAGES, e.from_stage),
      toStage: oneOf(DEAL_STAGES, e.to_stage),
      note: e.note,
    })),
  };
}

/** A line of a deal list: the caller's open items in the current stage and the earliest due date among them. */
export function toDealSummary(
  deal: DealRow,
  marks: readonly DealMarkRow[],
  ctx: { side: DealSide; buyerAlias: string; calendar: WorkingDayCalendar },
): TDealSummary {
  const stage = deal.stage as DealStage;
  const open = new Set(deal.status !== 'cancelled' ? openItems(deal, marks, stage) : []);
  const mine = applicableItems(deal, stage).filter((i) => open.has(i.key) && (ctx.side === 'broker' || i.owner === ctx.side));
  const dues = mine
    .map((i) => dueOf(i, deal.stage_entered_at, deal.agreement_signed_on, ctx.calendar).dueOn)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    ...baseOf(deal, ctx),
    myOpenItems: mine.length,
    nextDueOn: dues[0] ?? null,
  };
}
