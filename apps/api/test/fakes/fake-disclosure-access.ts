import { createHash } from 'node:crypto';
import type { TGrantSummary } from '@sealbridge/contracts';
import type { ActiveGrant, DisclosureAccess, ListingParties } from '../../src/modules/disclosure/disclosure-access.ts';

/**
 * TEMPORARY stand-in for the disclosure module's L2 grants, until `createDisclosureService` lands on main (then the
 * data room's tests create real grants through it and this file goes). It answers from memory, with no caching
 * anywhere: every call reads the current state, as the real port does, and two app instances given the same fake
 * share it the way two instances share the database.
 */
export function createFakeDisclosureAccess(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const parties = new Map<string, ListingParties>();
  const grants = new Map<string, TGrantSummary & { buyerAccountId: string }>();
  const alias = (listingId: string, buyerAccountId: string) => `B-${createHash('sha256').update(`${listingId}:${buyerAccountId}`).digest('hex').slice(0, 6).toUpperCase()}`;
  const isActive = (g: TGrantSummary) => g.state === 'approved' && g.expiresAt !== null && Date.parse(g.expiresAt) > now().getTime();

  const access: DisclosureAccess = {
    async activeGrant(listingId, buyerAccountId, level) {
      const g = [...grants.values()].find((x) => x.listingId === listingId && x.buyerAccountId === buyerAccountId && x.level === level && isActive(x));
      if (!g || !g.decidedAt || !g.expiresAt) return null;
      const active: ActiveGrant = { grantId: g.grantId, listingId, listingCode: g.listingCode, buyerAccountId, buyerAlias: g.buyerAlias, level, approvedAt: g.decidedAt, expiresAt: g.expiresAt };
      return active;
    },
    async grantsOf(listingId, level) {
      return [...grants.values()].filter((g) => g.listingId === listingId && g.level === level).map(({ buyerAccountId: _b, ...g }) => ({ ...g, active: isActive(g), state: g.state === 'approved' && !isActive(g) ? 'expired' : g.state }));
    },
    async partiesOf(listingId) {
      return parties.get(listingId) ?? null;
    },
    buyerAlias: alias,
  };

  return {
    access,
    addListing(p: ListingParties) {
      parties.set(p.listingId, p);
    },
    /** An approved L2 grant for `days` days from now. */
    approve(listingId: string, buyerAccountId: string, days = 30): string {
      const p = parties.get(listingId);
      if (!p) throw new Error('unknown listing');
      const at = now();
      const grantId = `g-${createHash('sha256').update(`${listingId}:${buyerAccountId}:${grants.size}`).digest('hex').slice(0, 12)}`;
      grants.set(grantId, {
        grantId,
        buyerAccountId,
        listingId,
        listingCode: p.listingCode,
        buyerAlias: alias(listingId, buyerAccountId),
        level: 'L2',
        state: 'approved',
        requestedAt: at.toISOString(),
        decidedAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + days * 86_400_000).toISOString(),
        active: true,
      });
      return grantId;
    },
    revoke(grantId: string) {
      const g = grants.get(grantId);
      if (g) g.state = 'revoked';
    },
  };
}
