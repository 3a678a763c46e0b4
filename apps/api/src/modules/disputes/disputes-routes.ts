import {
  ZAddEvidenceRequest,
  ZCloseDisputeRequest,
  ZDispute,
  ZDisputeList,
  ZMediationSessionRequest,
  ZOpenDisputeRequest,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { DisputesService } from './disputes-service.ts';

const id = z.object({ id: z.string().min(1).max(64) });

export function disputesRoutes(service: DisputesService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown): Principal => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as Principal;
    };
    const tags = ['disputes'];
    r.post('/api/me/disputes', {
      config: { permission: 'disputes.participate' },
      schema: {
        tags,
        summary: 'Open a dispute about a listing against the other party or the center',
        body: ZOpenDisputeRequest,
        response: { 201: ZDispute },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.open(principalOf(request.principal), request.body, String(request.id))),
    });
    r.get('/api/me/disputes', {
      config: { permission: 'disputes.participate' },
      schema: { tags, summary: 'The disputes I am a party to or mediate', response: { 200: ZDisputeList } },
      handler: async (request) => service.mine(principalOf(request.principal)),
    });
    r.get('/api/disputes/:id', {
      config: { permission: 'disputes.participate' },
      schema: { tags, summary: 'One dispute (its parties and mediator only)', params: id, response: { 200: ZDispute } },
      handler: async (request) => service.get(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.post('/api/disputes/:id/evidence', {
      config: { permission: 'disputes.participate' },
      schema: {
        tags,
        summary: 'Cite a document or message I can see as evidence',
        params: id,
        body: ZAddEvidenceRequest,
        response: { 200: ZDispute },
      },
      handler: async (request) => service.addEvidence(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
    r.post('/api/disputes/:id/sessions', {
      config: { permission: 'disputes.mediate' },
      schema: {
        tags,
        summary: 'Record a mediation session (the mediator)',
        params: id,
        body: ZMediationSessionRequest,
        response: { 200: ZDispute },
      },
      handler: async (request) =>
        service.recordSession(principalOf(request.principal), request.params.id, request.body.notes, String(request.id)),
    });
    r.post('/api/disputes/:id/close', {
      config: { permission: 'disputes.mediate' },
      schema: {
        tags,
        summary: 'Close with an outcome, or refer to arbitration or court (the mediator)',
        params: id,
        body: ZCloseDisputeRequest,
        response: { 200: ZDispute },
      },
      handler: async (request) => service.close(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
  };
}
