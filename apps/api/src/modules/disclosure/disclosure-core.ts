import {
  DISCLOSURE_CONSENT_PURPOSES,
  type DisclosurePrecondition,
  type GrantLevel,
  type GrantViewState,
  type Purpose,
  type TTextFinding,
} from '@sealbridge/contracts';
import type { AccountProfilesTable, DisclosureGrantsTable, InquiriesTable, ListingsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { AdvisersService } from '../advisers/index.ts';
import type { ConsentGuard, ConsentService } from '../consent/index.ts';
import { scanFreeText } from '../listings/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import type { Subject, Vault } from '../vault/index.ts';
import type { VerificationService } from '../verification/index.ts';
import type { DisclosureRepo, PairExtras } from './disclosure-repo.ts';
import type { NdaSigner } from './nda-signing.ts';

/** What the disclosure module asks of the others: each dependency is the narrowest slice that works. */
export type DisclosureDeps = {
  repo: DisclosureRepo;
  audit: Pick<AuditPort, 'append' | 'appendInTransaction'>;
  vault: Pick<Vault, 'reveal' | 'maskFields' | 'keyedDigest' | 'sealFields'>;
  consent: { guard: Pick<ConsentGuard, 'checkMany'>; decide: ConsentService['decide'] };
  verification: Pick<VerificationService, 'isVerified' | 'verifiedNameMask'>;
  advisers: Pick<AdvisersService, 'ensureAdviser'>;
  notifications: NotificationsPort;
  /** The customer's profile row (sealed columns) and vault subject, for L3 contacts and sealed proofs of funds. */
  profiles: {
    row: (accountId: string) => Promise<AccountProfilesTable | undefined>;
    ensureSubject: (accountId: string) => Promise<Subject>;
  };
  /** Staff reveals need a recent second-factor step-up (modules/factors). */
  requireStepUp: (sessionId: string, maxAgeMs: number) => Promise<void>;
  ndaSigner: NdaSigner;
  now?: () => Date;
};

export const STAFF_STEP_UP_MS = 15 * 60_000;
/** Listing statuses in which granted access counts; a withdrawn listing closes every level at once. */
export const GRANTABLE_LISTING_STATUSES: readonly ListingsTable['status'][] = ['published', 'under_offer', 'sold'];
/** The consent (purpose) behind each level that rests on one; the recipient is always the inquiry. */
export const LEVEL_CONSENT = DISCLOSURE_CONSENT_PURPOSES satisfies Partial<Record<GrantLevel, Purpose>>;
export const recipientOf = (inquiryId: string) => `inquiry:${inquiryId}`;

export type ConsentState = 'not_asked' | 'given' | 'refused' | 'withdrawn';

export const actorOf = (p: Principal): AuditActor => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });
export const SYSTEM: AuditActor = { accountId: null, role: 'system', sessionId: null };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** "B-7K3QX2": 30 bits of a keyed digest of (listing, buyer) — stable per listing, unlinkable across listings. */
export function buyerAliasWith(vault: Pick<Vault, 'keyedDigest'>, listingId: string, buyerAccountId: string): string {
  const bits = Number.parseInt(vault.keyedDigest('disclosure_buyer_alias', `${listingId}:${buyerAccountId}`).slice(0, 8), 16) >>> 2;
  let out = '';
  for (let i = 0; i < 6; i += 1) out += CROCKFORD[(bits >>> (5 * (5 - i))) & 31];
  return `B-${out}`;
}

/** Refuses free text holding identifiers (FREE_TEXT_IDENTIFIERS with field, kind and offsets; never the value). */
export function guardText(texts: { field: string; text: string }[]): void {
  const findings: TTextFinding[] = scanFreeText(
    texts.filter((t) => t.text.length > 0),
    null,
  );
  if (findings.length) throw new AppError('FREE_TEXT_IDENTIFIERS', 'text contains identifiers', { findings });
}

/** The listing's seller (the column is nullable only for rows older than the marketplace migration). */
export const sellerOf = (listing: ListingsTable): string => listing.seller_account_id ?? '';

export function isSeller(principal: Principal, listing: ListingsTable) {
  return principal.roles.includes('seller') && listing.seller_account_id === principal.accountId;
}
export function isAdviser(principal: Principal, listing: ListingsTable) {
  return principal.roles.includes('broker') && listing.broker_account_id === principal.accountId;
}

/** An approved grant whose period has not ended. */
export function grantOpen(grant: DisclosureGrantsTable | undefined, at: Date): grant is DisclosureGrantsTable & { expires_at: string } {
  return grant?.state === 'approved' && grant.expires_at !== null && new Date(grant.expires_at) > at;
}

export type PairFacts = {
  listing: ListingsTable;
  inquiry: InquiriesTable;
  grants: Map<GrantLevel, DisclosureGrantsTable>;
  buyerVerified: boolean;
  ndaSignatureId: string | null;
  proofOfFunds: 'not_required' | 'missing' | 'pending' | 'approved' | 'rejected';
  proofOfFundsId: string | null;
  consent: { sellerL1: ConsentState; sellerL3: ConsentState; buyerL3: ConsentState };
};

