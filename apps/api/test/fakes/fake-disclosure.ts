import { createHmac } from 'node:crypto';
import type { GrantLevel } from '@sealbridge/contracts';
import type { ActiveGrant, DisclosureAccess, ListingParties } from '../../src/modules/disclosure/index.ts';
import type { InquiryCheck } from '../../src/modules/messaging/index.ts';

/**
 * Stands in for the disclosure module (on main soon) behind its port: listings with their parties, inquiries and
 * grants that a test opens and revokes. Shared by two app instances, as the real one shares the database: every
 * answer is read at call time, nothing cached. Replace with real grants once `createDisclosureService` lands.
 */
export function createFakeDisclosure() {
  const listings = new Map<string, ListingParties>();
  const inquiries = new Set<string>();
  const grants = new Map<string, ActiveGrant>();
  const key = (listingId: string, buyerAccountId: string, level?: GrantLevel) => `${listingId}|${buyerAccountId}|${level ?? ''}`;
  const alias = (listingId: string, buyerAccountId: string) =>
    `B-${createHmac('sha256', 'fake-alias-key').update(`${listingId}:${buyerAccountId}`).digest('hex').slice(0, 6).toUpperCase()}`;
  let calls = 0;

  const port: DisclosureAccess & InquiryCheck = {
    async activeGrant(listingId, buyerAccountId, level) {
      calls += 1;
      const grant = grants.get(key(listingId, buyerAccountId, level));
      // L2 and L3 need L1, as the real port says.
      if (!grant || (level !== 'L1' && !grants.has(key(listingId, buyerAccountId, 'L1')))) return null;
      return grant;
    },
    async grantsOf() {
      return [];
    },
    async partiesOf(listingId) {
      return listings.get(listingId) ?? null;
    },
    buyerAlias: alias,
    async hasInquiry(listingId, buyerAccountId) {
      return inquiries.has(key(listingId, buyerAccountId));
    },
  };

  return {
    port,
    /** How many grant checks were asked (a revocation must be seen without any cache). */
    grantChecks: () => calls,
    addListing(parties: ListingParties) {
      listings.set(parties.listingId, parties);
    },
    setBroker(listingId: string, brokerAccountId: string | null) {
      const parties = listings.get(listingId);
      if (parties) listings.set(listingId, { ...parties, brokerAccountId });
    },
    addInquiry(listingId: string, buyerAccountId: string) {
      inquiries.add(key(listingId, buyerAccountId));
    },
    grant(listingId: string, buyerAccountId: string, level: GrantLevel) {
      const at = new Date();
      grants.set(key(listingId, buyerAccountId, level), {
        grantId: `${level}-${listingId}`,
        listingId,
        listingCode: listings.get(listingId)?.listingCode ?? '',
        buyerAccountId,
        buyerAlias: alias(listingId, buyerAccountId),
        level,
        approvedAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + 30 * 86400_000).toISOString(),
      });
    },
    revoke(listingId: string, buyerAccountId: string, level: GrantLevel) {
      grants.delete(key(listingId, buyerAccountId, level));
    },
  };
}

export type FakeDisclosure = ReturnType<typeof createFakeDisclosure>;
