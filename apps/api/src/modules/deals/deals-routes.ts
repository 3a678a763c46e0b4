import {
  CUSTODY_ITEMS,
  DEAL_PHOTO_MAX_BYTES,
  DEAL_STATUSES,
  ZAdvanceDealRequest,
  ZArt22Request,
  ZCancelDealRequest,
  ZChecklistMarkRequest,
  ZCustodyApplicableRequest,
  ZCustodyPhotoRequest,
  ZCustodySealRequest,
  ZDealImage,
  ZDealList,
  ZDealView,
  ZLegalRepRequest,
  ZMoneyEventRequest,
  ZMoneyRequest,
  ZPledgeRequest,
  ZStartDealRequest,
} from '@sealbridge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { DealsService } from './deals-service.ts';

/** One base64 photo (4/3 of its bytes) and a little JSON; larger bodies are refused before parsing. */
const PHOTO_BODY_LIMIT = Math.ceil((DEAL_PHOTO_MAX_BYTES * 4) / 3) + 16 * 1024;
const ZId = z.object({ id: z.string().min(1).max(64) });
const ZItem = ZId.extend({
  item: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .max(64),
});
const ZKind = ZId.extend({ kind: z.enum(CUSTODY_ITEMS) });
const ZMilestone = ZId.extend({ milestoneId: z.string().min(1).max(64) });
const tags = ['deals'];

export function dealsRoutes(service: DealsService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown): Principal => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as Principal;
    };
    const rid = (request: FastifyRequest) => String(request.id);
    // Photos are vault work on large bodies: a few dozen per account per 10 minutes.
    const photoLimit = {
      max: 40,
      timeWindow: '10 minutes',
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => `deal-photo:${(request.principal as Principal | undefined)?.accountId ?? request.ip}`,
    };

    // Every side: the deals one takes part in.
    r.get('/api/deals', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: "My deals (a broker's assigned deals; a customer's as seller or buyer)",
        querystring: z.object({ status: z.enum(DEAL_STATUSES).optional() }),
        response: { 200: ZDealList },
      },
      handler: async (request) => service.list(principalOf(request.principal), request.query.status),
    });
    r.post('/api/deals', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: "Start a deal: a buyer on a listing where they hold an active L1 grant, or the listing's adviser from that grant",
        body: ZStartDealRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.start(principalOf(request.principal), request.body, rid(request)),
    });
    r.get('/api/deals/:id', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: 'One deal: stages and checklists with due dates, custody ledger, money, tasks',
        params: ZId,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.get(principalOf(request.principal), request.params.id, rid(request)),
    });
    r.put('/api/deals/:id/checklist/:item', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: 'Tick or untick a checklist item of the current stage (own items; the broker any)',
        params: ZItem,
        body: ZChecklistMarkRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.mark(principalOf(request.principal), request.params.id, request.params.item, request.body, rid(request)),
    });
    r.post('/api/deals/:id/custody/:kind/photo', {
      config: { permission: 'deals.participate', rateLimit: photoLimit },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload the hand-over photo of a custody item (sealed by the vault; both sides confirm again)',
        params: ZKind,
        body: ZCustodyPhotoRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.uploadCustodyPhoto(
          principalOf(request.principal),
          request.params.id,
          request.params.kind,
          request.body.image,
          rid(request),
        ),
    });
    r.post('/api/deals/:id/custody/:kind/confirm', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: 'Confirm a hand-over: the seller that it was handed over, the buyer that it was received',
        params: ZKind,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.confirmCustody(principalOf(request.principal), request.params.id, request.params.kind, rid(request)),
    });
    r.post('/api/deals/:id/custody/:kind/seal', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: "Record the old seal's cancellation and the new seal's police filing (buyer or broker)",
        params: ZKind,
        body: ZCustodySealRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.recordSealCancellation(principalOf(request.principal), request.params.id, request.params.kind, request.body, rid(request)),
    });
    r.post('/api/deals/:id/custody/:kind/photo/reveal', {
      config: { permission: 'deals.participate' },
      schema: { tags, summary: 'Open a hand-over photo (audited)', params: ZKind, response: { 200: ZDealImage } },
      handler: async (request) =>
        service.revealCustodyPhoto(principalOf(request.principal), request.params.id, request.params.kind, rid(request)),
    });
    r.post('/api/deals/:id/art22', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: 'Record the PIPL Art. 22 notice as sent (buyer or broker)',
        params: ZId,
        body: ZArt22Request,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.completeArt22(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
    r.post('/api/deals/:id/legal-rep', {
      config: { permission: 'deals.participate', rateLimit: photoLimit },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: 'After the closing: confirm with evidence that I am no longer the legal representative (seller)',
        params: ZId,
        body: ZLegalRepRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.confirmLegalRep(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
    r.post('/api/deals/:id/legal-rep/reveal', {
      config: { permission: 'deals.participate' },
      schema: {
        tags,
        summary: 'Open the legal-representative evidence (seller or broker; audited)',
        params: ZId,
        response: { 200: ZDealImage },
      },
      handler: async (request) => service.revealLegalRepEvidence(principalOf(request.principal), request.params.id, rid(request)),
    });

    // The broker who runs the deal.
    r.post('/api/deals/:id/advance', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Move the deal to its next stage (intent locks the company; leaving handover is the closing)',
        params: ZId,
        body: ZAdvanceDealRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.advance(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
    r.post('/api/deals/:id/cancel', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Cancel the deal before its closing (lifts the lock)',
        params: ZId,
        body: ZCancelDealRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.cancel(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
    r.put('/api/deals/:id/custody/:kind/applicable', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Mark a custody item as part of this handover or not',
        params: ZKind,
        body: ZCustodyApplicableRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.setCustodyApplicable(
          principalOf(request.principal),
          request.params.id,
          request.params.kind,
          request.body.applicable,
          rid(request),
        ),
    });
    r.post('/api/deals/:id/money', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Record a money milestone (deposit, instalment, escrow, final payment, holdback)',
        params: ZId,
        body: ZMoneyRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.addMoney(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
    r.post('/api/deals/:id/money/:milestoneId', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Record a milestone as paid or released',
        params: ZMilestone,
        body: ZMoneyEventRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) =>
        service.recordMoneyEvent(principalOf(request.principal), request.params.id, request.params.milestoneId, request.body, rid(request)),
    });
    r.post('/api/deals/:id/pledge', {
      config: { permission: 'deals.manage' },
      schema: {
        tags,
        summary: 'Record the equity pledge back to the seller as registered or released',
        params: ZId,
        body: ZPledgeRequest,
        response: { 200: ZDealView },
      },
      handler: async (request) => service.recordPledge(principalOf(request.principal), request.params.id, request.body, rid(request)),
    });
  };
}
