import { ZAccessLogResponse } from '@sealbridge/contracts';
import type { TAccessLogResponse } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

export type TAccessLogEntry = TAccessLogResponse['entries'][number];

/** Every access to my data by anyone else (newest first), as the audit trail recorded it. */
export function getMyAccessLog(signal?: AbortSignal): Promise<TAccessLogResponse> {
  return apiRequest('/api/me/access-log', (value) => ZAccessLogResponse.parse(value), { signal });
}
