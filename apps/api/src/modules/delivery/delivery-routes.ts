import { ZOutboxQuery, ZOutboxResponse } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DeliveryOutbox } from './delivery-outbox.ts';

export function deliveryRoutes(outbox: Pick<DeliveryOutbox, 'list'>) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/staff/outbox', {
      config: { permission: 'delivery.outbox.read' },
      schema: {
        tags: ['staff'],
        summary: 'Messages sent or held by the outbox: masked recipient, template, status, time',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxResponse },
      },
      handler: async (request) => outbox.list(request.query),
    });
  };
}
