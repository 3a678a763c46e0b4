import { z } from 'zod';
import { ZName, ZPlainText } from './text-input.ts';

/**
 * The disclosure path (DESIGN.md "The deal path"): what a buyer may see of a listing, level by level. L0 is the
 * public teaser; every higher level is a grant per buyer per listing that expires and can be revoked at once.
 * Which fields each level opens is declared once, in the API (`modules/disclosure/disclosure-levels.ts`), and the
 * API, the UI and the privacy notice all read that declaration.
 */
export const DISCLOSURE_LEVELS = ['L0', 'L1', 'L2', 'L3'] as const;
export type DisclosureLevel = (typeof DISCLOSURE_LEVELS)[number];

/** The levels that are granted (L0 is public). */
export const GRANT_LEVELS = ['L1', 'L2', 'L3'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

/**
 * A grant's life: requested → approved / declined → expired (default 30 days, renewable) or revoked at any time.
 * `consent_withdrawn` is not stored: it is how an approved grant shows once the seller's consent naming the buyer
 * is no longer in force.
 */
export const GRANT_STATES = ['requested', 'approved', 'declined', 'expired', 'revoked'] as const;
export type GrantState = (typeof GRANT_STATES)[number];
export const GRANT_VIEW_STATES = [...GRANT_STATES, 'consent_withdrawn'] as const;
export type GrantViewState = (typeof GRANT_VIEW_STATES)[number];

/** Default life of an approved grant, in days; renewal starts a new period of the same length. */
export const GRANT_DEFAULT_DAYS = 30;

export const BUYER_TYPES = ['individual', 'company', 'investment_fund', 'agency_for_client'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];
/** Budget bands in 万元 (never an exact figure). */
export const BUDGET_BANDS = ['lt50', '50to100', '100to300', '300to1000', 'gte1000'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];
export const PURCHASE_TIMELINES = ['within_1m', '1to3m', '3to6m', 'over_6m'] as const;
export type PurchaseTimeline = (typeof PURCHASE_TIMELINES)[number];

export const ZGrantSummary = z.object({
  grantId: z.string(),
  listingId: z.string(),
  listingCode: z.string(),
  /**
   * The buyer as the seller sees them: a pseudonym per listing ("B-7K3QX2"), keyed so that two listings of one
   * seller cannot be linked to the same buyer by it. Never a name or the buyer's customer number.
   */
  buyerAlias: z.string(),
  level: z.enum(GRANT_LEVELS),
  state: z.enum(GRANT_VIEW_STATES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** True only when every precondition holds now (approved, unexpired, consent in force, NDA, verification). */
  active: z.boolean(),
});
export type TGrantSummary = z.infer<typeof ZGrantSummary>;

/**
 * What each level opens — the one declaration the API (reveals, the L1 view), the UI (what a buyer is asking for,
 * what a seller is consenting to) and the privacy center read. `personalFields` are registry keys opened through the
 * vault; `listingFacts` are the exact listing values the teaser only shows in bands.
 */
export const DISCLOSURE_LEVEL_CONTENTS = {
  L0: {
    personalFields: [],
    listingFacts: [],
    label: { 'zh-CN': 'L0 匿名简介', en: 'L0 Anonymized teaser' },
    description: {
      'zh-CN': '公开页面：地区、行业、成立年限与注册资本区间、纳税人类型、价格。',
      en: 'The public page: region, industry, age and capital bands, taxpayer type, price.',
    },
  },
  L1: {
    personalFields: [
      'listing_companies.company_name',
      'listing_companies.credit_code',
      'listing_companies.legal_representative',
      'listing_companies.shareholders',
    ],
    listingFacts: [
      'establishedOn',
      'district',
      'registeredCapitalWan',
      'paidInCapitalWan',
      'taxCreditGrade',
      'filingKind',
      'bankAccount',
      'socialInsuranceHeadcount',
      'ipCounts',
    ],
    label: { 'zh-CN': 'L1 公司身份与财务概要', en: 'L1 Company identity and financial summary' },
    description: {
      'zh-CN':
        '公司名称、统一社会信用代码、法定代表人、股东，以及成立日期、所在区县、注册与实缴资本、纳税信用等级、申报情况、开户银行、社保人数、知识产权数量的准确值。',
      en: 'Company name, credit code, legal representative, shareholders, and the exact founding date, district, registered and paid-in capital, tax credit grade, filing record, bank, insured headcount and IP counts.',
    },
  },
  L2: {
    personalFields: [],
    listingFacts: ['dataRoom'],
    label: { 'zh-CN': 'L2 数据室', en: 'L2 Data room' },
    description: {
      'zh-CN': '尽职调查数据室：逐份文件授权，页面带有查看人专属水印。',
      en: 'The due-diligence data room: documents granted one by one, pages watermarked for each viewer.',
    },
  },
  L3: {
    personalFields: ['account_profiles.real_name', 'account_profiles.mobile'],
    listingFacts: [],
    label: { 'zh-CN': 'L3 双方直接联系方式', en: 'L3 Direct contacts of the parties' },
    description: {
      'zh-CN': '买卖双方的姓名和手机号码；须双方各自单独同意。',
      en: 'The names and mobile numbers of buyer and seller; each side consents separately.',
    },
  },
} as const satisfies Record<
  DisclosureLevel,
  {
    personalFields: readonly string[];
    listingFacts: readonly string[];
    label: Record<'zh-CN' | 'en', string>;
    description: Record<'zh-CN' | 'en', string>;
  }
>;

// ---------------------------------------------------------------------------------------------------------------
// Inquiries (申请查看详情)

/** Free text the identifier guard checks too: no control, bidi or invisible characters (text-input.ts). */
const guardedText = (max: number) => ZPlainText(max);

export const ZInquiryRequest = z.object({
  buyerType: z.enum(BUYER_TYPES),
  budgetBand: z.enum(BUDGET_BANDS),
  timeline: z.enum(PURCHASE_TIMELINES),
  note: guardedText(500).default(''),
});
export type TInquiryRequest = z.input<typeof ZInquiryRequest>;

export const INQUIRY_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const CONSENT_STATES = ['not_asked', 'given', 'refused', 'withdrawn'] as const;
export const PROOF_OF_FUNDS_STATES = ['not_required', 'missing', 'pending', 'approved', 'rejected'] as const;

export const ZLevelState = z.object({
  level: z.enum(GRANT_LEVELS),
  state: z.enum([...GRANT_VIEW_STATES, 'none']),
  expiresAt: z.string().nullable(),
  active: z.boolean(),
  decisionReason: z.string().nullable(),
});

/** The consent purpose behind each level that rests on a separate consent; the recipient is `inquiry:<id>`. */
export const DISCLOSURE_CONSENT_PURPOSES = { L1: 'deal_disclosure', L3: 'deal_execution' } as const;

/** What an adviser's approval may still wait for (`details.missing` of DISCLOSURE_PRECONDITIONS), as codes. */
export const DISCLOSURE_PRECONDITION_CODES = [
  'listing_not_public',
  'inquiry_not_accepted',
  'buyer_not_verified',
  'nda_not_signed',
  'proof_of_funds',
  'seller_consent',
  'buyer_consent',
  'l1_not_active',
] as const;
export type DisclosurePrecondition = (typeof DISCLOSURE_PRECONDITION_CODES)[number];

/** The preconditions of L1 as both sides see them (codes, never values). */
export const ZPreconditions = z.object({
  buyerVerified: z.boolean(),
  ndaSigned: z.boolean(),
  proofOfFunds: z.enum(PROOF_OF_FUNDS_STATES),
  sellerConsentL1: z.enum(CONSENT_STATES),
  sellerConsentL3: z.enum(CONSENT_STATES),
  buyerConsentL3: z.enum(CONSENT_STATES),
});

export const ZBuyerInquiry = z.object({
  id: z.string(),
  listingId: z.string(),
  listingCode: z.string(),
  listingTitle: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  buyerType: z.enum(BUYER_TYPES),
  budgetBand: z.enum(BUDGET_BANDS),
  timeline: z.enum(PURCHASE_TIMELINES),
  note: z.string(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  levels: z.array(ZLevelState),
  preconditions: ZPreconditions,
});
export type TBuyerInquiry = z.infer<typeof ZBuyerInquiry>;
export const ZBuyerInquiries = z.object({ items: z.array(ZBuyerInquiry) });

/** The sell side's view of an inquiry: the buyer by alias, badge and bands only. */
export const ZSellSideInquiry = z.object({
  id: z.string(),
  listingId: z.string(),
  listingCode: z.string(),
  listingTitle: z.string(),
  buyerAlias: z.string(),
  buyerVerified: z.boolean(),
  buyerType: z.enum(BUYER_TYPES),
  budgetBand: z.enum(BUDGET_BANDS),
  timeline: z.enum(PURCHASE_TIMELINES),
  note: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  levels: z.array(ZLevelState),
  preconditions: ZPreconditions,
  ndaSignatureId: z.string().nullable(),
  proofOfFundsId: z.string().nullable(),
});
export type TSellSideInquiry = z.infer<typeof ZSellSideInquiry>;
export const ZSellSideInquiries = z.object({ items: z.array(ZSellSideInquiry) });

export const ZInquiryDecision = z.object({ decision: z.enum(['accept', 'decline']), reason: guardedText(500).default('') });
export const ZGrantDecision = z.object({
  decision: z.enum(['approve', 'decline']),
  reason: guardedText(500).default(''),
  days: z.number().int().min(1).max(180).default(GRANT_DEFAULT_DAYS),
});
export const ZGrantRevoke = z.object({ reason: guardedText(500).default('') });
export const ZLevelRequest = z.object({ level: z.enum(['L2', 'L3']) });

/** The separate consent the product asks for, shown exactly as the person reads it (its hash is recorded). */
export const ZDisclosureConsentRequest = z.object({
  level: z.enum(['L1', 'L3']),
  decision: z.enum(['given', 'refused']),
  noticeVersion: z.number().int().min(1),
  uiTextHash: z.string().regex(/^[0-9a-f]{64}$/),
});

// The seller's control panel: who can see what, until when, with the history.
export const ZGrantEvent = z.object({
  at: z.string(),
  level: z.enum(GRANT_LEVELS),
  action: z.string(),
  actorRole: z.string(),
  reason: z.string().nullable(),
});
export const ZControlPanel = z.object({
  listingId: z.string(),
  listingCode: z.string(),
  requiresProofOfFunds: z.boolean(),
  buyers: z.array(
    z.object({
      inquiryId: z.string(),
      buyerAlias: z.string(),
      buyerVerified: z.boolean(),
      levels: z.array(ZLevelState.extend({ grantId: z.string().nullable() })),
    }),
  ),
  history: z.array(ZGrantEvent.extend({ buyerAlias: z.string() })),
});
export type TControlPanel = z.infer<typeof ZControlPanel>;

// ---------------------------------------------------------------------------------------------------------------
// The L1 view: company identity and financial summary, opened for one buyer.

const revealedText = z.object({ state: z.enum(['revealed', 'erased', 'absent']), value: z.string().optional() });
export const ZL1Disclosure = z.object({
  listingId: z.string(),
  listingCode: z.string(),
  expiresAt: z.string(),
  company: z.object({ name: revealedText, creditCode: revealedText, legalRepresentative: revealedText, shareholders: z.array(z.string()) }),
  facts: z.object({
    establishedOn: z.string().nullable(),
    district: z.string().nullable(),
    registeredCapitalWan: z.number(),
    paidInCapitalWan: z.number().nullable(),
    taxCreditGrade: z.string().nullable(),
    filingKind: z.string().nullable(),
    bankAccount: z.string().nullable(),
    socialInsuranceHeadcount: z.number().nullable(),
    ipCounts: z.object({ trademarks: z.number(), patents: z.number(), softwareCopyrights: z.number() }),
  }),
});
export type TL1Disclosure = z.infer<typeof ZL1Disclosure>;

/** L3: the other party's name and mobile, opened under both sides' consents. */
export const ZL3Contacts = z.object({
  listingCode: z.string(),
  counterpartyRole: z.enum(['seller', 'buyer']),
  name: revealedText,
  mobile: revealedText,
});

// ---------------------------------------------------------------------------------------------------------------
// Proof of funds (per listing, when the seller asks for it)

export const ZProofOfFundsUpload = z.object({
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  /** The document's bytes, base64; at most 3 MiB of bytes. */
  contentBase64: z
    .string()
    .min(8)
    .max(4 * 1024 * 1024),
});
export const ZProofOfFundsReview = z.object({ decision: z.enum(['approve', 'reject']), reason: guardedText(500).default('') });
export const ZDisclosureSettings = z.object({ requiresProofOfFunds: z.boolean() });

// ---------------------------------------------------------------------------------------------------------------
// Click-wrap NDA

export const NDA_VARIABLES = ['listingCode', 'buyerAlias', 'buyerName', 'sellerName', 'termMonths', 'effectiveDate', 'platform'] as const;
export const ZNdaTemplateInput = z.object({
  titleZh: ZName(100, 2),
  bodyZh: ZPlainText(20_000, 50),
  titleEn: ZName(100, 2),
  bodyEn: ZPlainText(20_000, 50),
  termMonths: z.number().int().min(1).max(120),
});
export const ZNdaTemplate = ZNdaTemplateInput.extend({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type TNdaTemplate = z.infer<typeof ZNdaTemplate>;
export const ZNdaTemplates = z.object({ items: z.array(ZNdaTemplate) });

/** The text a buyer reads before ticking: rendered for this listing and buyer; its hash is what they sign. */
export const ZNdaPreview = z.object({
  version: z.number().int(),
  title: z.object({ 'zh-CN': z.string(), en: z.string() }),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
  textSha256: z.string(),
  termMonths: z.number().int(),
  signed: z.boolean(),
  /** The buyer's signature on this listing, once signed: the key to the certificate download. */
  signatureId: z.string().nullable(),
});
export const ZNdaSignRequest = z.object({
  version: z.number().int().min(1),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  accepted: z.literal(true),
});
export const ZNdaSignature = z.object({
  id: z.string(),
  listingCode: z.string(),
  buyerAlias: z.string(),
  templateVersion: z.number().int(),
  signedAt: z.string(),
  deviceLabel: z.string(),
  textSha256: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type TNdaSignature = z.infer<typeof ZNdaSignature>;
export const ZNdaCertificateCheck = z.object({
  pdfBase64: z
    .string()
    .min(8)
    .max(8 * 1024 * 1024),
});
export const ZNdaCertificateResult = z.object({
  valid: z.boolean(),
  /** Why not, as a code: not_a_certificate, unknown_certificate, signature_invalid, record_changed. */
  reason: z.enum(['ok', 'not_a_certificate', 'unknown_certificate', 'signature_invalid', 'record_changed']),
  listingCode: z.string().nullable(),
  signedAt: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
});

// ---------------------------------------------------------------------------------------------------------------
// Advisers (顾问): everyone gets one

export const ZMyAdviser = z.object({
  assigned: z.boolean(),
  staffNo: z.string().nullable(),
  since: z.string().nullable(),
});
export const ZAdviserAssignment = z.object({
  customerAccountId: z.string(),
  customerNo: z.string(),
  roles: z.array(z.string()),
  brokerAccountId: z.string().nullable(),
  brokerStaffNo: z.string().nullable(),
  since: z.string().nullable(),
});
export const ZAdviserAssignments = z.object({
  items: z.array(ZAdviserAssignment),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const ZBrokerOption = z.object({ accountId: z.string(), staffNo: z.string(), load: z.number().int() });
export const ZAdviserRule = z.object({
  id: z.string(),
  provinceCode: z.string().nullable(),
  industry: z.string().nullable(),
  brokerAccountId: z.string(),
  brokerStaffNo: z.string(),
  createdAt: z.string(),
});
export const ZAdviserRuleInput = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  industry: ZName(40).nullable(),
  brokerAccountId: z.string().min(1).max(64),
});
export const ZAdvisersOverview = z.object({ rules: z.array(ZAdviserRule), brokers: z.array(ZBrokerOption) });
export const ZAdviserReassignRequest = z.object({ brokerAccountId: z.string().min(1).max(64) });

// Types of the request and response shapes above that the web app names (issue 11 UI).
export type TDisclosureConsentRequest = z.infer<typeof ZDisclosureConsentRequest>;
export type TProofOfFundsUpload = z.infer<typeof ZProofOfFundsUpload>;
export type TNdaPreview = z.infer<typeof ZNdaPreview>;
export type TL3Contacts = z.infer<typeof ZL3Contacts>;
export type TLevelState = z.infer<typeof ZLevelState>;
export type TNdaTemplateInput = z.infer<typeof ZNdaTemplateInput>;
export type TNdaCertificateResult = z.infer<typeof ZNdaCertificateResult>;
export type TMyAdviser = z.infer<typeof ZMyAdviser>;
export type TAdviserAssignment = z.infer<typeof ZAdviserAssignment>;
export type TAdviserAssignments = z.infer<typeof ZAdviserAssignments>;
export type TAdviserRule = z.infer<typeof ZAdviserRule>;
export type TAdvisersOverview = z.infer<typeof ZAdvisersOverview>;
export type TAdviserRuleInput = z.infer<typeof ZAdviserRuleInput>;
