import {
  ZGuardDecisions,
  ZMyConsents,
  ZNotice,
  ZNoticeDraft,
  ZNoticeList,
  ZPendingConsents,
  ZPrivacyCenter,
  ZReceiptKey,
  ZSignedReceipt,
  ZTicket,
  ZTicketList,
  ZTicketReceipt,
  ZMyTicket,
  ZMyTicketList,
  ZVerifyResult,
} from '@sealbridge/contracts';
import type {
  TConsentDecisionRequest,
  TFeedbackRequest,
  TPublishNoticeRequest,
  TSignedReceipt,
  TWithdrawRequest,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** Consent, notices, receipts and privacy tickets (API module consent). */
export const getPrivacyCenter = (signal?: AbortSignal) => apiRequest('/api/privacy/center', (v) => ZPrivacyCenter.parse(v), { signal });
export const getNoticeList = (signal?: AbortSignal) => apiRequest('/api/privacy/notices', (v) => ZNoticeList.parse(v), { signal });
export const getNotice = (version: number, signal?: AbortSignal) =>
  apiRequest(`/api/privacy/notices/${version}`, (v) => ZNotice.parse(v), { signal });
export const getReceiptKey = (signal?: AbortSignal) => apiRequest('/api/privacy/receipt-key', (v) => ZReceiptKey.parse(v), { signal });
export const verifyReceipt = (signed: TSignedReceipt) =>
  apiRequest('/api/privacy/receipts/verify', (v) => ZVerifyResult.parse(v), { method: 'POST', body: signed });
export const sendFeedback = (body: TFeedbackRequest) =>
  apiRequest('/api/privacy/feedback', (v) => ZTicketReceipt.parse(v), { method: 'POST', body });

export const getMyConsents = (signal?: AbortSignal) => apiRequest('/api/me/consents', (v) => ZMyConsents.parse(v), { signal });
export const getPendingConsents = (signal?: AbortSignal) =>
  apiRequest('/api/me/consents/pending', (v) => ZPendingConsents.parse(v), { signal });
export const getGuardDecisions = (signal?: AbortSignal) =>
  apiRequest('/api/me/consents/decisions', (v) => ZGuardDecisions.parse(v), { signal });
export const decideConsent = (body: TConsentDecisionRequest) =>
  apiRequest('/api/me/consents', (v) => ZSignedReceipt.parse(v), { method: 'POST', body });
export const withdrawConsent = (body: TWithdrawRequest) =>
  apiRequest('/api/me/consents/withdraw', (v) => ZSignedReceipt.parse(v), { method: 'POST', body });
export const getMyReceipt = (id: string, signal?: AbortSignal) =>
  apiRequest(`/api/me/consents/receipts/${encodeURIComponent(id)}`, (v) => ZSignedReceipt.parse(v), { signal });

export const getNoticeDraft = (signal?: AbortSignal) =>
  apiRequest('/api/staff/privacy/notice-draft', (v) => ZNoticeDraft.parse(v), { signal });
export const publishNotice = (body: TPublishNoticeRequest) =>
  apiRequest('/api/staff/privacy/notices', (v) => ZNotice.parse(v), { method: 'POST', body });
export const getTickets = (signal?: AbortSignal) => apiRequest('/api/staff/privacy/tickets', (v) => ZTicketList.parse(v), { signal });
export const revealTicket = (id: string) =>
  apiRequest(`/api/staff/privacy/tickets/${encodeURIComponent(id)}/reveal`, (v) => ZTicket.parse(v), { method: 'POST' });
export const closeTicket = (id: string) =>
  apiRequest(`/api/staff/privacy/tickets/${encodeURIComponent(id)}/close`, (v) => ZTicket.parse(v), { method: 'POST' });

/** SHA-256 (hex) of the exact text shown beside the buttons: the receipt proves what the person saw. */
export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
/** Issue 14 item 5: the officer answers, extends or refuses; the sender follows status, answer and history. */
export const answerTicket = (id: string, text: string) =>
  apiRequest(`/api/staff/privacy/tickets/${encodeURIComponent(id)}/answer`, (v) => ZTicket.parse(v), { method: 'POST', body: { text } });
export const extendTicket = (id: string, workingDays: number, reason: string) =>
  apiRequest(`/api/staff/privacy/tickets/${encodeURIComponent(id)}/extend`, (v) => ZTicket.parse(v), {
    method: 'POST',
    body: { workingDays, reason },
  });
export const refuseTicket = (id: string, code: string, text: string) =>
  apiRequest(`/api/staff/privacy/tickets/${encodeURIComponent(id)}/refuse`, (v) => ZTicket.parse(v), {
    method: 'POST',
    body: { code, text },
  });
export const getMyTickets = (signal?: AbortSignal) => apiRequest('/api/me/privacy/tickets', (v) => ZMyTicketList.parse(v), { signal });
export const getMyTicket = (id: string, signal?: AbortSignal) =>
  apiRequest(`/api/me/privacy/tickets/${encodeURIComponent(id)}`, (v) => ZMyTicket.parse(v), { signal });
