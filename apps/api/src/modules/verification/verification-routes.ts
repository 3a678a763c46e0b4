import {
  ID_IMAGE_MAX_BYTES,
  ZMyVerificationResponse,
  ZSubmitVerificationRequest,
  ZVerificationDecisionRequest,
  ZVerificationQueueQuery,
  ZVerificationQueueResponse,
  ZVerificationRevealRequest,
  ZVerificationRevealResponse,
  ZVerificationReviewItem,
} from '@sealbridge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { VerificationService } from './verification-service.ts';

/** Two base64 images (4/3 of their bytes) and the rest of the form; larger bodies are refused before parsing. */
const SUBMIT_BODY_LIMIT = Math.ceil((2 * ID_IMAGE_MAX_BYTES * 4) / 3) + 64 * 1024;

export function verificationRoutes(service: VerificationService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown): Principal => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as Principal;
    };
    const id = z.object({ id: z.string().min(1).max(64) });

    r.get('/api/me/verification', {
      config: { permission: 'customer.self_service' },
      schema: { tags: ['verification'], summary: 'My real-name verification status (masked)', response: { 200: ZMyVerificationResponse } },
      handler: async (request) => service.getOwn(principalOf(request.principal)),
    });
    r.post('/api/me/verification', {
      // Large bodies and vault work: a few attempts per account (after the guard has resolved it) per 10 minutes.
      config: {
        permission: 'customer.self_service',
        rateLimit: {
          max: 12,
          timeWindow: '10 minutes',
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) =>
            `verification:${(request.principal as Principal | undefined)?.accountId ?? request.ip}`,
        },
      },
      bodyLimit: SUBMIT_BODY_LIMIT,
      schema: {
        tags: ['verification'],
        summary: 'Submit real-name verification: name, ID number, ID card images, separate consent (stored encrypted)',
        body: ZSubmitVerificationRequest,
        response: { 200: ZMyVerificationResponse },
      },
      handler: async (request) => service.submit(principalOf(request.principal), request.body, String(request.id)),
    });
    r.get('/api/staff/verifications', {
      config: { permission: 'verification.review' },
      schema: {
        tags: ['verification'],
        summary: 'Review queue of my assigned customers (masked)',
        querystring: ZVerificationQueueQuery,
        response: { 200: ZVerificationQueueResponse },
      },
      handler: async (request) => service.queue(principalOf(request.principal), request.query.status),
    });
    r.post('/api/staff/verifications/:id/reveal', {
      config: { permission: 'verification.review' },
      schema: {
        tags: ['verification'],
        summary: 'Reveal name, ID number or ID card images of a submission for a stated purpose (audited)',
        params: id,
        body: ZVerificationRevealRequest,
        response: { 200: ZVerificationRevealResponse },
      },
      handler: async (request) =>
        service.reveal(principalOf(request.principal), request.params.id, request.body.fields, request.body.purpose, String(request.id)),
    });
    r.post('/api/staff/verifications/:id/decision', {
      config: { permission: 'verification.review' },
      schema: {
        tags: ['verification'],
        summary: 'Approve or reject a submission with the checklist',
        params: id,
        body: ZVerificationDecisionRequest,
        response: { 200: ZVerificationReviewItem },
      },
      handler: async (request) => service.decide(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
  };
}
