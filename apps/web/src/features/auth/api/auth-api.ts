import { ZAccountResponse } from '@sealbridge/contracts';
import type { TAccount, TLoginRequest } from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** Keeps only the allowlisted account fields; a shape the contract does not allow becomes INTERNAL. */
const parseAccountEnvelope = (value: unknown): TAccount => ZAccountResponse.parse(value).account;

export function login(request: TLoginRequest): Promise<TAccount> {
  return apiRequest('/api/auth/login', parseAccountEnvelope, { method: 'POST', body: request });
}

/** The current session's account; rejects with UNAUTHENTICATED (401) when nobody is signed in. */
export function getCurrentAccount(signal?: AbortSignal): Promise<TAccount> {
  return apiRequest('/api/auth/me', parseAccountEnvelope, { signal });
}

export function logout(): Promise<void> {
  return apiRequest('/api/auth/logout', noContent, { method: 'POST' });
}
