import { ZEndOtherSessionsResponse, ZSessionsResponse } from '@sealbridge/contracts';
import type { TEndOtherSessionsResponse, TSessionsResponse } from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** My sessions (devices), the current one marked. */
export function listSessions(signal?: AbortSignal): Promise<TSessionsResponse> {
  return apiRequest('/api/me/sessions', (v) => ZSessionsResponse.parse(v), { signal });
}

/** Ends one of my sessions (that device is signed out at its next request). */
export function endSession(id: string): Promise<void> {
  return apiRequest(`/api/me/sessions/${encodeURIComponent(id)}`, noContent, { method: 'DELETE' });
}

/** Ends every session of mine except this one. */
export function endOtherSessions(): Promise<TEndOtherSessionsResponse> {
  return apiRequest('/api/me/sessions/end-others', (v) => ZEndOtherSessionsResponse.parse(v), { method: 'POST' });
}
