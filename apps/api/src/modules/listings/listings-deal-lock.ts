import { HANDOVER_ITEMS, type ListingStatus } from '@sealbridge/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import { createListingsRepo } from './listings-repo.ts';

type HandoverItem = (typeof HANDOVER_ITEMS)[number];

/** What the deal module needs to know of a listing (never the company's identity). */
export type ListingForDeal = {
  id: string;
  code: string;
  status: ListingStatus;
  sellerAccountId: string;
  brokerAccountId: string | null;
  /** What the seller said is handed over (the custody ledger starts from it). */
  handover: HandoverItem[];
};

export type DealLockActor = AuditActor & { accountId: string };

/**
 * The exclusivity lock (anti 一股二卖) as the deal module drives it. The listings module keeps the lock
 * (`listing_deals`, keyed by the credit code's blind index) and the listing's status; the deal module decides when:
 * a letter of intent or deposit takes the lock (published → under offer), the closing sells the listing to the
 * deal's buyer, a cancellation gives it back (under offer → published). Each call runs in the caller's
 * transaction, so the deal's stage and the listing's status never disagree.
 */
export function createListingsDealLock(deps: { db: Kysely<Database>; audit: Pick<AuditPort, 'appendInTransaction'>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function move(
    trx: Transaction<Database>,
    listingId: string,
    actor: DealLockActor,
    requestId: string | null,
    action: string,
    from: ListingStatus,
    to: ListingStatus,
  ) {
    const repo = createListingsRepo(trx);
    const at = now().toISOString();
    const company = await repo.companyOf(listingId);
    await repo.update(listingId, { status: to, updated_at: at });
    await repo.insertEvent({
      id: newId(),
      listing_id: listingId,
      at,
      actor_account_id: actor.accountId,
      actor_role: 'broker',
      action,
      from_status: from,
      to_status: to,
      comment: null,
      checklist: null,
    });
    await deps.audit.appendInTransaction(trx, {
      type: 'listings.status_changed',
      actor,
      decision: 'allowed',
      subjectId: company?.subject_id ?? null,
      requestId,
      data: { listingId, action, from, to },
    });
    return company;
  }

  /** Whether a company (by its credit code's blind index) is under an open deal on a listing other than `exceptListingId`. */
  async function isCompanyLocked(creditCodeBidx: string | null, exceptListingId: string): Promise<boolean> {
    if (!creditCodeBidx) return false;
    return (await createListingsRepo(deps.db).openDealsFor(creditCodeBidx)).some((d) => d.listing_id !== exceptListingId);
  }

  return {
    async listingForDeal(listingId: string): Promise<ListingForDeal | null> {
      const row = await createListingsRepo(deps.db).findById(listingId);
      if (!row) return null;
      const handover = (JSON.parse(row.handover ?? '[]') as unknown[]).filter((v): v is HandoverItem =>
        (HANDOVER_ITEMS as readonly unknown[]).includes(v),
      );
      return {
        id: row.id,
        code: row.code,
        status: row.status,
        sellerAccountId: row.seller_account_id ?? '',
        brokerAccountId: row.broker_account_id ?? null,
        handover,
      };
    },

    isCompanyLocked,
    /** The listings a broker advises now (after a reassignment, the new adviser's). */
    listingIdsAdvisedBy: (brokerAccountId: string) => createListingsRepo(deps.db).idsAdvisedBy(brokerAccountId),
    /** The check the listing flow calls for a listing's own company: locked by a deal on another listing? */
    async isListingCompanyLocked(listingId: string): Promise<boolean> {
      const company = await createListingsRepo(deps.db).companyOf(listingId);
      return isCompanyLocked(company?.credit_code_bidx ?? null, listingId);
    },

    /**
     * Takes the lock for a deal: only a published listing, only while no other listing of the same company is
     * locked (`LISTING_LOCKED`, shown to the broker only). A race between two brokers ends on the unique index.
     */
    async lock(
      trx: Transaction<Database>,
      input: {
        listingId: string;
        dealId: string;
        buyerAccountId: string;
        kind: 'loi' | 'deposit';
        actor: DealLockActor;
        requestId: string | null;
      },
    ) {
      const repo = createListingsRepo(trx);
      const listing = await repo.findById(input.listingId);
      if (!listing || listing.status !== 'published')
        throw new AppError('CONFLICT', `cannot lock a listing in ${listing?.status ?? 'no'} status`);
      const company = await repo.companyOf(input.listingId);
      const bidx = company?.credit_code_bidx ?? null;
      if (bidx && (await repo.openDealsFor(bidx)).length > 0) throw new AppError('LISTING_LOCKED', 'company under an open deal');
      await repo
        .insertDeal({
          id: newId(),
          listing_id: input.listingId,
          credit_code_bidx: bidx,
          kind: input.kind,
          recorded_by: input.actor.accountId,
          recorded_at: now().toISOString(),
          ended_at: null,
          outcome: null,
          deal_id: input.dealId,
          buyer_account_id: input.buyerAccountId,
        })
        .catch(() => {
          throw new AppError('LISTING_LOCKED', 'company locked meanwhile');
        });
      await deps.audit.appendInTransaction(trx, {
        type: 'listings.deal_recorded',
        actor: input.actor,
        decision: 'allowed',
        subjectId: company?.subject_id ?? null,
        requestId: input.requestId,
        data: { listingId: input.listingId, kind: input.kind },
      });
      await move(
        trx,
        input.listingId,
        input.actor,
        input.requestId,
        input.kind === 'loi' ? 'record_loi' : 'record_deposit',
        'published',
        'under_offer',
      );
    },

    /** Ends the deal's lock: `closed` sells the listing (the buyer is on the lock's row), `cancelled` republishes it. */
    async end(
      trx: Transaction<Database>,
      input: { listingId: string; dealId: string; outcome: 'closed' | 'cancelled'; actor: DealLockActor; requestId: string | null },
    ) {
      const repo = createListingsRepo(trx);
      const open = await repo.openDealOf(input.listingId);
      if (!open || open.deal_id !== input.dealId) return;
      await repo.endDeal(open.id, now().toISOString(), input.outcome);
      const company = await move(
        trx,
        input.listingId,
        input.actor,
        input.requestId,
        input.outcome === 'closed' ? 'mark_sold' : 'end_deal',
        'under_offer',
        input.outcome === 'closed' ? 'sold' : 'published',
      );
      await deps.audit.appendInTransaction(trx, {
        type: 'listings.deal_ended',
        actor: input.actor,
        decision: 'allowed',
        subjectId: company?.subject_id ?? null,
        requestId: input.requestId,
        data: { listingId: input.listingId, outcome: input.outcome },
      });
    },

    /** Who bought a sold listing (the buyer of the deal that closed on it), or null. */
    async buyerOf(listingId: string): Promise<string | null> {
      return (await createListingsRepo(deps.db).closedDealOf(listingId))?.buyer_account_id ?? null;
    },
  };
}

export type ListingsDealLock = ReturnType<typeof createListingsDealLock>;
