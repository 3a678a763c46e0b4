import { ZAccountResponse, ZAuthenticationOptions, ZRegisterStartResponse, ZStepUpResponse } from '@sealbridge/contracts';
import type {
  TAccountResponse,
  TLoginRequest,
  TPasswordResetCompleteRequest,
  TRegisterCompleteRequest,
  TRegisterStartRequest,
  TRegisterStartResponse,
  TStepUpRequest,
  TStepUpResponse,
} from '@sealbridge/contracts';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/**
 * Keeps only the allowlisted account fields and the session's stage; a shape the contract does not allow (also a
 * missing stage) becomes INTERNAL — the app never assumes a session is active.
 */
const parseAccountEnvelope = (value: unknown): TAccountResponse => ZAccountResponse.parse(value);

export function login(request: TLoginRequest): Promise<TAccountResponse> {
  return apiRequest('/api/auth/login', parseAccountEnvelope, { method: 'POST', body: request });
}

/** The current session's account and stage; rejects with UNAUTHENTICATED (401) when nobody is signed in. */
export function getCurrentSession(signal?: AbortSignal): Promise<TAccountResponse> {
  return apiRequest('/api/auth/me', parseAccountEnvelope, { signal });
}

export function logout(): Promise<void> {
  return apiRequest('/api/auth/logout', noContent, { method: 'POST' });
}

/** Sends a one-time code (the same answer whether or not the address is registered). */
export function startRegistration(request: TRegisterStartRequest): Promise<TRegisterStartResponse> {
  return apiRequest('/api/auth/register/start', (v) => ZRegisterStartResponse.parse(v), { method: 'POST', body: request });
}

/** Sends a password reset code (the same answer whether or not the address is registered). */
export function startPasswordReset(request: TRegisterStartRequest): Promise<TRegisterStartResponse> {
  return apiRequest('/api/auth/password-reset/start', (v) => ZRegisterStartResponse.parse(v), { method: 'POST', body: request });
}

/** Sets the new password with the code; every session of the account ends. */
export function completePasswordReset(request: TPasswordResetCompleteRequest): Promise<void> {
  return apiRequest('/api/auth/password-reset/complete', noContent, { method: 'POST', body: request });
}

/** Creates the customer account and signs in. */
export function completeRegistration(request: TRegisterCompleteRequest): Promise<TAccountResponse> {
  return apiRequest('/api/auth/register/complete', parseAccountEnvelope, { method: 'POST', body: request });
}

/** Proves a second factor (or, without one, the password) for this session: finishes a pending sign-in or opens a step-up window. */
export function stepUp(request: TStepUpRequest): Promise<TStepUpResponse> {
  return apiRequest('/api/auth/step-up', (v) => ZStepUpResponse.parse(v), { method: 'POST', body: request });
}

/** Options for navigator.credentials.get() with one of my passkeys (session-bound, single-use challenge). */
export function stepUpWebauthnOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // The contract's allowlist is structurally the library's JSON type, with transports kept as plain strings.
  return apiRequest('/api/auth/step-up/webauthn/options', (v) => ZAuthenticationOptions.parse(v) as PublicKeyCredentialRequestOptionsJSON, {
    method: 'POST',
  });
}
