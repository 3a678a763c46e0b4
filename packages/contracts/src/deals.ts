import { z } from 'zod';
import { ZPlainText } from './text-input.ts';
import { HANDOVER_ITEMS } from './listings.ts';
import { ZFieldView } from './privacy.ts';

/**
 * The deal pipeline (issue 13): from an inquiry of a buyer holding L1 to the handover of seals, licences and keys,
 * the closing, and the time after it. Stages advance only in order; each has a checklist whose items have an owner
 * and a due date on the PRC working-day calendar. Texts for every code live in the web locales (`deals.*`);
 * stage names are here too because notices copied into e-mails need them in both languages.
 */
export const DEAL_STAGES = [
  'inquiry',
  'intent',
  'due_diligence',
  'agreement',
  'tax_filing',
  'registry_change',
  'tax_change',
  'bank_change',
  'handover',
  'post_closing',
] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DEAL_STAGE_LABELS: Record<DealStage, { 'zh-CN': string; en: string }> = {
  inquiry: { 'zh-CN': '洽谈', en: 'Inquiry' },
  intent: { 'zh-CN': '意向书 / 定金', en: 'Letter of intent / deposit' },
  due_diligence: { 'zh-CN': '尽职调查', en: 'Due diligence' },
  agreement: { 'zh-CN': '签署转让协议', en: 'Transfer agreement' },
  tax_filing: { 'zh-CN': '税务申报', en: 'Tax filing' },
  registry_change: { 'zh-CN': '工商变更', en: 'Registry change' },
  tax_change: { 'zh-CN': '税务变更', en: 'Tax registration change' },
  bank_change: { 'zh-CN': '银行变更', en: 'Bank change' },
  handover: { 'zh-CN': '交割', en: 'Handover' },
  post_closing: { 'zh-CN': '交割后', en: 'Post-closing' },
};

/** open → closed (handover → post_closing, the closing) or cancelled (at any stage before closing). */
export const DEAL_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const DEAL_SIDES = ['buyer', 'seller', 'broker'] as const;
export type DealSide = (typeof DEAL_SIDES)[number];
export const INTENT_KINDS = ['loi', 'deposit'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];
/** An individual seller owes 20 % individual income tax on the gain, withheld by the buyer; a company seller does not. */
export const SELLER_KINDS = ['individual', 'company'] as const;
export type SellerKind = (typeof SELLER_KINDS)[number];
export const DEAL_CANCEL_REASONS = [
  'buyer_withdrew',
  'seller_withdrew',
  'due_diligence_failed',
  'price_not_agreed',
  'registry_refused',
  'other',
] as const;

export type DealChecklistItemDef = {
  key: string;
  stage: DealStage;
  owner: DealSide;
  /** Due this many working days after the stage was entered, or after the agreement was signed (`from: 'signing'`). */
  dueWorkingDays: number;
  from?: 'stage' | 'signing';
  /** Applies only to deals with this seller kind or intent kind. */
  onlyIf?: { sellerKind?: SellerKind; intentKind?: IntentKind };
};

const item = (
  key: string,
  stage: DealStage,
  owner: DealSide,
  dueWorkingDays: number,
  extra: Partial<DealChecklistItemDef> = {},
): DealChecklistItemDef => ({ key, stage, owner, dueWorkingDays, ...extra });

/**
 * What a broker at a Chinese transfer center ticks at each stage (DOMAIN.md "How a deal runs"). Keys are stable
 * codes (add at the end of a stage, never reuse one); texts live in the web locales under `deals.checklist`.
 */
