import {
  ZCertificateVerification,
  ZLegalHold,
  ZLiftLegalHold,
  ZPlaceLegalHold,
  ZRetentionOverview,
  ZRetentionRun,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { RetentionService } from './retention-service.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const tags = ['staff'];
const manage = { permission: 'retention.manage' as const };

/** The privacy officer's retention page: schedule, holds, runs, dry run, certificates. */
export function retentionRoutes(service: RetentionService) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const id = (request: { id: unknown }) => String(request.id);

    r.get('/api/staff/retention', {
      config: manage,
      schema: {
        tags,
        summary: 'Retention schedule, legal holds, last runs and destruction certificates',
        response: { 200: ZRetentionOverview },
      },
      handler: async () => service.overview(),
    });
    r.post('/api/staff/retention/dry-run', {
      config: { ...manage, rateLimit: { max: 6, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What the retention job would destroy now (counts per class; nothing destroyed)',
        response: { 200: ZRetentionRun },
      },
      handler: async (request) => service.dryRun(principalOf(request.principal)),
    });
    r.post('/api/staff/retention/holds', {
      config: manage,
      schema: {
        tags,
        summary: 'Place a legal hold (blocks every deletion it covers)',
        body: ZPlaceLegalHold,
        response: { 201: ZLegalHold },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.placeHold(principalOf(request.principal), request.body, id(request))),
    });
    r.post('/api/staff/retention/holds/:id/lift', {
      config: manage,
      schema: { tags, summary: 'Lift a legal hold with a reason', params: ZId, body: ZLiftLegalHold, response: { 200: ZLegalHold } },
      handler: async (request) => service.liftHold(principalOf(request.principal), request.params.id, request.body.reason, id(request)),
    });
    r.get('/api/staff/retention/certificates/:id/verify', {
      config: manage,
      schema: {
        tags,
        summary: "Check a destruction certificate's signature and facts",
        params: ZId,
        response: { 200: ZCertificateVerification },
      },
      handler: async (request) => service.verifyCertificate(request.params.id),
    });
  };
}
