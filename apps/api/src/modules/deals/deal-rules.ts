import {
  DEAL_CHECKLIST,
  DEAL_STAGES,
  EQUITY_TRANSFER_IIT_RATE,
  SEAL_ITEMS,
  STAMP_DUTY_RATE,
  type CustodyItem,
  type DealChecklistItemDef,
  type DealStage,
  type TDealView,
} from '@sealbridge/contracts';
import { chinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import type { DealCustodyRow, DealMarkRow, DealRow } from './deals-repo.ts';

/** The pure rules of a deal: stage order, which checklist items apply, due dates, what blocks the closing. */
export type CloseBlocker = TDealView['closeBlockers'][number];

export const stageIndex = (stage: string) => DEAL_STAGES.indexOf(stage as DealStage);
export const nextStage = (stage: string): DealStage | null => DEAL_STAGES[stageIndex(stage) + 1] ?? null;
/** The stage whose leaving is the closing. */
export const CLOSING_FROM: DealStage = 'handover';
/** From this stage on the company is locked for the deal's buyer (until closing or cancellation). */
export const LOCKED_FROM: DealStage = 'intent';

export const toCents = (wan: number) => Math.round(wan * 100);
export const toWan = (cents: number) => Math.round(cents) / 100;
/** Hundredths of 万元 → 万元 rounded to the yuan (four decimals), for tax estimates. */
const toYuanPrecision = (cents: number) => Math.round(cents * 100) / 10_000;

/** Items of a stage (or all) that apply to this deal; an item for a seller or intent kind not known yet still shows. */
export function applicableItems(deal: Pick<DealRow, 'seller_kind' | 'intent_kind'>, stage?: DealStage): DealChecklistItemDef[] {
  return DEAL_CHECKLIST.filter(
    (i) =>
      (!stage || i.stage === stage) &&
      (!i.onlyIf?.sellerKind || deal.seller_kind === null || deal.seller_kind === i.onlyIf.sellerKind) &&
      (!i.onlyIf?.intentKind || deal.intent_kind === null || deal.intent_kind === i.onlyIf.intentKind),
  );
}

/** Keys of the stage's applicable items that are not done. */
export function openItems(deal: DealRow, marks: readonly DealMarkRow[], stage: DealStage): string[] {
  const done = new Set(marks.map((m) => m.item_key));
  return applicableItems(deal, stage)
    .filter((i) => !done.has(i.key))
    .map((i) => i.key);
}

export const isSeal = (kind: string) => SEAL_ITEMS.includes(kind as CustodyItem);

/** A custody item is done when it is out of scope, or photographed and confirmed by both sides (and, for a seal, the old one cancelled and the new one filed). */
export function custodyComplete(row: DealCustodyRow): boolean {
  if (!row.applicable) return true;
  const handed = row.photo_ct !== null && row.seller_confirmed_at !== null && row.buyer_confirmed_at !== null;
  return handed && (!isSeal(row.kind) || (row.old_seal_cancelled_on !== null && row.new_seal_filed_on !== null));
}

/**
 * Why the deal cannot close now: it must be at handover, every applicable item of every stage up to handover done,
 * every custody item handed over and confirmed by both sides, old seals cancelled, and the Art. 22 task done.
 */
export function closeBlockers(deal: DealRow, marks: readonly DealMarkRow[], custody: readonly DealCustodyRow[]): CloseBlocker[] {
  if (deal.status !== 'open') return [];
  const out: CloseBlocker[] = [];
  if (deal.stage !== CLOSING_FROM) out.push('stage');
  const upTo = DEAL_STAGES.slice(0, stageIndex(CLOSING_FROM) + 1);
  if (upTo.some((stage) => openItems(deal, marks, stage).length > 0)) out.push('checklist');
  const inScope = custody.filter((c) => c.applicable);
  if (inScope.some((c) => c.photo_ct === null || c.seller_confirmed_at === null || c.buyer_confirmed_at === null)) out.push('custody');
  if (inScope.some((c) => isSeal(c.kind) && (c.old_seal_cancelled_on === null || c.new_seal_filed_on === null)))
    out.push('seal_cancellation');
  if (deal.art22_completed_at === null) out.push('art22');
  return out;
}

/** An item's due date: counted from the signing for the tax clock, else from the day the stage was entered. */
export function dueOf(item: DealChecklistItemDef, stageEnteredAt: string | null, signedOn: string | null, calendar: WorkingDayCalendar) {
  const raw = item.from === 'signing' ? signedOn : stageEnteredAt;
  if (!raw) return { dueOn: null, provisional: false };
  const from = raw.length === 10 ? raw : chinaDay(new Date(raw));
  const dueOn = calendar.addWorkingDays(from, item.dueWorkingDays);
  return { dueOn, provisional: !calendar.coversRange(from, dueOn) };
}

/** Estimates for the parties' own filing: 20 % of the gain for an individual seller, 0.05 % stamp duty each side. */
export function taxEstimate(deal: DealRow, calendar: WorkingDayCalendar) {
  if (deal.agreement_signed_on === null || deal.price_cents === null) return null;
  const gain = deal.cost_basis_cents === null ? null : Math.max(0, deal.price_cents - deal.cost_basis_cents);
  const reportDueOn = calendar.addWorkingDays(deal.agreement_signed_on, 5);
  return {
    iitWan: deal.seller_kind === 'individual' && gain !== null ? toYuanPrecision(gain * EQUITY_TRANSFER_IIT_RATE) : null,
    stampDutyEachWan: toYuanPrecision(deal.price_cents * STAMP_DUTY_RATE),
    reportDueOn,
    provisional: !calendar.coversRange(deal.agreement_signed_on, reportDueOn),
  };
}
