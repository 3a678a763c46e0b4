import {
  ZEnrolledFactorResponse,
  ZFactorsListResponse,
  ZRecoveryCodesResponse,
  ZRegistrationOptions,
  ZStartTotpResponse,
} from '@sealbridge/contracts';
import type { TEnrolledFactorResponse, TFactorsListResponse, TRecoveryCodesResponse, TStartTotpResponse } from '@sealbridge/contracts';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** My factors, whether one is required, and how many recovery codes are left. */
export function listFactors(signal?: AbortSignal): Promise<TFactorsListResponse> {
  return apiRequest('/api/me/factors', (v) => ZFactorsListResponse.parse(v), { signal });
}

/** Starts a TOTP enrolment: the secret and otpauth URI are shown this once. Needs a recent step-up. */
export function startTotp(): Promise<TStartTotpResponse> {
  return apiRequest('/api/me/factors/totp', (v) => ZStartTotpResponse.parse(v), { method: 'POST' });
}

export function confirmTotp(factorId: string, code: string): Promise<TEnrolledFactorResponse> {
  return apiRequest('/api/me/factors/totp/confirm', (v) => ZEnrolledFactorResponse.parse(v), {
    method: 'POST',
    body: { factorId, code: code.trim() },
  });
}

/** Removes one of my factors. Needs a recent step-up; staff keep at least one (LAST_FACTOR_REQUIRED). */
export function removeFactor(id: string): Promise<void> {
  return apiRequest(`/api/me/factors/${encodeURIComponent(id)}`, noContent, { method: 'DELETE' });
}

/** Replaces my recovery codes; the old ones stop working. Needs a recent step-up. */
export function regenerateRecoveryCodes(): Promise<TRecoveryCodesResponse> {
  return apiRequest('/api/me/factors/recovery-codes', (v) => ZRecoveryCodesResponse.parse(v), { method: 'POST' });
}

/** Options for navigator.credentials.create(). Needs a recent step-up. */
export function passkeyRegistrationOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return apiRequest(
    '/api/me/factors/webauthn/register/options',
    (v) => ZRegistrationOptions.parse(v) as PublicKeyCredentialCreationOptionsJSON,
    { method: 'POST' },
  );
}

export function verifyPasskeyRegistration(response: RegistrationResponseJSON): Promise<TEnrolledFactorResponse> {
  return apiRequest('/api/me/factors/webauthn/register/verify', (v) => ZEnrolledFactorResponse.parse(v), {
    method: 'POST',
    body: { response },
  });
}
