import { sellerOf, type DisclosureDeps } from './disclosure-core.ts';
import { createGrants } from './disclosure-grants.ts';
import { createInquiries } from './disclosure-inquiries.ts';
import { createNda } from './disclosure-nda.ts';
import { createProofOfFunds } from './disclosure-proof.ts';
import { createViews } from './disclosure-views.ts';

export type { DisclosureDeps } from './disclosure-core.ts';
export type DisclosureService = ReturnType<typeof createDisclosureService>;

/**
 * The disclosure path from teaser to identity (issue 11): inquiries, proof of funds, the click-wrap NDA, grants of
 * levels L1–L3 with the seller's separate consents naming the buyer, what each level opens, and the
 * `DisclosureAccess` port the data room, messages and deals ask.
 */
export function createDisclosureService(deps: DisclosureDeps) {
  const inquiries = createInquiries(deps);
  const grants = createGrants(deps, inquiries);
  const views = createViews(deps);
  return {
    inquiries,
    grants,
    views,
    proof: createProofOfFunds(deps, inquiries),
    nda: createNda(deps, inquiries),
    access: views.access,
    /** The vault subjects of a seller's listed companies (their access log shows who read them). */
    companySubjectsOf: (sellerAccountId: string) => deps.repo.companySubjects(sellerAccountId),
    /** Whether `recipient` is a party a consent may name for this account and purpose (the consent module asks). */
    async recipientAllowed(accountId: string, purpose: string, recipient: string): Promise<boolean> {
      const match = /^inquiry:([0-9a-zA-Z-]{1,64})$/.exec(recipient);
      const inquiry = match?.[1] ? await deps.repo.inquiry(match[1]) : undefined;
      const listing = inquiry && (await deps.repo.listing(inquiry.listing_id));
      if (!inquiry || !listing || inquiry.status === 'declined' || inquiry.status === 'withdrawn') return false;
      if (purpose === 'deal_disclosure') return sellerOf(listing) === accountId;
      if (purpose === 'deal_execution') return sellerOf(listing) === accountId || inquiry.buyer_account_id === accountId;
      return false;
    },
  };
}
