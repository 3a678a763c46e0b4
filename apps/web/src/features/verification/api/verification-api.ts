import {
  ZMyVerificationResponse,
  ZVerificationQueueResponse,
  ZVerificationRevealResponse,
  ZVerificationReviewItem,
} from '@sealbridge/contracts';
import type {
  TMyVerificationResponse,
  TSubmitVerificationRequest,
  TVerificationDecisionRequest,
  TVerificationQueueResponse,
  TVerificationRevealResponse,
  TVerificationReviewItem,
  VerificationField,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** My verification status, name and ID number masked. */
export function getMyVerification(signal?: AbortSignal): Promise<TMyVerificationResponse> {
  return apiRequest('/api/me/verification', (v) => ZMyVerificationResponse.parse(v), { signal });
}

/** Submits name, ID number, both card images (base64) and the separate consent; answers the new status. */
export function submitMyVerification(request: TSubmitVerificationRequest): Promise<TMyVerificationResponse> {
  return apiRequest('/api/me/verification', (v) => ZMyVerificationResponse.parse(v), { method: 'POST', body: request });
}

/** The broker's review queue (assigned customers only), masked. */
export function getReviewQueue(status: 'pending' | 'verified' | 'rejected', signal?: AbortSignal): Promise<TVerificationQueueResponse> {
  return apiRequest('/api/staff/verifications', (v) => ZVerificationQueueResponse.parse(v), { query: { status }, signal });
}

/** Plaintext and images of a submission for a stated purpose (recorded in the audit trail). */
export function revealVerification(
  id: string,
  fields: VerificationField[],
  purpose: 'identity_verification' | 'legal_compliance',
): Promise<TVerificationRevealResponse> {
  return apiRequest(`/api/staff/verifications/${encodeURIComponent(id)}/reveal`, (v) => ZVerificationRevealResponse.parse(v), {
    method: 'POST',
    body: { fields, purpose },
  });
}

export function decideVerification(id: string, decision: TVerificationDecisionRequest): Promise<TVerificationReviewItem> {
  return apiRequest(`/api/staff/verifications/${encodeURIComponent(id)}/decision`, (v) => ZVerificationReviewItem.parse(v), {
    method: 'POST',
    body: decision,
  });
}

export { fileToBase64 } from '../../../shared/api/download.ts';

/** JPEG or PNG by the first bytes, as the server checks. */
export async function imageKind(file: Blob): Promise<'jpeg' | 'png' | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return png.every((b, i) => head[i] === b) ? 'png' : null;
}

/** SHA-256 (hex) of the consent statement's text as shown, which the server compares with its own. */
export async function statementHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