export const DEAL_CHECKLIST: readonly DealChecklistItemDef[] = [
  item('inquiry.needs_confirmed', 'inquiry', 'broker', 2),
  item('inquiry.scope_confirmed', 'inquiry', 'seller', 3),
  item('inquiry.risks_disclosed', 'inquiry', 'seller', 3),
  item('intent.loi_signed', 'intent', 'broker', 0),
  item('intent.deposit_paid', 'intent', 'buyer', 3, { onlyIf: { intentKind: 'deposit' } }),
  item('intent.dd_list_sent', 'intent', 'broker', 2),
  item('dd.registry_checked', 'due_diligence', 'broker', 5),
  item('dd.litigation_checked', 'due_diligence', 'broker', 5),
  item('dd.tax_records_provided', 'due_diligence', 'seller', 5),
  item('dd.credit_report_provided', 'due_diligence', 'seller', 5),
  item('dd.bank_statements_provided', 'due_diligence', 'seller', 5),
  item('dd.guarantees_reviewed', 'due_diligence', 'buyer', 10),
  item('dd.capital_reviewed', 'due_diligence', 'buyer', 10),
  item('dd.licences_reviewed', 'due_diligence', 'buyer', 10),
  item('agreement.shareholder_resolution', 'agreement', 'seller', 5),
  item('agreement.preemption_waived', 'agreement', 'seller', 5),
  item('agreement.spa_signed', 'agreement', 'broker', 5),
  item('agreement.payment_protection', 'agreement', 'broker', 5),
  // 先税务后工商: the buyer withholds and reports within 5 working days of signing (individual seller).
  item('tax.transfer_report_filed', 'tax_filing', 'buyer', 5, { from: 'signing', onlyIf: { sellerKind: 'individual' } }),
  item('tax.iit_withheld', 'tax_filing', 'buyer', 5, { from: 'signing', onlyIf: { sellerKind: 'individual' } }),
  item('tax.corporate_gain_booked', 'tax_filing', 'seller', 5, { from: 'signing', onlyIf: { sellerKind: 'company' } }),
  item('tax.stamp_duty_seller', 'tax_filing', 'seller', 5, { from: 'signing' }),
  item('tax.stamp_duty_buyer', 'tax_filing', 'buyer', 5, { from: 'signing' }),
  item('tax.clearance_obtained', 'tax_filing', 'broker', 7, { from: 'signing' }),
  item('registry.realname_seller', 'registry_change', 'seller', 2),
  item('registry.realname_buyer', 'registry_change', 'buyer', 2),
  item('registry.filing_submitted', 'registry_change', 'broker', 2),
  item('registry.licence_issued', 'registry_change', 'broker', 5),
  item('taxreg.info_updated', 'tax_change', 'buyer', 5),
  item('taxreg.seller_roles_removed', 'tax_change', 'seller', 5),
  item('taxreg.invoices_reconciled', 'tax_change', 'broker', 5),
  item('bank.seal_card_changed', 'bank_change', 'buyer', 5),
  item('bank.ukey_replaced', 'bank_change', 'buyer', 5),
  item('bank.old_authorisations_revoked', 'bank_change', 'seller', 5),
  item('bank.social_insurance_updated', 'bank_change', 'buyer', 10),
  item('handover.list_signed', 'handover', 'broker', 3),
  item('handover.pending_matters', 'handover', 'seller', 3),
  item('handover.employees_informed', 'handover', 'buyer', 5),
  item('post.review_call', 'post_closing', 'broker', 10),
];
export const DEAL_CHECKLIST_KEYS = DEAL_CHECKLIST.map((i) => i.key);

/** The custody ledger's items are the listings' handover vocabulary; seals also need the old one cancelled. */
export const CUSTODY_ITEMS = HANDOVER_ITEMS;
export type CustodyItem = (typeof CUSTODY_ITEMS)[number];
export const SEAL_ITEMS: readonly CustodyItem[] = ['official_seal', 'finance_seal', 'legal_rep_seal', 'invoice_seal', 'contract_seal'];
/** Item names for notices, which leave as e-mails in either language (the web has its own in the locales). */
export const CUSTODY_ITEM_LABELS: Record<CustodyItem, { 'zh-CN': string; en: string }> = {
  official_seal: { 'zh-CN': '公章', en: 'company seal' },
  finance_seal: { 'zh-CN': '财务专用章', en: 'finance seal' },
  legal_rep_seal: { 'zh-CN': '法定代表人名章', en: "legal representative's seal" },
  invoice_seal: { 'zh-CN': '发票专用章', en: 'invoice seal' },
  contract_seal: { 'zh-CN': '合同专用章', en: 'contract seal' },
  business_licence: { 'zh-CN': '营业执照正副本', en: 'business licence (original and duplicate)' },
  bank_ukey: { 'zh-CN': '银行U盾及开户资料', en: 'bank U-key and account papers' },
  tax_ukey: { 'zh-CN': '税务UKey', en: 'tax UKey' },
  account_books: { 'zh-CN': '账册凭证', en: 'account books and vouchers' },
  contract_archive: { 'zh-CN': '合同档案', en: 'contract archive' },
};

/** Money is recorded, never moved: 定金, 分期款, 资金共管, 尾款, and a holdback for hidden debts (保留金). */
export const MONEY_KINDS = ['deposit', 'instalment', 'escrow', 'final_payment', 'holdback'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];
/** The largest amount accepted, in 万元 (10 billion yuan): larger is a typing error, not a company. */
export const MAX_AMOUNT_WAN = 1_000_000;
/** Individual income tax on an equity transfer gain, and stamp duty on the transfer instrument (each party). */
export const EQUITY_TRANSFER_IIT_RATE = 0.2;
export const STAMP_DUTY_RATE = 0.0005;

