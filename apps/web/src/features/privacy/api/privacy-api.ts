import { ZDataMapResponse } from '@sealbridge/contracts';
import type { TDataMapResponse } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** The live data map (RoPA), generated from the personal-data registry. Rejects with a 404 ApiError until deployed. */
export function getDataMap(signal?: AbortSignal): Promise<TDataMapResponse> {
  return apiRequest('/api/privacy/data-map', (value) => ZDataMapResponse.parse(value), { signal });
}
