import { createHash } from 'node:crypto';
import type { GrantLevel } from '@sealbridge/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { ActiveGrant, DisclosureAccess } from '../../src/modules/disclosure/disclosure-access.ts';

/**
 * TEMPORARY stand-in for the disclosure module's DisclosureAccess until it lands on main (then the deal tests grant
 * L1 through the real flow and this file goes). Grants live in memory; the parties are read from the listing.
 */
export function createFakeDisclosureAccess(db: () => Kysely<Database>) {
  const grants = new Set<string>();
  const key = (listingId: string, buyer: string, level: GrantLevel) => `${listingId}:${buyer}:${level}`;
  const alias = (listingId: string, buyer: string) => `B-${createHash('sha256').update(`${listingId}:${buyer}`).digest('hex').slice(0, 6).toUpperCase()}`;
  const access: DisclosureAccess & { grant: (listingId: string, buyer: string, level?: GrantLevel) => void; revoke: (listingId: string, buyer: string, level?: GrantLevel) => void } = {
    grant: (listingId, buyer, level = 'L1') => void grants.add(key(listingId, buyer, level)),
    revoke: (listingId, buyer, level = 'L1') => void grants.delete(key(listingId, buyer, level)),
    async activeGrant(listingId, buyerAccountId, level): Promise<ActiveGrant | null> {
      if (!grants.has(key(listingId, buyerAccountId, level))) return null;
      const listing = await db().selectFrom('listings').select(['code']).where('id', '=', listingId).executeTakeFirst();
      const at = new Date().toISOString();
      return { grantId: `g-${listingId}`, listingId, listingCode: listing?.code ?? '', buyerAccountId, buyerAlias: alias(listingId, buyerAccountId), level, approvedAt: at, expiresAt: at };
    },
    grantsOf: async () => [],
    async partiesOf(listingId) {
      const row = await db().selectFrom('listings').select(['code', 'seller_account_id', 'broker_account_id']).where('id', '=', listingId).executeTakeFirst();
      return row ? { listingId, listingCode: row.code, sellerAccountId: row.seller_account_id ?? '', brokerAccountId: row.broker_account_id ?? null } : null;
    },
    buyerAlias: alias,
  };
  return access;
}
