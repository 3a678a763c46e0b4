import { ZLookupQuery, ZLookupResponse, ZProfileResponse, ZRevealRequest, ZUpdateProfileRequest } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { ProfilesService } from './profiles-service.ts';

export function profilesRoutes(service: ProfilesService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown) => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as NonNullable<Parameters<ProfilesService['getOwn']>[0]>;
    };

    r.get('/api/me/profile', {
      config: { permission: 'authenticated' },
      schema: { tags: ['profile'], summary: 'My personal data, masked', response: { 200: ZProfileResponse } },
      handler: async (request) => service.getOwn(principalOf(request.principal)),
    });
    r.put('/api/me/profile', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['profile'],
        summary: 'Set my personal data (stored encrypted)',
        body: ZUpdateProfileRequest,
        response: { 200: ZProfileResponse },
      },
      handler: async (request) => service.updateOwn(principalOf(request.principal), request.body, String(request.id)),
    });
    r.post('/api/me/profile/reveal', {
      config: { permission: 'authenticated' },
      schema: { tags: ['profile'], summary: 'Show some of my fields in full', body: ZRevealRequest, response: { 200: ZProfileResponse } },
      handler: async (request) => service.revealOwn(principalOf(request.principal), request.body.fields, request.body.purpose),
    });
    // POST so that the identifier travels in the body, never in a URL that proxies and browsers keep.
    r.post('/api/staff/customers/lookup', {
      config: { permission: 'personal_data.lookup' },
      schema: {
        tags: ['staff'],
        summary: 'Find customers by exact mobile, e-mail or ID number',
        body: ZLookupQuery,
        response: { 200: ZLookupResponse },
      },
      handler: async (request) => service.lookup(principalOf(request.principal), request.body, String(request.id)),
    });
    r.post('/api/staff/assignments', {
      config: { permission: 'clients.assign' },
      schema: {
        tags: ['staff'],
        summary: 'Assign a customer to a broker (brokers see and reveal only their assigned customers)',
        body: z.object({ customerAccountId: z.string().min(1).max(64), brokerAccountId: z.string().min(1).max(64) }),
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.assignClient(request.body.customerAccountId, request.body.brokerAccountId, principalOf(request.principal).accountId);
        return reply.code(204).send(null);
      },
    });
    r.post('/api/staff/customers/:accountId/reveal', {
      config: { permission: 'personal_data.reveal' },
      schema: {
        tags: ['staff'],
        summary: "Reveal a customer's fields for a stated purpose (audited)",
        params: z.object({ accountId: z.string().min(1).max(64) }),
        body: ZRevealRequest,
        response: { 200: ZProfileResponse },
      },
      handler: async (request) =>
        service.revealForStaff(
          principalOf(request.principal),
          request.params.accountId,
          request.body.fields,
          request.body.purpose,
          String(request.id),
        ),
    });
  };
}
