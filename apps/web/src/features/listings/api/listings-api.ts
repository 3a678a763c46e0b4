import {
  ZDistricts,
  ZListingCompanyReveal,
  ZFavorites,
  ZListingAlerts,
  ZListingOwnerView,
  ZListingSummaries,
  ZListingTeaserDetail,
  ZListTeasersResponse,
  ZMarketStats,
  ZRegions,
  ZSavedSearches,
} from '@sealbridge/contracts';
import type {
  TListingInput,
  TListingOwnerView,
  TListingTeaserDetail,
  TListTeasersResponse,
  TMarketStats,
  TRegions,
  TReviewDecision,
} from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

/** One page of anonymized teasers; the response is parsed by the shared contract schema. */
export function listTeasers(page: number, pageSize: number, signal?: AbortSignal): Promise<TListTeasersResponse> {
  return apiRequest('/api/listings', (v) => ZListTeasersResponse.parse(v), { query: { page, pageSize }, signal });
}

/** Search with the filters of the URL (the query string is passed through as the API expects it). */
export function searchListings(query: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<TListTeasersResponse> {
  return apiRequest('/api/listings', (v) => ZListTeasersResponse.parse(v), { query, signal });
}

export function getListing(code: string, signal?: AbortSignal): Promise<TListingTeaserDetail> {
  return apiRequest(`/api/listings/${encodeURIComponent(code)}`, (v) => ZListingTeaserDetail.parse(v), { signal });
}

export function getRegions(signal?: AbortSignal): Promise<TRegions> {
  return apiRequest('/api/listings/regions', (v) => ZRegions.parse(v), { signal });
}

export function getDistricts(cityCode: string, signal?: AbortSignal) {
  return apiRequest(`/api/listings/regions/${cityCode}`, (v) => ZDistricts.parse(v), { signal });
}

/** Aggregate counts for the home page. */
export function getMarketStats(signal?: AbortSignal): Promise<TMarketStats> {
  return apiRequest('/api/market/stats', (v) => ZMarketStats.parse(v), { signal });
}

const ownerView = (v: unknown): TListingOwnerView => ZListingOwnerView.parse(v);

export const sellerApi = {
  mine: (signal?: AbortSignal) => apiRequest('/api/seller/listings', (v) => ZListingSummaries.parse(v), { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest(`/api/seller/listings/${id}`, ownerView, { signal }),
  create: (body: TListingInput) => apiRequest('/api/seller/listings', ownerView, { method: 'POST', body }),
  update: (id: string, body: TListingInput) => apiRequest(`/api/seller/listings/${id}`, ownerView, { method: 'PUT', body }),
  submit: (id: string) => apiRequest(`/api/seller/listings/${id}/submit`, ownerView, { method: 'POST' }),
  withdraw: (id: string) => apiRequest(`/api/seller/listings/${id}/withdraw`, ownerView, { method: 'POST', body: {} }),
};

export const brokerApi = {
  queue: (signal?: AbortSignal) => apiRequest('/api/broker/listings', (v) => ZListingSummaries.parse(v), { signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest(`/api/broker/listings/${id}`, ownerView, { signal }),
  review: (id: string, body: TReviewDecision) => apiRequest(`/api/broker/listings/${id}/review`, ownerView, { method: 'POST', body }),
  /** The company behind the listing, for the registry check: audited, purpose listing_review, needs a recent step-up. */
  revealCompany: (id: string) =>
    apiRequest(`/api/broker/listings/${id}/company/reveal`, (v) => ZListingCompanyReveal.parse(v), { method: 'POST', body: {} }),
};

export const watchApi = {
  favorites: (signal?: AbortSignal) => apiRequest('/api/me/favorites', (v) => ZFavorites.parse(v), { signal }),
  setFavorite: (code: string, on: boolean) => apiRequest(`/api/me/favorites/${code}`, () => undefined, { method: on ? 'PUT' : 'DELETE' }),
  savedSearches: (signal?: AbortSignal) => apiRequest('/api/me/saved-searches', (v) => ZSavedSearches.parse(v), { signal }),
  deleteSavedSearch: (id: string) => apiRequest(`/api/me/saved-searches/${id}`, noContent, { method: 'DELETE' }),
  alerts: (signal?: AbortSignal) => apiRequest('/api/me/listing-alerts', (v) => ZListingAlerts.parse(v), { signal }),
  markAlertsRead: () => apiRequest('/api/me/listing-alerts/read', noContent, { method: 'POST' }),
  saveSearch: (name: string, query: Record<string, unknown>) =>
    apiRequest('/api/me/saved-searches', (v) => ZSavedSearches.parse(v), { method: 'POST', body: { name, query } }),
};
