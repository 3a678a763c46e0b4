import { PUBLIC_LISTING_STATUSES, type TBuyerInquiry, type TInquiryRequest, type TSellSideInquiry } from '@sealbridge/contracts';
import type { z } from 'zod';
import type { ZInquiryRequest } from '@sealbridge/contracts';
import type { InquiriesTable, ListingsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import {
  actorOf,
  buyerAliasWith,
  createPairReader,
  guardText,
  isAdviser,
  isSeller,
  levelsOf,
  type DisclosureDeps,
  type PairFacts,
  sellerOf,
} from './disclosure-core.ts';
import { createDisclosureRepo } from './disclosure-repo.ts';

type InquiryInput = z.output<typeof ZInquiryRequest>;

/** Inquiries (申请查看详情): a buyer asks; the seller or the adviser accepts or declines with a reason the buyer sees. */
export function createInquiries(deps: DisclosureDeps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const readPair = createPairReader(deps);
  const alias = (listingId: string, buyerId: string) => buyerAliasWith(deps.vault, listingId, buyerId);

  function preconditions(f: PairFacts) {
    return {
      buyerVerified: f.buyerVerified,
      ndaSigned: f.ndaSignatureId !== null,
      proofOfFunds: f.proofOfFunds,
      sellerConsentL1: f.consent.sellerL1,
      sellerConsentL3: f.consent.sellerL3,
      buyerConsentL3: f.consent.buyerL3,
    };
  }

  /** What both sides see of an inquiry: the listing, the bands, the status, each level and what is still missing. */
  function common(listing: ListingsTable, inquiry: InquiriesTable, f: PairFacts) {
    return {
      id: inquiry.id,
      listingId: listing.id,
      listingCode: listing.code,
      listingTitle: listing.title,
      status: inquiry.status,
      buyerType: inquiry.buyer_type as TBuyerInquiry['buyerType'],
      budgetBand: inquiry.budget_band as TBuyerInquiry['budgetBand'],
      timeline: inquiry.timeline as TBuyerInquiry['timeline'],
      note: inquiry.note,
      decisionReason: inquiry.decision_reason,
      createdAt: inquiry.created_at,
      levels: levelsOf(f, now()).views.map(({ grantId: _g, ...v }) => v),
      preconditions: preconditions(f),
    };
  }

  async function buyerView(listing: ListingsTable, inquiry: InquiriesTable): Promise<TBuyerInquiry> {
    return common(listing, inquiry, await readPair(listing, inquiry));
  }

  async function sellSideView(listing: ListingsTable, inquiry: InquiriesTable): Promise<TSellSideInquiry> {
    const f = await readPair(listing, inquiry);
    return {
      ...common(listing, inquiry, f),
      buyerAlias: alias(listing.id, inquiry.buyer_account_id),
      buyerVerified: f.buyerVerified,
      ndaSignatureId: f.ndaSignatureId,
      proofOfFundsId: f.proofOfFundsId,
    };
  }

  /** The inquiry and its listing, for the seller of the listing or its adviser; NOT_FOUND for anyone else. */
  async function sellSideInquiry(principal: Principal, inquiryId: string) {
    const inquiry = await repo.inquiry(inquiryId);
    const listing = inquiry && (await repo.listing(inquiry.listing_id));
    if (!inquiry || !listing || !(isSeller(principal, listing) || isAdviser(principal, listing))) throw new AppError('NOT_FOUND');
    return { inquiry, listing };
  }

  /** The buyer's own inquiry and its listing; NOT_FOUND for anyone else. */
  async function ownInquiry(principal: Principal, inquiryId: string) {
    const inquiry = await repo.inquiry(inquiryId);
    const listing = inquiry && inquiry.buyer_account_id === principal.accountId ? await repo.listing(inquiry.listing_id) : undefined;
    if (!inquiry || !listing) throw new AppError('NOT_FOUND');
    return { inquiry, listing };
  }

  return {
    sellSideInquiry,
    ownInquiry,
    buyerView,
    sellSideView,

    /** 申请查看详情 on a public listing: the note is guarded; the buyer gets an adviser; L1 is requested. */
    async create(principal: Principal, code: string, input: InquiryInput, requestId?: string): Promise<TBuyerInquiry> {
      const listing = await repo.listingByCode(code);
      if (!listing || !PUBLIC_LISTING_STATUSES.includes(listing.status)) throw new AppError('NOT_FOUND');
      if (sellerOf(listing) === principal.accountId) throw new AppError('CONFLICT', 'own listing');
      guardText([{ field: 'note', text: input.note }]);
      if (await repo.inquiryOf(listing.id, principal.accountId)) throw new AppError('INQUIRY_EXISTS');
      await deps.advisers.ensureAdviser(
        principal.accountId,
        { provinceCode: listing.province_code ?? null, industry: listing.industry },
        'first_inquiry',
      );
      const at = now().toISOString();
      const inquiry: InquiriesTable = {
        id: newId(),
        listing_id: listing.id,
        buyer_account_id: principal.accountId,
        buyer_type: input.buyerType,
        budget_band: input.budgetBand,
        timeline: input.timeline,
        note: input.note,
        status: 'open',
        created_at: at,
        updated_at: at,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
      };
      const grantId = newId();
      try {
        await repo.transaction(async (trx) => {
          const tx = createDisclosureRepo(trx);
          await tx.insertInquiry(inquiry);
          await tx.requestGrant({
            grantId,
            renew: false,
            listingId: listing.id,
            buyerAccountId: principal.accountId,
            inquiryId: inquiry.id,
            level: 'L1',
            at,
            eventId: newId(),
          });
          await deps.audit.appendInTransaction(trx, {
            type: 'disclosure.inquiry_created',
            actor: actorOf(principal),
            decision: 'allowed',
            requestId: requestId ?? null,
            data: { listingId: listing.id, inquiryId: inquiry.id },
          });
        });
      } catch (error) {
        // Two tabs racing: the unique (listing, buyer) index answers the second.
        if (await repo.inquiryOf(listing.id, principal.accountId)) throw new AppError('INQUIRY_EXISTS');
        throw error;
      }
      const buyer = alias(listing.id, principal.accountId);
      await deps.notifications.notifyMany([
        { accountId: sellerOf(listing), kind: 'inquiry_received', params: { code: listing.code, buyer }, link: '/account/buyer-requests' },
        ...(listing.broker_account_id
          ? [
              {
                accountId: listing.broker_account_id,
                kind: 'inquiry_received' as const,
                params: { code: listing.code, buyer },
                link: '/console/inquiries',
              },
            ]
          : []),
      ]);
      return buyerView(listing, inquiry);
    },

    async mine(principal: Principal) {
      const inquiries = await repo.inquiriesOfBuyer(principal.accountId);
      const listings = new Map((await repo.listingsByIds(inquiries.map((i) => i.listing_id))).map((l) => [l.id, l]));
      const items: TBuyerInquiry[] = [];
      for (const inquiry of inquiries) {
        const listing = listings.get(inquiry.listing_id);
        if (listing) items.push(await buyerView(listing, inquiry));
      }
      return { items };
    },

    /** The seller's inquiries on their listings, or the adviser's on the listings they advise. */
    async sellSide(principal: Principal, listingId?: string) {
      const ids = principal.roles.includes('broker')
        ? await repo.listingIdsOfBroker(principal.accountId)
        : await repo.listingIdsOfSeller(principal.accountId);
      const scope = listingId ? ids.filter((id) => id === listingId) : ids;
      const [inquiries, listings] = await Promise.all([repo.inquiriesOfListings(scope), repo.listingsByIds(scope)]);
      const byId = new Map(listings.map((l) => [l.id, l]));
      const items: TSellSideInquiry[] = [];
      for (const inquiry of inquiries) {
        const listing = byId.get(inquiry.listing_id);
        if (listing) items.push(await sellSideView(listing, inquiry));
      }
      return { items };
    },

    /** Accept or decline (the reason is shown to the buyer); declining closes the requested levels. */
    async decide(
      principal: Principal,
      inquiryId: string,
      input: { decision: 'accept' | 'decline'; reason: string },
      requestId?: string,
    ): Promise<TSellSideInquiry> {
      const { inquiry, listing } = await sellSideInquiry(principal, inquiryId);
      guardText([{ field: 'reason', text: input.reason }]);
      if (input.decision === 'decline' && !input.reason.trim())
        throw new AppError('VALIDATION_FAILED', 'a decline needs a reason', { fields: ['reason'] });
      if (inquiry.status !== 'open' && !(inquiry.status === 'accepted' && input.decision === 'decline'))
        throw new AppError('CONFLICT', `inquiry is ${inquiry.status}`);
      const status = input.decision === 'accept' ? 'accepted' : 'declined';
      const at = now().toISOString();
      const role = isSeller(principal, listing) ? 'seller' : 'broker';
      await repo.transaction(async (trx) => {
        const tx = createDisclosureRepo(trx);
        await tx.updateInquiry(inquiry.id, {
          status,
          decided_at: at,
          decided_by: principal.accountId,
          decision_reason: input.reason || null,
          updated_at: at,
        });
        if (status === 'declined') {
          for (const g of await tx.grantsOfPair(listing.id, inquiry.buyer_account_id)) {
            if (g.state !== 'requested' && g.state !== 'approved') continue;
            await tx.updateGrant(g.id, {
              state: g.state === 'requested' ? 'declined' : 'revoked',
              decided_at: at,
              decided_by: principal.accountId,
              decision_reason: input.reason,
              updated_at: at,
            });
            await tx.insertGrantEvent({
              id: newId(),
              grant_id: g.id,
              listing_id: listing.id,
              at,
              actor_account_id: principal.accountId,
              actor_role: role,
              action: g.state === 'requested' ? 'declined' : 'revoked',
              reason: input.reason,
            });
          }
        }
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.inquiry_decided',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId: listing.id, inquiryId: inquiry.id, status },
        });
      });
      await deps.notifications.notify({
        accountId: inquiry.buyer_account_id,
        kind: status === 'accepted' ? 'inquiry_accepted' : 'inquiry_declined',
        params: { code: listing.code },
        link: '/account/inquiries',
      });
      return sellSideView(listing, { ...inquiry, status, decision_reason: input.reason || null });
    },

    /** The buyer withdraws: every level closes. */
    async withdraw(principal: Principal, inquiryId: string, requestId?: string): Promise<TBuyerInquiry> {
      const { inquiry, listing } = await ownInquiry(principal, inquiryId);
      if (inquiry.status === 'withdrawn' || inquiry.status === 'declined') throw new AppError('CONFLICT', `inquiry is ${inquiry.status}`);
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        const tx = createDisclosureRepo(trx);
        await tx.updateInquiry(inquiry.id, { status: 'withdrawn', updated_at: at });
        for (const g of await tx.grantsOfPair(listing.id, inquiry.buyer_account_id)) {
          if (g.state !== 'requested' && g.state !== 'approved') continue;
          await tx.updateGrant(g.id, { state: 'revoked', updated_at: at });
          await tx.insertGrantEvent({
            id: newId(),
            grant_id: g.id,
            listing_id: listing.id,
            at,
            actor_account_id: principal.accountId,
            actor_role: 'buyer',
            action: 'withdrawn',
            reason: null,
          });
        }
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.inquiry_decided',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId: listing.id, inquiryId: inquiry.id, status: 'withdrawn' },
        });
      });
      return buyerView(listing, { ...inquiry, status: 'withdrawn' });
    },
  };
}

export type Inquiries = ReturnType<typeof createInquiries>;
export type { TInquiryRequest };
