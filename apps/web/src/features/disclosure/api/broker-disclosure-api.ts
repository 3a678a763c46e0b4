import { ZControlPanel, ZSellSideInquiries, ZSellSideInquiry } from '@sealbridge/contracts';
import type { TSellSideInquiry } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

const id = encodeURIComponent;
const sellSide = (v: unknown): TSellSideInquiry => ZSellSideInquiry.parse(v);

/** A proof of funds as the adviser opens it: the bytes live only in the viewer's state and a blob: URL. */
export type TProofDocument = { mediaType: string; contentBase64: string };
const proofDocument = (v: unknown): TProofDocument => {
  const o = v as Partial<TProofDocument> | null;
  if (!o || typeof o.mediaType !== 'string' || typeof o.contentBase64 !== 'string') throw new TypeError('not a document');
  return { mediaType: o.mediaType, contentBase64: o.contentBase64 };
};

/** The adviser's side (disclosure.review): the listings they advise. */
export const brokerDisclosureApi = {
  inquiries: (signal?: AbortSignal) => apiRequest('/api/broker/inquiries', (v) => ZSellSideInquiries.parse(v), { signal }),
  decideInquiry: (inquiryId: string, decision: 'accept' | 'decline', reason: string) =>
    apiRequest(`/api/broker/inquiries/${id(inquiryId)}/decision`, sellSide, { method: 'POST', body: { decision, reason } }),
  decideGrant: (grantId: string, decision: 'approve' | 'decline', reason: string, days: number) =>
    apiRequest(`/api/broker/grants/${id(grantId)}/decision`, sellSide, { method: 'POST', body: { decision, reason, days } }),
  revoke: (grantId: string, reason: string) =>
    apiRequest(`/api/broker/grants/${id(grantId)}/revoke`, sellSide, { method: 'POST', body: { reason } }),
  renew: (grantId: string, days: number) =>
    apiRequest(`/api/broker/grants/${id(grantId)}/renew`, sellSide, { method: 'POST', body: { days } }),
  panel: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`/api/broker/listings/${id(listingId)}/disclosure`, (v) => ZControlPanel.parse(v), { signal }),
  /** Audited; needs a recent step-up (wrap in withStepUp). */
  revealProof: (proofId: string) => apiRequest(`/api/broker/proofs/${id(proofId)}/reveal`, proofDocument, { method: 'POST', body: {} }),
  reviewProof: (proofId: string, decision: 'approve' | 'reject', reason: string) =>
    apiRequest(`/api/broker/proofs/${id(proofId)}/review`, sellSide, { method: 'POST', body: { decision, reason } }),
};
