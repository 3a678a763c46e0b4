import {
  ZDistricts,
  ZFavorites,
  ZListingAlerts,
  ZListingCompanyReveal,
  ZListingInput,
  ZListingOwnerView,
  ZListingSearchQuery,
  ZListingSummaries,
  ZListingTeaserDetail,
  ZListTeasersResponse,
  ZMarketStats,
  ZRegions,
  ZReviewDecision,
  ZSavedSearches,
  ZSavedSearchInput,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { districtsOf, provincesWithCities } from './listings-regions.ts';
import type { CompanyReveal } from './listings-company-reveal.ts';
import type { ListingsService } from './listings-service.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const ZCode = z.object({ code: z.string().regex(/^SB-[0-9A-Z-]{4,24}$/) });

export function listingsRoutes(service: ListingsService, companyReveal: CompanyReveal) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown) => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as Principal;
    };

    // Public: search, one listing, regions, stats. Only teaser values ever leave here.
    r.get('/api/listings', {
      config: { permission: 'public' },
      schema: {
        tags: ['listings'],
        summary: 'Search published listings (filters, Chinese full text, sort, pages) as anonymized teasers',
        querystring: ZListingSearchQuery,
        response: { 200: ZListTeasersResponse },
      },
      handler: async (request) => service.search(request.query),
    });
    r.get('/api/listings/regions', {
      config: { permission: 'public' },
      schema: { tags: ['listings'], summary: 'Provinces and cities of the bundled region code table', response: { 200: ZRegions } },
      handler: async (_request, reply) => {
        void reply.header('cache-control', 'public, max-age=86400');
        return { provinces: provincesWithCities() };
      },
    });
    r.get('/api/listings/regions/:cityCode', {
      config: { permission: 'public' },
      schema: {
        tags: ['listings'],
        summary: 'Districts of a city',
        params: z.object({ cityCode: z.string().regex(/^\d{4}$/) }),
        response: { 200: ZDistricts },
      },
      handler: async (request) => ({ items: districtsOf(request.params.cityCode) }),
    });
    r.get('/api/listings/:code', {
      config: { permission: 'public' },
      schema: {
        tags: ['listings'],
        summary: "One published listing's teaser (stable public URL)",
        params: ZCode,
        response: { 200: ZListingTeaserDetail },
      },
      handler: async (request) => service.publicListing(request.params.code),
    });
    r.get('/api/market/stats', {
      config: { permission: 'public' },
      schema: { tags: ['listings'], summary: 'Counts shown on the home page', response: { 200: ZMarketStats } },
      handler: async () => service.marketStats(),
    });

    // Sellers: their own listings only.
    r.get('/api/seller/listings', {
      config: { permission: 'listings.sell' },
      schema: { tags: ['listings'], summary: 'My listings', response: { 200: ZListingSummaries } },
      handler: async (request) => service.mine(principalOf(request.principal)),
    });
    r.post('/api/seller/listings', {
      config: { permission: 'listings.sell' },
      schema: {
        tags: ['listings'],
        summary: 'Create a listing draft (free text is guarded; company identity sealed)',
        body: ZListingInput,
        response: { 200: ZListingOwnerView },
      },
      handler: async (request) => service.saveDraft(principalOf(request.principal), undefined, request.body, String(request.id)),
    });
    r.get('/api/seller/listings/:id', {
      config: { permission: 'listings.sell' },
      schema: {
        tags: ['listings'],
        summary: 'My listing: exact values, masked company, history and the public preview',
        params: ZId,
        response: { 200: ZListingOwnerView },
      },
      handler: async (request) => service.ownView(principalOf(request.principal), request.params.id),
    });
    r.put('/api/seller/listings/:id', {
      config: { permission: 'listings.sell' },
      schema: {
        tags: ['listings'],
        summary: 'Update a draft (or a listing sent back for changes)',
        params: ZId,
        body: ZListingInput,
        response: { 200: ZListingOwnerView },
      },
      handler: async (request) => service.saveDraft(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
    r.post('/api/seller/listings/:id/submit', {
      config: { permission: 'listings.sell' },
      schema: { tags: ['listings'], summary: 'Submit a draft to the broker for review', params: ZId, response: { 200: ZListingOwnerView } },
      handler: async (request) => service.submit(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.post('/api/seller/listings/:id/withdraw', {
      config: { permission: 'listings.sell' },
      schema: {
        tags: ['listings'],
        summary: 'Withdraw my listing',
        params: ZId,
        body: z.object({ comment: z.string().max(500).default('') }),
        response: { 200: ZListingOwnerView },
      },
      handler: async (request) =>
        service.withdraw(principalOf(request.principal), request.params.id, request.body.comment, String(request.id)),
    });

    // Brokers: the listings of the sellers assigned to them.
    r.get('/api/broker/listings', {
      config: { permission: 'listings.review' },
      schema: { tags: ['listings'], summary: 'Listings of my assigned sellers (the review queue)', response: { 200: ZListingSummaries } },
      handler: async (request) => service.reviewQueue(principalOf(request.principal)),
    });
    r.get('/api/broker/listings/:id', {
      config: { permission: 'listings.review' },
      schema: { tags: ['listings'], summary: 'One listing under review', params: ZId, response: { 200: ZListingOwnerView } },
      handler: async (request) => service.brokerView(principalOf(request.principal), request.params.id),
    });
    r.post('/api/broker/listings/:id/review', {
      config: { permission: 'listings.review' },
      schema: {
        tags: ['listings'],
        summary: 'Approve (publish) or request changes, with the checklist',
        params: ZId,
        body: ZReviewDecision,
        response: { 200: ZListingOwnerView },
      },
      handler: async (request) => service.review(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
    r.post('/api/broker/listings/:id/company/reveal', {
      config: { permission: 'listings.review' },
      schema: {
        tags: ['listings'],
        summary: 'Open the company behind a listing for the registry check (purpose listing_review; audited; needs a recent step-up)',
        params: ZId,
        response: { 200: ZListingCompanyReveal },
      },
      handler: async (request) => companyReveal.reveal(principalOf(request.principal), request.params.id, String(request.id)),
    });

    // Buyers (and sellers): favorites, saved searches, alerts.
    r.get('/api/me/favorites', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'My saved listings', response: { 200: ZFavorites } },
      handler: async (request) => service.favorites(principalOf(request.principal)),
    });
    r.put('/api/me/favorites/:code', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'Save a listing', params: ZCode, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.setFavorite(principalOf(request.principal), request.params.code, true);
        return reply.code(204).send(null);
      },
    });
    r.delete('/api/me/favorites/:code', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'Remove a saved listing', params: ZCode, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.setFavorite(principalOf(request.principal), request.params.code, false);
        return reply.code(204).send(null);
      },
    });
    r.get('/api/me/saved-searches', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'My saved searches', response: { 200: ZSavedSearches } },
      handler: async (request) => service.savedSearches(principalOf(request.principal)),
    });
    r.post('/api/me/saved-searches', {
      config: { permission: 'listings.watch' },
      schema: {
        tags: ['listings'],
        summary: 'Save a search: new matching listings raise alerts',
        body: ZSavedSearchInput,
        response: { 200: ZSavedSearches },
      },
      handler: async (request) =>
        service.saveSearch(principalOf(request.principal), request.body.name, request.body.query, request.body.emailAlerts),
    });
    r.delete('/api/me/saved-searches/:id', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'Delete a saved search', params: ZId, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.deleteSavedSearch(principalOf(request.principal), request.params.id);
        return reply.code(204).send(null);
      },
    });
    r.get('/api/me/listing-alerts', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'New listings matching my saved searches', response: { 200: ZListingAlerts } },
      handler: async (request) => service.alerts(principalOf(request.principal)),
    });
    r.post('/api/me/listing-alerts/read', {
      config: { permission: 'listings.watch' },
      schema: { tags: ['listings'], summary: 'Mark my alerts read', response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.markAlertsRead(principalOf(request.principal));
        return reply.code(204).send(null);
      },
    });
  };
}
