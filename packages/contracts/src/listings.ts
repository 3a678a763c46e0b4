import { z } from 'zod';
import { ZBoundedAmountWan, ZIsoDate, ZName, ZPlainText, zQueryInt } from './text-input.ts';

/** Generalized bands: a teaser never shows an exact establishment date or capital (see DOMAIN.md). */
export const AGE_BANDS = ['lt1', '1to3', '3to5', '5to10', 'gte10'] as const;
export const CAPITAL_BANDS = ['lt100', '100to500', '500to1000', '1000to5000', 'gte5000'] as const;
export const TAXPAYER_TYPES = ['general', 'small_scale'] as const;
export const COMPANY_TYPES = ['llc', 'sole_llc', 'joint_stock', 'partnership', 'sole_proprietorship'] as const;

export const ZListingPrice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amountWan: ZBoundedAmountWan() }),
  z.object({ kind: z.literal('negotiable') }),
]);

export const ZListingTeaser = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  province: z.string(),
  city: z.string(),
  industry: z.string(),
  companyType: z.enum(COMPANY_TYPES),
  ageBand: z.enum(AGE_BANDS),
  capitalBand: z.enum(CAPITAL_BANDS),
  taxpayerType: z.enum(TAXPAYER_TYPES),
  price: ZListingPrice,
  highlights: z.array(z.string()),
  publishedAt: z.string(),
});
export type TListingTeaser = z.infer<typeof ZListingTeaser>;

export const ZListTeasersQuery = z.object({
  page: zQueryInt(1, 10_000, 1),
  pageSize: zQueryInt(1, 100, 12),
});
export type TListTeasersQuery = z.infer<typeof ZListTeasersQuery>;

