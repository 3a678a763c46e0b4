import {
  DISCLOSURE_CONSENT_PURPOSES,
  ZBuyerInquiries,
  ZBuyerInquiry,
  ZControlPanel,
  ZDisclosureSettings,
  ZL1Disclosure,
  ZL3Contacts,
  ZNdaPreview,
  ZNdaSignature,
  ZNotice,
  ZSellSideInquiries,
  ZSellSideInquiry,
  ZSignedReceipt,
} from '@sealbridge/contracts';
import type {
  TBuyerInquiry,
  TDisclosureConsentRequest as TConsentBody,
  TInquiryRequest,
  TProofOfFundsUpload as TProofUpload,
  TSellSideInquiry,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';
import { apiUpload } from '../../../shared/api/upload-request.ts';
import { withdrawConsent } from '../../privacy/api/consent-api.ts';

const id = encodeURIComponent;
const buyerInquiry = (v: unknown): TBuyerInquiry => ZBuyerInquiry.parse(v);
const sellSide = (v: unknown): TSellSideInquiry => ZSellSideInquiry.parse(v);

/** The buyer's side of the disclosure path (deals.inquire). */
export const buyerApi = {
  inquire: (code: string, body: TInquiryRequest) =>
    apiRequest(`/api/listings/${id(code)}/inquiries`, buyerInquiry, { method: 'POST', body }),
  mine: (signal?: AbortSignal) => apiRequest('/api/me/inquiries', (v) => ZBuyerInquiries.parse(v), { signal }),
  withdraw: (inquiryId: string) => apiRequest(`/api/me/inquiries/${id(inquiryId)}/withdraw`, buyerInquiry, { method: 'POST', body: {} }),
  requestLevel: (inquiryId: string, level: 'L2' | 'L3') =>
    apiRequest(`/api/me/inquiries/${id(inquiryId)}/levels`, buyerInquiry, { method: 'POST', body: { level } }),
  consent: (inquiryId: string, body: TConsentBody) =>
    apiRequest(`/api/me/inquiries/${id(inquiryId)}/consent`, (v) => ZSignedReceipt.parse(v), { method: 'POST', body }),
  uploadProof: (inquiryId: string, body: TProofUpload, onProgress: (fraction: number) => void) =>
    apiUpload(`/api/me/inquiries/${id(inquiryId)}/proof-of-funds`, buyerInquiry, body, onProgress),
  /** L1 — every call is a recorded opening of the company's identity, visible to the seller. */
  company: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`/api/me/disclosures/${id(listingId)}`, (v) => ZL1Disclosure.parse(v), { signal }),
  contacts: (inquiryId: string) => apiRequest(`/api/me/inquiries/${id(inquiryId)}/contacts`, (v) => ZL3Contacts.parse(v)),
  ndaPreview: (inquiryId: string, signal?: AbortSignal) =>
    apiRequest(`/api/me/inquiries/${id(inquiryId)}/nda`, (v) => ZNdaPreview.parse(v), { signal }),
  signNda: (inquiryId: string, version: number, textSha256: string) =>
    apiRequest(`/api/me/inquiries/${id(inquiryId)}/nda`, (v) => ZNdaSignature.parse(v), {
      method: 'POST',
      body: { version, textSha256, accepted: true },
    }),
};

/** The seller's side: inquiries on my listings, my consents naming buyers, the control panel (listings.sell). */
export const sellerDisclosureApi = {
  inquiries: (listingId: string | undefined, signal?: AbortSignal) =>
    apiRequest('/api/seller/inquiries', (v) => ZSellSideInquiries.parse(v), { query: { listingId }, signal }),
  decide: (inquiryId: string, decision: 'accept' | 'decline', reason: string) =>
    apiRequest(`/api/seller/inquiries/${id(inquiryId)}/decision`, sellSide, { method: 'POST', body: { decision, reason } }),
  consent: (inquiryId: string, body: TConsentBody) =>
    apiRequest(`/api/seller/inquiries/${id(inquiryId)}/consent`, (v) => ZSignedReceipt.parse(v), { method: 'POST', body }),
  contacts: (inquiryId: string) => apiRequest(`/api/seller/inquiries/${id(inquiryId)}/contacts`, (v) => ZL3Contacts.parse(v)),
  panel: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`/api/seller/listings/${id(listingId)}/disclosure`, (v) => ZControlPanel.parse(v), { signal }),
  setProofRequired: (listingId: string, requiresProofOfFunds: boolean) =>
    apiRequest(`/api/seller/listings/${id(listingId)}/disclosure-settings`, (v) => ZDisclosureSettings.parse(v), {
      method: 'PUT',
      body: { requiresProofOfFunds },
    }),
  revoke: (grantId: string, reason: string) =>
    apiRequest(`/api/seller/grants/${id(grantId)}/revoke`, sellSide, { method: 'POST', body: { reason } }),
  renew: (grantId: string, days: number) =>
    apiRequest(`/api/seller/grants/${id(grantId)}/renew`, sellSide, { method: 'POST', body: { days } }),
};

/** The notice version in force: a consent names the version the person could read. */
export const currentNoticeVersion = async (): Promise<number> =>
  (await apiRequest('/api/privacy/notices/current', (v) => ZNotice.parse(v))).version;

/** The NDA certificate PDF of a signature (buyer, seller or the listing's adviser). */
export const certificatePath = (signatureId: string) => `/api/nda/signatures/${id(signatureId)}/certificate`;

/** Withdraws the separate consent naming the other side of an inquiry (as easy as giving it): L1 closes every level. */
export const withdrawInquiryConsent = (inquiryId: string, level: 'L1' | 'L3') =>
  withdrawConsent({ purpose: DISCLOSURE_CONSENT_PURPOSES[level], kind: 'recipient', recipient: `inquiry:${inquiryId}` });
