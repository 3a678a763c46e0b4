import { ZListTeasersQuery, ZListTeasersResponse, ZMarketStats } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ListingsService } from './listings-service.ts';

export function listingsRoutes(service: ListingsService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/listings', {
      config: { permission: 'public' },
      schema: { tags: ['listings'], summary: 'Published listings as anonymized teasers', querystring: ZListTeasersQuery, response: { 200: ZListTeasersResponse } },
      handler: async (request) => service.listTeasers(request.query.page, request.query.pageSize),
    });
    r.get('/api/market/stats', {
      config: { permission: 'public' },
      schema: { tags: ['listings'], summary: 'Counts shown on the home page', response: { 200: ZMarketStats } },
      handler: async () => service.marketStats(),
    });
  };
}