/** Art. 22 notice: how the persons whose data the company holds were told, and who they are (groups, never names). */
export const ART22_CHANNELS = ['email', 'sms', 'letter', 'announcement', 'in_person'] as const;
export const ART22_GROUPS = ['employees', 'customers', 'suppliers', 'other'] as const;
/** Working days the Art. 22 task is due after it opens (at handover). */
export const ART22_DUE_WORKING_DAYS = 10;
/** Working days between reminders to a seller still on record as legal representative after closing. */
export const LEGAL_REP_REMINDER_WORKING_DAYS = 5;
/** Custody photos and legal-representative evidence: JPEG or PNG, at most this many bytes. */
export const DEAL_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** A calendar day `YYYY-MM-DD` between 2000 and 2100 that exists. */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d && d >= '2000-01-01' && d <= '2100-12-31';
  }, 'not a calendar day');
/** An amount in 万元: positive, finite, at most two decimals, at most MAX_AMOUNT_WAN. */
const twoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
export const ZAmountWan = z.number().positive().max(MAX_AMOUNT_WAN).refine(twoDecimals, 'at most two decimals');
const ZNote = ZPlainText(500);
/** Data-room document references (the data room module gives them out); plain ids. */
const ZDocumentIds = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(10);
const ZBase64Image = z
  .string()
  .min(4)
  .max(Math.ceil((DEAL_PHOTO_MAX_BYTES * 4) / 3) + 4);

/** A buyer starts with the listing id; the listing's adviser starts from the buyer's approved L1 grant (`grantId`). */
export const ZStartDealRequest = z.object({ listingId: z.string().min(1).max(64), grantId: z.string().min(1).max(64).optional() });
export const ZAdvanceDealRequest = z.object({
  /** The stage the caller saw (two brokers' clicks cannot skip a stage). */
  from: z.enum(DEAL_STAGES),
  note: ZNote.default(''),
  /** Required when entering `intent`: the letter of intent or deposit that starts exclusivity. */
  intent: z.object({ kind: z.enum(INTENT_KINDS), signedOn: ZDay, exclusiveUntil: ZDay, depositWan: ZAmountWan.optional() }).optional(),
  /** Required when leaving `agreement`: the signing starts the tax clock. */
  agreement: z
    .object({
      signedOn: ZDay,
      sellerKind: z.enum(SELLER_KINDS),
      priceWan: ZAmountWan,
      costBasisWan: z.number().min(0).max(MAX_AMOUNT_WAN).refine(twoDecimals, 'at most two decimals').nullable().default(null),
    })
    .optional(),
});
export type TAdvanceDealRequest = z.input<typeof ZAdvanceDealRequest>;
export const ZCancelDealRequest = z.object({ reason: z.enum(DEAL_CANCEL_REASONS), note: ZNote.default('') });
export const ZChecklistMarkRequest = z.object({
  done: z.boolean(),
  remark: ZPlainText(200).default(''),
  documentIds: ZDocumentIds.default([]),
});
export const ZCustodyPhotoRequest = z.object({ image: ZBase64Image });
export const ZCustodySealRequest = z.object({ oldSealCancelledOn: ZDay, newSealFiledOn: ZDay });
export const ZCustodyApplicableRequest = z.object({ applicable: z.boolean() });
export const ZMoneyRequest = z.object({
  kind: z.enum(MONEY_KINDS),
  amountWan: ZAmountWan,
  dueOn: ZDay.nullable().default(null),
  /** Holdback only: the end of the window in which the buyer may claim hidden debts against it. */
  claimsWindowEndsOn: ZDay.nullable().default(null),
  note: ZNote.default(''),
});
export const ZMoneyEventRequest = z.object({ action: z.enum(['paid', 'released']), on: ZDay });
export const ZPledgeRequest = z.object({ action: z.enum(['registered', 'released']), on: ZDay });
export const ZArt22Request = z.object({
  notifiedOn: ZDay,
  channels: z.array(z.enum(ART22_CHANNELS)).min(1).max(ART22_CHANNELS.length),
  groups: z.array(z.enum(ART22_GROUPS)).min(1).max(ART22_GROUPS.length),
  documentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .nullable()
    .default(null),
});
export const ZLegalRepRequest = z.object({ changedOn: ZDay, evidenceImage: ZBase64Image });

const ZImageMeta = z.object({ present: z.boolean(), type: z.enum(['jpeg', 'png']).nullable() });