export const ZListTeasersResponse = z.object({
  items: z.array(ZListingTeaser),
  total: z.number().int(),
  /** Search counts up to a cap; true when there are more matches than `total`. */
  totalCapped: z.boolean().optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TListTeasersResponse = z.infer<typeof ZListTeasersResponse>;

export const ZMarketStats = z.object({
  publishedListings: z.number().int(),
  provinces: z.number().int(),
  industries: z.number().int(),
});
export type TMarketStats = z.infer<typeof ZMarketStats>;

// ---------------------------------------------------------------------------------------------------------------
// Issue 6: the full listing model, the seller → broker flow, guards and search.

export const LISTING_STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'under_offer', 'sold', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
/** Statuses in which a listing is visible to the public. */
export const PUBLIC_LISTING_STATUSES: readonly ListingStatus[] = ['published', 'under_offer'];
export const TAX_CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export const FILING_KINDS = ['zero', 'real'] as const;
/** Red flags buyers screen first (DOMAIN.md). */
export const RED_FLAGS = [
  'abnormal_operation',
  'serious_dishonesty',
  'abnormal_taxpayer',
  'tax_arrears',
  'administrative_penalty',
  'litigation',
  'equity_pledged',
  'equity_frozen',
] as const;
/** What is handed over at 交割. */
export const HANDOVER_ITEMS = [
  'official_seal',
  'finance_seal',
  'legal_rep_seal',
  'invoice_seal',
  'contract_seal',
  'business_licence',
  'bank_ukey',
  'tax_ukey',
  'account_books',
  'contract_archive',
] as const;
/**
 * The maintained list of licences and qualifications (资质 / 许可证) with stable codes; labels live in the web
 * locales (listings.licence.<code>). Add codes at the end; never reuse one.
 */
export const LICENCES = [
  'icp',
  'edi',
  'construction_general_3',
  'construction_general_2',
  'construction_specialist',
  'safety_production',
  'labour_dispatch',
  'hr_service',
  'food_operation',
  'medical_device_2',
  'medical_device_3',
  'import_export',
  'customs_filing',
  'road_transport',
  'radio_tv_production',
  'publication',
  'private_fund_manager',
  'high_tech',
  'environmental_engineering',
  'property_management',
  'travel_agency',
  'security_service',
] as const;
export type LicenceCode = (typeof LICENCES)[number];
export const LISTING_SORTS = ['newest', 'price_asc', 'price_desc', 'oldest_company'] as const;
export const HEADCOUNT_BANDS = ['none', 'lt10', '10to50', 'gte50'] as const;

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();
const flag = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean()).optional();

/** Search: every filter optional; `q` is full-text over teaser text (Chinese works: trigram indexes). */
export const ZListingSearchQuery = ZListTeasersQuery.extend({
  q: ZName(50, 0).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  cityCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  industry: ZName(20, 0).optional(),
  companyType: z.enum(COMPANY_TYPES).optional(),
  ageBand: csv(z.enum(AGE_BANDS)),
  capitalBand: csv(z.enum(CAPITAL_BANDS)),
  taxpayerType: z.enum(TAXPAYER_TYPES).optional(),
  taxCreditGrade: csv(z.enum(TAX_CREDIT_GRADES)),
  filingKind: z.enum(FILING_KINDS).optional(),
  licence: csv(z.enum(LICENCES)),
  hasBankAccount: flag,
  noRedFlags: flag,
  priceKind: z.enum(['fixed', 'negotiable']).optional(),
  priceMaxWan: zQueryInt(0, 1_000_000).optional(),
  sort: z.enum(LISTING_SORTS).default('newest'),
});
export type TListingSearchQuery = z.infer<typeof ZListingSearchQuery>;

/** The public detail page: still only generalized values. */
export const ZListingTeaserDetail = ZListingTeaser.extend({
  status: z.enum(['published', 'under_offer']),
  description: z.string(),
  taxCreditGrade: z.enum(TAX_CREDIT_GRADES).nullable(),
  filingKind: z.enum(FILING_KINDS).nullable(),
  hasBankAccount: z.boolean(),
  licences: z.array(z.enum(LICENCES)),
  ip: z.object({ trademarks: z.boolean(), patents: z.boolean(), softwareCopyrights: z.boolean() }),
  headcountBand: z.enum(HEADCOUNT_BANDS).nullable(),
  paidInFull: z.boolean().nullable(),
  redFlags: z.array(z.enum(RED_FLAGS)),
  handover: z.array(z.enum(HANDOVER_ITEMS)),
});
export type TListingTeaserDetail = z.infer<typeof ZListingTeaserDetail>;

/** One-line text (names, titles, labels) and multi-line text (descriptions, comments): see text-input.ts. */
const ZText = (max: number, min = 0) => ZName(max, min);
const ZLongText = (max: number, min = 0) => ZPlainText(max, min);

/** What the seller enters. Company identity goes to the vault; everything else is the listing. */
export const ZListingInput = z.object({
  title: ZText(60, 4),
  description: ZLongText(2000).default(''),
  districtCode: z.string().regex(/^\d{6}$/),
  industry: ZText(20, 2),
  companyType: z.enum(COMPANY_TYPES),
  establishedOn: ZIsoDate(),
  registeredCapitalWan: z.number().int().min(1).max(10_000_000),
  paidInCapitalWan: z.number().int().min(0).max(10_000_000).nullable().default(null),
  taxpayerType: z.enum(TAXPAYER_TYPES),
  taxCreditGrade: z.enum(TAX_CREDIT_GRADES).nullable().default(null),
  filingKind: z.enum(FILING_KINDS).nullable().default(null),
  /** The bank of the 基本户 (never an account number), or null when there is none. */
  bankAccount: ZText(30).nullable().default(null),
  licences: z.array(z.enum(LICENCES)).max(20).default([]),
  ip: z
    .object({
      trademarks: z.number().int().min(0).max(10_000),
      patents: z.number().int().min(0).max(10_000),
      softwareCopyrights: z.number().int().min(0).max(10_000),
    })
    .default({ trademarks: 0, patents: 0, softwareCopyrights: 0 }),
  socialInsuranceHeadcount: z.number().int().min(0).max(100_000).nullable().default(null),
  redFlags: z.array(z.enum(RED_FLAGS)).max(10).default([]),
  price: ZListingPrice,
  handover: z.array(z.enum(HANDOVER_ITEMS)).max(12).default([]),
  highlights: z.array(ZText(20, 1)).max(6).default([]),
  /** Names of documents the seller attaches (the files themselves arrive with the data room). */
  documentNames: z.array(ZText(120, 1)).max(20).default([]),
  company: z.object({
    name: ZText(100, 4),
    creditCode: z.string().trim().min(18).max(24),
    legalRepresentative: ZText(50, 1),
    shareholders: z.array(ZText(50, 1)).min(1).max(20),
  }),
  /** The seller agreed to have detected identifiers replaced by placeholders instead of being refused. */
  redactOnConfirm: z.boolean().default(false),
});
export type TListingInput = z.input<typeof ZListingInput>;

/** One free-text guard finding: where it is, never what it is. */
export const ZTextFinding = z.object({
  field: z.string(),
  kind: z.enum(['mobile', 'landline', 'id_card', 'uscc', 'bank_card', 'email', 'wechat', 'qq', 'company_name']),
  start: z.number().int(),
  end: z.number().int(),
});
export type TTextFinding = z.infer<typeof ZTextFinding>;

export const ZListingEvent = z.object({
  at: z.string(),
  action: z.string(),
  actorRole: z.string(),
  fromStatus: z.enum(LISTING_STATUSES),
  toStatus: z.enum(LISTING_STATUSES),
  comment: z.string().nullable(),
  checklist: z.record(z.string(), z.boolean()).nullable(),
});

export const ZReidentification = z.object({ k: z.number().int(), threshold: z.number().int(), warn: z.boolean() });

const ZMaskedText = z.object({ state: z.enum(['masked', 'absent', 'erased']), value: z.string().optional() });

/** The seller's and the reviewing broker's view: exact values, masked company identity, history, and the preview. */
export const ZListingOwnerView = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(LISTING_STATUSES),
  /** For the broker only: the same company listed elsewhere, or under an open deal. A seller always sees null. */
  reviewFlag: z.enum(['duplicate', 'locked']).nullable(),
  /** For the broker only: whether they opened the company's identity for the registry check (listing_review). */
  companyRevealed: z.boolean(),
  input: ZListingInput.omit({ company: true, redactOnConfirm: true, documentNames: true }),
  company: z.object({ name: ZMaskedText, creditCode: ZMaskedText, legalRepresentative: ZMaskedText, shareholders: ZMaskedText }),
  events: z.array(ZListingEvent),
  preview: ZListingTeaserDetail.omit({ status: true }).extend({ status: z.enum(LISTING_STATUSES) }),
  reidentification: ZReidentification,
  openDeal: z.object({ kind: z.enum(['loi', 'deposit']), recordedAt: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type TListingOwnerView = z.infer<typeof ZListingOwnerView>;

export const ZListingSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.enum(LISTING_STATUSES),
  reviewFlag: z.enum(['duplicate', 'locked']).nullable(),
  updatedAt: z.string(),
});
export const ZListingSummaries = z.object({ items: z.array(ZListingSummary) });
export type TListingSummary = z.infer<typeof ZListingSummary>;

export const REVIEW_CHECKLIST = [
  'identity_checked',
  'registry_checked',
  'teaser_anonymous',
  'red_flags_disclosed',
  'price_reasonable',
] as const;
export const ZReviewDecision = z.object({
  decision: z.enum(['approve', 'request_changes']),
  comment: ZLongText(1000).default(''),
  checklist: z.object(
    Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, z.boolean()])) as Record<(typeof REVIEW_CHECKLIST)[number], z.ZodBoolean>,
  ),
});
export type TReviewDecision = z.input<typeof ZReviewDecision>;

