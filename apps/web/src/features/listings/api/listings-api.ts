import { ZListTeasersResponse, ZMarketStats } from '@sealbridge/contracts';
import type { TListTeasersResponse, TMarketStats } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

/** One page of anonymized teasers; the response is parsed by the shared contract schema. */
export function listTeasers(page: number, pageSize: number, signal?: AbortSignal): Promise<TListTeasersResponse> {
  return apiRequest('/api/listings', (v) => ZListTeasersResponse.parse(v), { query: { page, pageSize }, signal });
}

/** Aggregate counts for the home page. */
export function getMarketStats(signal?: AbortSignal): Promise<TMarketStats> {
  return apiRequest('/api/market/stats', (v) => ZMarketStats.parse(v), { signal });
}