export const ZDealChecklistItem = z.object({
  key: z.string(),
  owner: z.enum(DEAL_SIDES),
  dueOn: z.string().nullable(),
  /** The due date lies in a year whose holiday arrangement is not loaded yet: counted Monday–Friday. */
  provisional: z.boolean(),
  overdue: z.boolean(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.enum(DEAL_SIDES).nullable(),
  remark: z.string(),
  documentIds: z.array(z.string()),
});
export type TDealChecklistItem = z.infer<typeof ZDealChecklistItem>;

export const ZDealStageView = z.object({
  stage: z.enum(DEAL_STAGES),
  state: z.enum(['done', 'current', 'upcoming']),
  enteredAt: z.string().nullable(),
  items: z.array(ZDealChecklistItem),
});

export const ZCustodyView = z.object({
  kind: z.enum(CUSTODY_ITEMS),
  seal: z.boolean(),
  applicable: z.boolean(),
  photo: ZImageMeta.extend({ uploadedBy: z.enum(DEAL_SIDES).nullable(), uploadedAt: z.string().nullable() }),
  sellerConfirmedAt: z.string().nullable(),
  buyerConfirmedAt: z.string().nullable(),
  oldSealCancelledOn: z.string().nullable(),
  newSealFiledOn: z.string().nullable(),
  complete: z.boolean(),
});
export type TCustodyView = z.infer<typeof ZCustodyView>;

export const ZMoneyView = z.object({
  id: z.string(),
  kind: z.enum(MONEY_KINDS),
  amountWan: z.number(),
  dueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
  claimsWindowEndsOn: z.string().nullable(),
  note: z.string(),
});
export type TMoneyView = z.infer<typeof ZMoneyView>;

export const CLOSE_BLOCKERS = ['stage', 'checklist', 'custody', 'seal_cancellation', 'art22'] as const;

/** What a deal list line and the whole deal share. */
const ZDealBase = z.object({
  id: z.string(),
  code: z.string(),
  listingCode: z.string(),
  /** How the caller takes part. */
  side: z.enum(DEAL_SIDES),
  /** The buyer as the seller and the broker see them: the per-listing pseudonym, never a name. */
  buyerAlias: z.string(),
  stage: z.enum(DEAL_STAGES),
  status: z.enum(DEAL_STATUSES),
  startedAt: z.string(),
  stageEnteredAt: z.string(),
});

export const ZDealView = ZDealBase.extend({
  listingId: z.string(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.enum(DEAL_CANCEL_REASONS).nullable(),
  intent: z.object({ kind: z.enum(INTENT_KINDS), signedOn: z.string(), exclusiveUntil: z.string() }).nullable(),
  agreement: z
    .object({ signedOn: z.string(), sellerKind: z.enum(SELLER_KINDS), priceWan: z.number(), costBasisWan: z.number().nullable() })
    .nullable(),
  /** Estimates from the recorded price (and cost basis), for the parties' own filing; never a tax assessment. */
  tax: z
    .object({ iitWan: z.number().nullable(), stampDutyEachWan: z.number(), reportDueOn: z.string(), provisional: z.boolean() })
    .nullable(),
  stages: z.array(ZDealStageView),
  custody: z.array(ZCustodyView),
  money: z.array(ZMoneyView),
  pledge: z.object({ registeredOn: z.string().nullable(), releasedOn: z.string().nullable() }),
  art22: z.object({
    state: z.enum(['not_open', 'open', 'done']),
    openedAt: z.string().nullable(),
    dueOn: z.string().nullable(),
    completedAt: z.string().nullable(),
    completedBy: z.enum(DEAL_SIDES).nullable(),
    notifiedOn: z.string().nullable(),
    channels: z.array(z.enum(ART22_CHANNELS)),
    groups: z.array(z.enum(ART22_GROUPS)),
    documentId: z.string().nullable(),
  }),
  legalRep: z.object({
    state: z.enum(['not_due', 'pending', 'confirmed']),
    changedOn: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    evidence: ZImageMeta,
    lastReminderAt: z.string().nullable(),
  }),
  /** Why the deal cannot close yet (empty once it can, or once it has). */
  closeBlockers: z.array(z.enum(CLOSE_BLOCKERS)),
  events: z.array(
    z.object({
      at: z.string(),
      side: z.enum(DEAL_SIDES),
      action: z.string(),
      fromStage: z.enum(DEAL_STAGES).nullable(),
      toStage: z.enum(DEAL_STAGES).nullable(),
      note: z.string(),
    }),
  ),
});
export type TDealView = z.infer<typeof ZDealView>;

export const ZDealSummary = ZDealBase.extend({
  /** Open checklist items of the caller's side in the current stage, and the earliest of their due dates. */
  myOpenItems: z.number().int(),
  nextDueOn: z.string().nullable(),
});
export type TDealSummary = z.infer<typeof ZDealSummary>;
export const ZDealList = z.object({ items: z.array(ZDealSummary) });
export type TDealList = z.infer<typeof ZDealList>;

/** A custody photo or the legal-representative evidence, opened for a party or the broker (audited). */
export const ZDealImage = z.object({ type: z.enum(['jpeg', 'png']).nullable(), image: ZFieldView });
export type TDealImage = z.infer<typeof ZDealImage>;
