import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf, buyerAliasWith, guardText, isAdviser, isSeller, STAFF_STEP_UP_MS, type DisclosureDeps } from './disclosure-core.ts';
import type { Inquiries } from './disclosure-inquiries.ts';
import { createDisclosureRepo } from './disclosure-repo.ts';

const MAX_BYTES = 3 * 1024 * 1024;
type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The media type the bytes really are (the declared type must agree), or null. */
function sniff(bytes: Buffer): MediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/**
 * Proof of funds, where the seller asks for it: the buyer's document is sealed by the vault under the buyer's own
 * subject; only the listing's adviser opens it (audited, after a step-up); the seller learns the verdict, never the
 * document.
 */
export function createProofOfFunds(deps: DisclosureDeps, inquiries: Inquiries) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  async function proofForAdviser(principal: Principal, proofId: string) {
    const proof = await repo.proofById(proofId);
    const listing = proof && (await repo.listing(proof.listing_id));
    if (!proof || !listing || !isAdviser(principal, listing)) throw new AppError('NOT_FOUND');
    return { proof, listing };
  }

  return {
    async setRequired(principal: Principal, listingId: string, requires: boolean, requestId?: string) {
      const listing = await repo.listing(listingId);
      if (!listing || !isSeller(principal, listing)) throw new AppError('NOT_FOUND');
      await repo.saveSettings(listing.id, requires, now().toISOString(), principal.accountId);
      await deps.audit.append({
        type: 'disclosure.settings_changed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { listingId: listing.id, requiresProofOfFunds: requires },
      });
      return { requiresProofOfFunds: requires };
    },

    async submit(principal: Principal, inquiryId: string, input: { mediaType: MediaType; contentBase64: string }, requestId?: string) {
      const { inquiry, listing } = await inquiries.ownInquiry(principal, inquiryId);
      if (inquiry.status === 'declined' || inquiry.status === 'withdrawn') throw new AppError('CONFLICT', `inquiry is ${inquiry.status}`);
      const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(input.contentBase64) ? Buffer.from(input.contentBase64, 'base64') : Buffer.alloc(0);
      if (bytes.length === 0 || bytes.length > MAX_BYTES || sniff(bytes) !== input.mediaType)
        throw new AppError('DOCUMENT_INVALID', 'not a PDF, JPEG or PNG of at most 3 MiB', { fields: ['contentBase64'] });
      const subject = await deps.profiles.ensureSubject(principal.accountId);
      const existing = await repo.proofOf(listing.id, principal.accountId);
      const id = existing?.id ?? newId();
      const sealed = await deps.vault.sealFields(subject, 'proof_of_funds', id, { document: bytes.toString('base64') });
      await repo.transaction(async (trx) => {
        await createDisclosureRepo(trx).upsertProof({
          id,
          listing_id: listing.id,
          buyer_account_id: principal.accountId,
          subject_id: subject.subjectId,
          document_ct: sealed['document_ct'] ?? null,
          media_type: input.mediaType,
          status: 'pending',
          submitted_at: now().toISOString(),
          reviewed_at: null,
          reviewed_by: null,
          review_reason: null,
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.proof_submitted',
          actor: actorOf(principal),
          decision: 'allowed',
          subjectId: subject.subjectId,
          fields: ['proof_of_funds.document'],
          requestId: requestId ?? null,
          data: { listingId: listing.id, inquiryId: inquiry.id, proofId: id, mediaType: input.mediaType },
        });
      });
      if (listing.broker_account_id) {
        await deps.notifications.notify({
          accountId: listing.broker_account_id,
          kind: 'proof_submitted',
          params: { code: listing.code, buyer: buyerAliasWith(deps.vault, listing.id, principal.accountId) },
          link: '/console/inquiries',
        });
      }
      return inquiries.buyerView(listing, inquiry);
    },

    /** The adviser opens the document to review it: purpose deal_execution, audited, after a recent step-up. */
    async reveal(principal: Principal, proofId: string, requestId?: string) {
      const { proof } = await proofForAdviser(principal, proofId);
      await deps.requireStepUp(principal.sessionId, STAFF_STEP_UP_MS);
      const revealed = await deps.vault.reveal({
        actor: { accountId: principal.accountId, roles: principal.roles, kind: 'staff', sessionId: principal.sessionId },
        own: false,
        subjectId: proof.subject_id,
        table: 'proof_of_funds',
        recordId: proof.id,
        row: proof as unknown as Record<string, unknown>,
        fields: ['document'],
        purpose: 'deal_execution',
        ...(requestId ? { requestId } : {}),
      });
      const doc = revealed['document'];
      if (doc?.state !== 'revealed') throw new AppError('DATA_ERASED');
      return { mediaType: proof.media_type, contentBase64: doc.value };
    },

    async review(principal: Principal, proofId: string, input: { decision: 'approve' | 'reject'; reason: string }, requestId?: string) {
      const { proof, listing } = await proofForAdviser(principal, proofId);
      guardText([{ field: 'reason', text: input.reason }]);
      if (input.decision === 'reject' && !input.reason.trim())
        throw new AppError('VALIDATION_FAILED', 'a rejection needs a reason', { fields: ['reason'] });
      if (proof.status !== 'pending') throw new AppError('CONFLICT', `proof is ${proof.status}`);
      const status = input.decision === 'approve' ? 'approved' : 'rejected';
      await repo.transaction(async (trx) => {
        await createDisclosureRepo(trx).updateProof(proof.id, {
          status,
          reviewed_at: now().toISOString(),
          reviewed_by: principal.accountId,
          review_reason: input.reason || null,
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'disclosure.proof_reviewed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId: listing.id, proofId: proof.id, decision: status },
        });
      });
      await deps.notifications.notify({
        accountId: proof.buyer_account_id,
        kind: status === 'approved' ? 'proof_approved' : 'proof_rejected',
        params: { code: listing.code },
        link: '/account/inquiries',
      });
      const inquiry = await repo.inquiryOf(listing.id, proof.buyer_account_id);
      if (!inquiry) throw new AppError('NOT_FOUND');
      return inquiries.sellSideView(listing, inquiry);
    },
  };
}
