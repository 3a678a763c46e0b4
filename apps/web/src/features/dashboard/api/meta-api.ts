import { ZMetaResponse } from '@sealbridge/contracts';
import type { TMetaResponse } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** Name, version, database dialect and demo flag of the running platform. */
export function getMeta(signal?: AbortSignal): Promise<TMetaResponse> {
  return apiRequest('/api/meta', (v) => ZMetaResponse.parse(v), { signal });
}
