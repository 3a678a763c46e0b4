import type { GrantLevel, TGrantSummary } from '@sealbridge/contracts';

/** A grant whose every precondition holds right now. */
export type ActiveGrant = {
  grantId: string;
  listingId: string;
  listingCode: string;
  buyerAccountId: string;
  /** The buyer's per-listing pseudonym (B-…), the only way the seller and the UI name the buyer. */
  buyerAlias: string;
  level: GrantLevel;
  approvedAt: string;
  expiresAt: string;
};

/** The people on the sell side of a listing. */
export type ListingParties = {
  listingId: string;
  listingCode: string;
  sellerAccountId: string;
  /** The seller's assigned adviser; null only before assignment. */
  brokerAccountId: string | null;
};

/**
 * What other modules (the data room at L2, messages at L3, deals) ask the disclosure module. Every answer is read
 * from the database on each call — nothing is cached — so a grant revoked, expired or left without the seller's
 * consent on one instance is refused by the very next request on any instance.
 */
export type DisclosureAccess = {
  /**
   * The buyer's grant at `level` on the listing if it is active now: approved, not expired, not revoked, the
   * lower levels active too (L2 and L3 need L1), the buyer verified and under a signed NDA, and — for L1 and L3 —
   * the seller's separate consent naming this buyer in force. Null otherwise (never a reason: callers answer
   * NOT_FOUND / FORBIDDEN without telling which precondition failed).
   */
  activeGrant(listingId: string, buyerAccountId: string, level: GrantLevel): Promise<ActiveGrant | null>;
  /** Every grant of a level on a listing, with its state as the seller sees it (for the who-sees-what matrices). */
  grantsOf(listingId: string, level: GrantLevel): Promise<TGrantSummary[]>;
  /** The listing's seller and adviser; null when no such listing exists. */
  partiesOf(listingId: string): Promise<ListingParties | null>;
  /** The buyer's pseudonym on a listing (stable; derived with a keyed digest, so it links nothing across listings). */
  buyerAlias(listingId: string, buyerAccountId: string): string;
  /**
   * The buyer account behind a grant, for notices to that buyer and for starting a deal from a grant — never to be
   * shown to the sell side (which knows the buyer by alias only). Null for an unknown grant.
   */
  buyerOfGrant(grantId: string): Promise<string | null>;
};
