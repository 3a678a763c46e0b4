import { GRANT_DEFAULT_DAYS, type GrantLevel, type TSellSideInquiry } from '@sealbridge/contracts';
import type { DisclosureGrantsTable, InquiriesTable, ListingsTable } from '../../db/schema.ts';
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
  LEVEL_CONSENT,
  missingFor,
  recipientOf,
  sellerOf,
  SYSTEM,
  type DisclosureDeps,
} from './disclosure-core.ts';
import type { Inquiries } from './disclosure-inquiries.ts';
import { createDisclosureRepo } from './disclosure-repo.ts';

const DAY_MS = 86_400_000;
type Action = 'approved' | 'declined' | 'renewed' | 'revoked' | 'expired';

/**
 * Grants: a level per buyer per listing — requested, approved (for a period) or declined, renewed, revoked, expired.
 * The adviser decides; the seller controls through separate consents and can revoke at any time.
 */
export function createGrants(deps: DisclosureDeps, inquiries: Inquiries) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const readPair = createPairReader(deps);

  async function change(
    grant: DisclosureGrantsTable,
    listing: ListingsTable,
    actor: Principal | null,
    action: Action,
    columns: Partial<DisclosureGrantsTable>,
    reason: string | null,
    requestId?: string,
    missing?: string[],
  ) {
    const at = now().toISOString();
    await repo.transaction(async (trx) => {
      const tx = createDisclosureRepo(trx);
      await tx.updateGrant(grant.id, { ...columns, updated_at: at });
      await tx.insertGrantEvent({
        id: newId(),
        grant_id: grant.id,
        listing_id: listing.id,
        at,
        actor_account_id: actor?.accountId ?? null,
        actor_role: actor ? (isSeller(actor, listing) ? 'seller' : 'broker') : 'system',
        action,
        reason,
      });
      await deps.audit.appendInTransaction(trx, {
        type: 'disclosure.grant_changed',
        actor: actor ? actorOf(actor) : SYSTEM,
        decision: 'allowed',
        requestId: requestId ?? null,
        data: {
          listingId: listing.id,
          inquiryId: grant.inquiry_id,
          grantId: grant.id,
          level: grant.level,
          action,
          expiresAt: columns.expires_at ?? grant.expires_at,
          ...(missing ? { missing } : {}),
        },
      });
    });
  }

  async function grantForSellSide(principal: Principal, grantId: string) {
    const grant = await repo.grant(grantId);
    const listing = grant && (await repo.listing(grant.listing_id));
    const inquiry = grant && (await repo.inquiry(grant.inquiry_id));
    if (!grant || !listing || !inquiry || !(isSeller(principal, listing) || isAdviser(principal, listing))) throw new AppError('NOT_FOUND');
    return { grant, listing, inquiry };
  }

  async function approve(
    principal: Principal,
    grant: DisclosureGrantsTable,
    listing: ListingsTable,
    inquiry: InquiriesTable,
    days: number,
    action: 'approved' | 'renewed',
    requestId?: string,
  ) {
    const facts = await readPair(listing, inquiry);
    const missing = missingFor(grant.level, facts, now());
    if (missing.length) throw new AppError('DISCLOSURE_PRECONDITIONS', 'preconditions missing', { missing });
    const expires = new Date(now().getTime() + days * DAY_MS).toISOString();
    await change(
      grant,
      listing,
      principal,
      action,
      { state: 'approved', decided_at: now().toISOString(), decided_by: principal.accountId, expires_at: expires, decision_reason: null },
      null,
      requestId,
    );
    await deps.notifications.notify({
      accountId: inquiry.buyer_account_id,
      kind: 'level_approved',
      params: { code: listing.code, level: grant.level, until: expires.slice(0, 10) },
      link: '/account/inquiries',
    });
  }

  return {
    /** The buyer asks for L2 (data room) or L3 (contacts) once L1 is open. */
    async request(principal: Principal, inquiryId: string, level: 'L2' | 'L3', requestId?: string) {
      const { inquiry, listing } = await inquiries.ownInquiry(principal, inquiryId);
      const facts = await readPair(listing, inquiry);
      if (missingFor('L2', facts, now()).includes('l1_not_active')) throw new AppError('GRANT_NOT_ACTIVE', 'L1 is not open');
      const existing = facts.grants.get(level);
      if (
        existing &&
        (existing.state === 'requested' ||
          (existing.state === 'approved' && existing.expires_at !== null && new Date(existing.expires_at) > now()))
      )
        throw new AppError('CONFLICT', `${level} already ${existing.state}`);
      const at = now().toISOString();
      const grantId = existing?.id ?? newId();
      await repo.transaction(async (trx) => {
        const tx = createDisclosureRepo(trx);
        await tx.requestGrant({
          grantId,
          renew: Boolean(existing),
          listingId: listing.id,
          buyerAccountId: principal.accountId,
          inquiryId: inquiry.id,
          level,
          at,
          eventId: newId(),
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.level_requested',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId: listing.id, inquiryId: inquiry.id, grantId, level },
        });
      });
      const buyer = buyerAliasWith(deps.vault, listing.id, principal.accountId);
      await deps.notifications.notifyMany([
        ...(listing.broker_account_id
          ? [
              {
                accountId: listing.broker_account_id,
                kind: 'level_requested' as const,
                params: { code: listing.code, buyer, level },
                link: '/console/inquiries',
              },
            ]
          : []),
        level === 'L3'
          ? {
              accountId: sellerOf(listing),
              kind: 'consent_requested' as const,
              params: { code: listing.code, buyer, level },
              link: '/account/buyer-requests',
            }
          : {
              accountId: sellerOf(listing),
              kind: 'level_requested' as const,
              params: { code: listing.code, buyer, level },
              link: '/account/buyer-requests',
            },
      ]);
      return inquiries.buyerView(listing, await repo.inquiry(inquiry.id).then((i) => i ?? inquiry));
    },

    /** The adviser approves (every precondition must hold; the missing ones are named) or declines with a reason. */
    async decide(
      principal: Principal,
      grantId: string,
      input: { decision: 'approve' | 'decline'; reason: string; days: number },
      requestId?: string,
    ): Promise<TSellSideInquiry> {
      const { grant, listing, inquiry } = await grantForSellSide(principal, grantId);
      if (!isAdviser(principal, listing)) throw new AppError('NOT_FOUND');
      guardText([{ field: 'reason', text: input.reason }]);
      if (grant.state !== 'requested') throw new AppError('CONFLICT', `grant is ${grant.state}`);
      if (input.decision === 'approve') await approve(principal, grant, listing, inquiry, input.days, 'approved', requestId);
      else {
        if (!input.reason.trim()) throw new AppError('VALIDATION_FAILED', 'a decline needs a reason', { fields: ['reason'] });
        await change(
          grant,
          listing,
          principal,
          'declined',
          { state: 'declined', decided_at: now().toISOString(), decided_by: principal.accountId, decision_reason: input.reason },
          input.reason,
          requestId,
        );
        await deps.notifications.notify({
          accountId: inquiry.buyer_account_id,
          kind: 'level_declined',
          params: { code: listing.code, level: grant.level },
          link: '/account/inquiries',
        });
      }
      return inquiries.sellSideView(listing, inquiry);
    },

    /** Seller or adviser: another period from now (preconditions checked again). */
    async renew(principal: Principal, grantId: string, days: number = GRANT_DEFAULT_DAYS, requestId?: string): Promise<TSellSideInquiry> {
      const { grant, listing, inquiry } = await grantForSellSide(principal, grantId);
      if (grant.state !== 'approved' && grant.state !== 'expired') throw new AppError('CONFLICT', `grant is ${grant.state}`);
      await approve(principal, grant, listing, inquiry, days, 'renewed', requestId);
      return inquiries.sellSideView(listing, inquiry);
    },

    /** Seller or adviser, at any time; revoking L1 closes L2 and L3 with it. Takes effect on the next request anywhere. */
    async revoke(principal: Principal, grantId: string, reason: string, requestId?: string): Promise<TSellSideInquiry> {
      const { grant, listing, inquiry } = await grantForSellSide(principal, grantId);
      guardText([{ field: 'reason', text: reason }]);
      if (grant.state !== 'approved' && grant.state !== 'requested') throw new AppError('CONFLICT', `grant is ${grant.state}`);
      const cascade =
        grant.level === 'L1'
          ? (await repo.grantsOfPair(listing.id, inquiry.buyer_account_id)).filter(
              (g) => g.level !== 'L1' && (g.state === 'approved' || g.state === 'requested'),
            )
          : [];
      for (const g of [grant, ...cascade]) {
        await change(
          g,
          listing,
          principal,
          'revoked',
          { state: 'revoked', decided_at: now().toISOString(), decided_by: principal.accountId, decision_reason: reason || null },
          reason || null,
          requestId,
        );
      }
      await deps.notifications.notify({
        accountId: inquiry.buyer_account_id,
        kind: 'level_revoked',
        params: { code: listing.code, level: grant.level },
        link: '/account/inquiries',
      });
      return inquiries.sellSideView(listing, inquiry);
    },

    /**
     * The separate consent the product asks for, naming this buyer (seller: L1 and L3) or this seller (buyer: L3),
     * recorded in the consent ledger with the exact text's hash. Giving it for L1 also accepts an open inquiry.
     */
    async consent(
      principal: Principal,
      inquiryId: string,
      input: { level: 'L1' | 'L3'; decision: 'given' | 'refused'; noticeVersion: number; uiTextHash: string },
      requestId?: string,
    ) {
      const inquiry = await repo.inquiry(inquiryId);
      const listing = inquiry && (await repo.listing(inquiry.listing_id));
      const asSeller = Boolean(listing && isSeller(principal, listing));
      const asBuyer = inquiry?.buyer_account_id === principal.accountId;
      if (!inquiry || !listing || !(asSeller || (asBuyer && input.level === 'L3'))) throw new AppError('NOT_FOUND');
      const receipt = await deps.consent.decide(
        principal,
        {
          purpose: LEVEL_CONSENT[input.level],
          kind: 'recipient',
          recipient: recipientOf(inquiry.id),
          decision: input.decision,
          noticeVersion: input.noticeVersion,
          uiTextHash: input.uiTextHash,
        },
        'web',
        requestId,
      );
      if (asSeller && input.level === 'L1' && input.decision === 'given' && inquiry.status === 'open') {
        const at = now().toISOString();
        await repo.transaction(async (trx) => {
          await createDisclosureRepo(trx).updateInquiry(inquiry.id, {
            status: 'accepted',
            decided_at: at,
            decided_by: principal.accountId,
            updated_at: at,
          });
          await deps.audit.appendInTransaction(trx, {
            type: 'disclosure.inquiry_decided',
            actor: actorOf(principal),
            decision: 'allowed',
            requestId: requestId ?? null,
            data: { listingId: listing.id, inquiryId: inquiry.id, status: 'accepted' },
          });
        });
        await deps.notifications.notify({
          accountId: inquiry.buyer_account_id,
          kind: 'inquiry_accepted',
          params: { code: listing.code },
          link: '/account/inquiries',
        });
      }
      return receipt;
    },

    /** The expiry sweep (job): approved grants past their period become expired; both sides are told. */
    /**
     * Incident containment (issue 18): revokes every open grant of a buyer account at once, as the platform (the
     * security officer's own action is audited by the security module). Takes effect on the next request anywhere.
     */
    async revokeAllOfBuyer(buyerAccountId: string, reason: string): Promise<number> {
      const open = await repo.openGrantsOfBuyer(buyerAccountId);
      for (const grant of open) {
        const listing = await repo.listing(grant.listing_id);
        if (!listing) continue;
        await change(
          grant,
          listing,
          null,
          'revoked',
          { state: 'revoked', decided_at: now().toISOString(), decided_by: null, decision_reason: reason },
          reason,
        );
      }
      return open.length;
    },

    async expireLapsed(): Promise<number> {
      const lapsed = await repo.lapsedGrants(now().toISOString(), 500);
      for (const grant of lapsed) {
        const listing = await repo.listing(grant.listing_id);
        if (!listing) continue;
        await change(grant, listing, null, 'expired', { state: 'expired' }, null);
        await deps.notifications.notifyMany([
          {
            accountId: grant.buyer_account_id,
            kind: 'level_expired',
            params: { code: listing.code, level: grant.level as GrantLevel },
            link: '/account/inquiries',
          },
          {
            accountId: sellerOf(listing),
            kind: 'level_expired',
            params: { code: listing.code, level: grant.level as GrantLevel },
            link: '/account/buyer-requests',
          },
        ]);
      }
      return lapsed.length;
    },
  };
}

export type Grants = ReturnType<typeof createGrants>;
