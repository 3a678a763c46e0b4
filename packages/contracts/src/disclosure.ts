import { z } from 'zod';

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