/** The company behind a listing, opened for the reviewing broker's registry check (purpose listing_review, audited). */
export const ZListingCompanyReveal = z.object({
  name: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  shareholders: z.array(z.string()),
});

export const ZListingStatusChange = z.object({
  action: z.enum(['withdraw', 'mark_sold', 'record_loi', 'record_deposit', 'end_deal']),
  comment: ZLongText(500).default(''),
});

export const ZSavedSearch = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  emailAlerts: z.boolean(),
  createdAt: z.string(),
});
export const ZSavedSearchInput = z.object({
  name: ZText(40, 1),
  query: z.record(z.string(), z.unknown()),
  emailAlerts: z.boolean().default(false),
});
export const ZSavedSearches = z.object({ items: z.array(ZSavedSearch) });
export const ZListingAlerts = z.object({
  items: z.array(
    z.object({ id: z.string(), savedSearchName: z.string(), listing: ZListingTeaser, createdAt: z.string(), read: z.boolean() }),
  ),
});
export const ZFavorites = z.object({ items: z.array(ZListingTeaser) });
export const ZRegions = z.object({
  provinces: z.array(z.object({ code: z.string(), name: z.string(), cities: z.array(z.object({ code: z.string(), name: z.string() })) })),
});
export type TRegions = z.infer<typeof ZRegions>;
export const ZDistricts = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });
