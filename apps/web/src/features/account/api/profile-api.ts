import { ZProfileResponse } from '@sealbridge/contracts';
import type { ProfileField, TProfileResponse, TRevealRequest, TUpdateProfileRequest } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

const parseProfile = (value: unknown): TProfileResponse => ZProfileResponse.parse(value);

/** My personal data, masked. */
export function getMyProfile(signal?: AbortSignal): Promise<TProfileResponse> {
  return apiRequest('/api/me/profile', parseProfile, { signal });
}

/** Sets the given fields (stored encrypted); answers the masked profile. */
export function updateMyProfile(request: TUpdateProfileRequest): Promise<TProfileResponse> {
  return apiRequest('/api/me/profile', parseProfile, { method: 'PUT', body: request });
}

/** My own fields in full. The purpose is account_service: the subject reading their own data (PIPL Art. 45). */
export function revealMyFields(fields: ProfileField[]): Promise<TProfileResponse> {
  return apiRequest('/api/me/profile/reveal', parseProfile, {
    method: 'POST',
    body: { fields, purpose: 'account_service' } satisfies TRevealRequest,
  });
}