/** The level-by-level answer, from the facts of one (listing, buyer) pair at one moment. */
export function levelsOf(f: PairFacts, at: Date) {
  const listingOpen = GRANTABLE_LISTING_STATUSES.includes(f.listing.status);
  const l1Pre =
    f.inquiry.status === 'accepted' &&
    f.buyerVerified &&
    f.ndaSignatureId !== null &&
    ['not_required', 'approved'].includes(f.proofOfFunds) &&
    f.consent.sellerL1 === 'given';
  const l1 = listingOpen && l1Pre && grantOpen(f.grants.get('L1'), at);
  const l3Consents = f.consent.sellerL3 === 'given' && f.consent.buyerL3 === 'given';
  const active: Record<GrantLevel, boolean> = {
    L1: l1,
    L2: l1 && grantOpen(f.grants.get('L2'), at),
    L3: l1 && l3Consents && grantOpen(f.grants.get('L3'), at),
  };
  const view = (level: GrantLevel) => {
    const g = f.grants.get(level);
    let state: GrantViewState | 'none' = g ? g.state : 'none';
    if (g?.state === 'approved' && g.expires_at !== null && new Date(g.expires_at) <= at) state = 'expired';
    else if (
      g?.state === 'approved' &&
      (['refused', 'withdrawn'].includes(f.consent.sellerL1) ||
        (level === 'L3' && (['refused', 'withdrawn'].includes(f.consent.sellerL3) || ['refused', 'withdrawn'].includes(f.consent.buyerL3))))
    ) {
      state = 'consent_withdrawn';
    }
    return {
      level,
      state,
      expiresAt: g?.expires_at ?? null,
      active: active[level],
      decisionReason: g?.decision_reason ?? null,
      grantId: g?.id ?? null,
    };
  };
  return { active, l1Preconditions: l1Pre, views: (['L1', 'L2', 'L3'] as const).map(view) };
}

/** The preconditions a broker still waits for before approving a level (codes only). */
export function missingFor(level: GrantLevel, f: PairFacts, at: Date): DisclosurePrecondition[] {
  const missing: DisclosurePrecondition[] = [];
  if (!GRANTABLE_LISTING_STATUSES.includes(f.listing.status)) missing.push('listing_not_public');
  if (level === 'L1') {
    if (f.inquiry.status !== 'accepted') missing.push('inquiry_not_accepted');
    if (!f.buyerVerified) missing.push('buyer_not_verified');
    if (!f.ndaSignatureId) missing.push('nda_not_signed');
    if (!['not_required', 'approved'].includes(f.proofOfFunds)) missing.push('proof_of_funds');
    if (f.consent.sellerL1 !== 'given') missing.push('seller_consent');
  } else {
    if (!levelsOf(f, at).active.L1) missing.push('l1_not_active');
    if (level === 'L3' && f.consent.sellerL3 !== 'given') missing.push('seller_consent');
    if (level === 'L3' && f.consent.buyerL3 !== 'given') missing.push('buyer_consent');
  }
  return missing;
}

/** Reads every fact of a pair: four indexed reads in parallel, nothing cached (ADR 0012). */
export function createPairReader(deps: DisclosureDeps) {
  const { repo } = deps;
  const stateOf = (d: { allowed: boolean; reason: string }): ConsentState =>
    d.allowed ? 'given' : d.reason === 'refused' || d.reason === 'withdrawn' ? d.reason : 'not_asked';
  /**
   * `knownGrants`, `knownExtras`: the pair's grants and extras when the caller has just read them in this request
   * (the access check's fast path reads them with the listing and the inquiry).
   */
  return async function read(
    listing: ListingsTable,
    inquiry: InquiriesTable,
    knownGrants?: DisclosureGrantsTable[],
    knownExtras?: PairExtras,
  ): Promise<PairFacts> {
    const recipient = recipientOf(inquiry.id);
    const [grants, buyerVerified, extras, consents] = await Promise.all([
      knownGrants ?? repo.grantsOfPair(listing.id, inquiry.buyer_account_id),
      deps.verification.isVerified(inquiry.buyer_account_id),
      knownExtras ?? repo.pairExtras(listing.id, inquiry.buyer_account_id),
      deps.consent.guard.checkMany([
        { accountId: sellerOf(listing), purpose: LEVEL_CONSENT.L1, recipient },
        { accountId: sellerOf(listing), purpose: LEVEL_CONSENT.L3, recipient },
        { accountId: inquiry.buyer_account_id, purpose: LEVEL_CONSENT.L3, recipient },
      ]),
    ]);
    const [sellerL1, sellerL3, buyerL3] = consents.map(stateOf) as [ConsentState, ConsentState, ConsentState];
    return {
      listing,
      inquiry,
      grants: new Map(grants.map((g) => [g.level, g])),
      buyerVerified,
      ndaSignatureId: extras.ndaSignatureId,
      proofOfFunds: extras.requiresProofOfFunds ? (extras.proofStatus ?? 'missing') : 'not_required',
      proofOfFundsId: extras.proofId,
      consent: { sellerL1, sellerL3, buyerL3 },
    };
  };
}
