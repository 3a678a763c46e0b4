import { ZDataMapResponse } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildDataMap } from './data-map.ts';

export function vaultRoutes() {
  return async function register(app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/privacy/data-map', {
      config: { permission: 'public' },
      schema: {
        tags: ['privacy'],
        summary: 'What personal data is collected, why, on what legal basis, for how long, who may see it',
        response: { 200: ZDataMapResponse },
      },
      handler: async () => buildDataMap(),
    });
  };
}
