import type { GrantLevel, TControlPanel, TFieldView, TGrantSummary, TL1Disclosure } from '@sealbridge/contracts';
import type { z } from 'zod';
import type { ZL3Contacts } from '@sealbridge/contracts';
import type { ListingsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { resolveDistrict } from '../listings/index.ts';
import type { ActiveGrant, DisclosureAccess } from './disclosure-access.ts';
import {
  actorOf,
  buyerAliasWith,
  createPairReader,
  isAdviser,
  isSeller,
  levelsOf,
  type DisclosureDeps,
  sellerOf,
} from './disclosure-core.ts';

const COMPANY_FIELDS = ['company_name', 'credit_code', 'legal_representative', 'shareholders'] as const;
const CONTACT_FIELDS = ['real_name', 'mobile'] as const;

const revealedText = (v: TFieldView | undefined) =>
  v?.state === 'revealed'
    ? { state: 'revealed' as const, value: v.value }
    : { state: v?.state === 'erased' ? ('erased' as const) : ('absent' as const) };

/**
 * What a grant opens, and the port the data room, messages and deals ask. Every answer re-reads the facts.
 */
export function createViews(deps: DisclosureDeps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const readPair = createPairReader(deps);
  const alias = (listingId: string, buyerId: string) => buyerAliasWith(deps.vault, listingId, buyerId);

  /** The active grant with the facts it was decided on (the L1 view reuses them instead of reading again). */
  async function activeWithFacts(listingId: string, buyerAccountId: string, level: GrantLevel) {
    // Fast refusal first: most probes have no open grant at this level at all.
    const grants = await repo.grantsOfPair(listingId, buyerAccountId);
    const at = now();
    const wanted = grants.find((g) => g.level === level);
    if (!wanted || wanted.state !== 'approved' || !wanted.expires_at || new Date(wanted.expires_at) <= at) return null;
    const pair = await repo.listingWithInquiry(listingId, buyerAccountId);
    if (!pair) return null;
    const { listing } = pair;
    const facts = await readPair(listing, pair.inquiry, grants, pair.extras);
    if (!levelsOf(facts, at).active[level]) return null;
    const grant: ActiveGrant = {
      grantId: wanted.id,
      listingId,
      listingCode: listing.code,
      buyerAccountId,
      buyerAlias: alias(listingId, buyerAccountId),
      level,
      approvedAt: wanted.decided_at ?? wanted.requested_at,
      expiresAt: wanted.expires_at,
    };
    return { grant, facts };
  }

  async function activeGrant(listingId: string, buyerAccountId: string, level: GrantLevel): Promise<ActiveGrant | null> {
    return (await activeWithFacts(listingId, buyerAccountId, level))?.grant ?? null;
  }

  async function refuse(principal: Principal, listingId: string, level: GrantLevel, requestId?: string): Promise<never> {
    await deps.audit.append({
      type: 'disclosure.access_refused',
      actor: actorOf(principal),
      decision: 'denied',
      requestId: requestId ?? null,
      data: { listingId, level },
    });
    throw new AppError('GRANT_NOT_ACTIVE');
  }

  const access: DisclosureAccess = {
    activeGrant,
    async grantsOf(listingId, level): Promise<TGrantSummary[]> {
      const listing = await repo.listing(listingId);
      if (!listing) return [];
      const at = now();
      const out: TGrantSummary[] = [];
      for (const g of await repo.grantsOfListingLevel(listingId, level)) {
        const inquiry = await repo.inquiry(g.inquiry_id);
        if (!inquiry) continue;
        const view = levelsOf(await readPair(listing, inquiry), at).views.find((v) => v.level === level);
        out.push({
          grantId: g.id,
          listingId,
          listingCode: listing.code,
          buyerAlias: alias(listingId, g.buyer_account_id),
          level,
          state: view && view.state !== 'none' ? view.state : g.state,
          requestedAt: g.requested_at,
          decidedAt: g.decided_at,
          expiresAt: g.expires_at,
          active: view?.active ?? false,
        });
      }
      return out;
    },
    async partiesOf(listingId) {
      const listing = await repo.listing(listingId);
      return listing
        ? { listingId, listingCode: listing.code, sellerAccountId: sellerOf(listing), brokerAccountId: listing.broker_account_id ?? null }
        : null;
    },
    buyerAlias: alias,
    buyerOfGrant: async (grantId) => (await repo.grant(grantId))?.buyer_account_id ?? null,
  };

  return {
    access,

    /** L1 for the buyer: the company's identity opened by the vault for this buyer only (audited with the grant). */
    async l1(principal: Principal, listingId: string, requestId?: string): Promise<TL1Disclosure> {
      const open = await activeWithFacts(listingId, principal.accountId, 'L1');
      if (!open) return refuse(principal, listingId, 'L1', requestId);
      const { grant, facts } = open;
      const listing = facts.listing;
      const company = await repo.company(listingId);
      const revealed = company
        ? await deps.vault.reveal({
            actor: { accountId: principal.accountId, roles: principal.roles, kind: 'customer', sessionId: principal.sessionId },
            own: false,
            recipient: { grantId: grant.grantId, alias: grant.buyerAlias, listingCode: listing.code, ndaSignatureId: facts.ndaSignatureId },
            subjectId: company.subject_id,
            table: 'listing_companies',
            recordId: listing.id,
            row: company as unknown as Record<string, unknown>,
            fields: COMPANY_FIELDS,
            purpose: 'deal_disclosure',
            ...(requestId ? { requestId } : {}),
          })
        : {};
      const shareholders =
        revealed['shareholders']?.state === 'revealed' ? (JSON.parse(revealed['shareholders'].value) as unknown[]).map(String) : [];
      const ip = JSON.parse(listing.ip_assets ?? '{}') as { trademarks?: number; patents?: number; softwareCopyrights?: number };
      const district = listing.district_code ? resolveDistrict(listing.district_code) : null;
      return {
        listingId,
        listingCode: listing.code,
        expiresAt: grant.expiresAt,
        company: {
          name: revealedText(revealed['company_name']),
          creditCode: revealedText(revealed['credit_code']),
          legalRepresentative: revealedText(revealed['legal_representative']),
          shareholders,
        },
        facts: {
          establishedOn: listing.established_on ?? null,
          district: district ? `${district.province}${district.city}${district.district}` : null,
          registeredCapitalWan: listing.registered_capital_wan,
          paidInCapitalWan: listing.paid_in_capital_wan ?? null,
          taxCreditGrade: listing.tax_credit_grade ?? null,
          filingKind: listing.filing_kind ?? null,
          bankAccount: listing.bank_account ?? null,
          socialInsuranceHeadcount: listing.social_insurance_headcount ?? null,
          ipCounts: { trademarks: ip.trademarks ?? 0, patents: ip.patents ?? 0, softwareCopyrights: ip.softwareCopyrights ?? 0 },
        },
      };
    },

    /** L3: the other party's name and mobile, under both sides' consents naming each other (audited). */
    async l3(principal: Principal, inquiryId: string, requestId?: string): Promise<z.infer<typeof ZL3Contacts>> {
      const inquiry = await repo.inquiry(inquiryId);
      const listing = inquiry && (await repo.listing(inquiry.listing_id));
      const asBuyer = inquiry?.buyer_account_id === principal.accountId;
      if (!inquiry || !listing || !(asBuyer || isSeller(principal, listing))) throw new AppError('NOT_FOUND');
      const grant = await activeGrant(listing.id, inquiry.buyer_account_id, 'L3');
      if (!grant) return refuse(principal, listing.id, 'L3', requestId);
      const counterparty = asBuyer ? sellerOf(listing) : inquiry.buyer_account_id;
      const row = await deps.profiles.row(counterparty);
      const revealed = row
        ? await deps.vault.reveal({
            actor: { accountId: principal.accountId, roles: principal.roles, kind: 'customer', sessionId: principal.sessionId },
            own: false,
            recipient: {
              grantId: grant.grantId,
              alias: asBuyer ? grant.buyerAlias : 'seller',
              listingCode: listing.code,
              ndaSignatureId: null,
            },
            subjectId: row.subject_id,
            table: 'account_profiles',
            recordId: row.account_id,
            row: row as unknown as Record<string, unknown>,
            fields: CONTACT_FIELDS,
            purpose: 'deal_execution',
            ...(requestId ? { requestId } : {}),
          })
        : {};
      return {
        listingCode: listing.code,
        counterpartyRole: asBuyer ? 'seller' : 'buyer',
        name: revealedText(revealed['real_name']),
        mobile: revealedText(revealed['mobile']),
      };
    },

    /** The seller's control panel (the adviser sees the same): who can see what, until when, and the history. */
    async controlPanel(principal: Principal, listingId: string): Promise<TControlPanel> {
      const listing: ListingsTable | undefined = await repo.listing(listingId);
      if (!listing || !(isSeller(principal, listing) || isAdviser(principal, listing))) throw new AppError('NOT_FOUND');
      const at = now();
      const buyers: TControlPanel['buyers'] = [];
      for (const inquiry of await repo.inquiriesOfListings([listing.id])) {
        const facts = await readPair(listing, inquiry);
        buyers.push({
          inquiryId: inquiry.id,
          buyerAlias: alias(listing.id, inquiry.buyer_account_id),
          buyerVerified: facts.buyerVerified,
          levels: levelsOf(facts, at).views,
        });
      }
      const history = (await repo.grantEventsOfListing(listing.id, 200)).map((e) => ({
        at: e.at,
        level: e.level,
        action: e.action,
        actorRole: e.actor_role,
        reason: e.reason,
        buyerAlias: alias(listing.id, e.buyer_account_id),
      }));
      return {
        listingId: listing.id,
        listingCode: listing.code,
        requiresProofOfFunds: await repo.requiresProofOfFunds(listing.id),
        buyers,
        history,
      };
    },
  };
}

export type Views = ReturnType<typeof createViews>;
