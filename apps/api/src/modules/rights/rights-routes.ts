import {
  ZCreateRightsRequest,
  ZRightsAdvance,
  ZRightsAnswer,
  ZRightsDetail,
  ZRightsExport,
  ZRightsExtend,
  ZRightsRefuse,
  ZRightsRequest,
  ZRightsRequestList,
  ZStaffRightsRequestList,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOf, principalOf } from '../../platform/http/index.ts';
import type { RightsService } from './rights-service.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const tags = ['rights'];
/** The export's JSON Schema, computed once from the contract (the documented schema cannot drift from the code). */
const exportSchema = z.toJSONSchema(ZRightsExport, { io: 'output' });

/** Rights requests: the requester's own (我的隐私) and the privacy officer's queue. */
export function rightsRoutes(service: RightsService) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const id = (request: { id: unknown }) => String(request.id);

    r.get('/api/privacy/rights-export-schema', {
      config: { permission: 'public' },
      schema: { tags, summary: 'The JSON Schema of the access-and-copy export (sealbridge.rights-export/v1)' },
      handler: async () => exportSchema,
    });

    r.post('/api/me/rights-requests', {
      config: { permission: 'customer.self_service', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'File a typed rights request (PIPL Art. 44–50)',
        body: ZCreateRightsRequest,
        response: { 201: ZRightsRequest },
      },
      handler: async (request, reply) => reply.code(201).send(await service.file(customerOf(request.principal), request.body, id(request))),
    });
    r.get('/api/me/rights-requests', {
      config: { permission: 'customer.self_service' },
      schema: { tags, summary: 'My rights requests: status, answer and history', response: { 200: ZRightsRequestList } },
      handler: async (request) => ({ requests: await service.mine(customerOf(request.principal)), slaWorkingDays: service.slaWorkingDays }),
    });
    r.get('/api/me/rights-requests/:id', {
      config: { permission: 'customer.self_service' },
      schema: { tags, summary: 'One of my rights requests', params: ZId, response: { 200: ZRightsRequest } },
      handler: async (request) => service.mineOne(customerOf(request.principal), request.params.id),
    });
    r.post('/api/me/rights-requests/:id/confirm-identity', {
      config: { permission: 'customer.self_service' },
      schema: { tags, summary: 'Confirm it is me (after a step-up in this session)', params: ZId, response: { 200: ZRightsRequest } },
      handler: async (request) => service.confirmIdentity(customerOf(request.principal), request.params.id, id(request)),
    });
    r.get('/api/me/rights-requests/:id/export.json', {
      config: { permission: 'customer.self_service', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'My data as JSON (sealbridge.rights-export/v1; needs a recent step-up)',
        params: ZId,
        response: { 200: ZRightsExport },
      },
      handler: async (request, reply) => {
        const doc = await service.exportOf(customerOf(request.principal), request.params.id, 'json', id(request));
        return reply.header('content-disposition', 'attachment; filename="sealbridge-export.json"').send(doc);
      },
    });
    r.get('/api/me/rights-requests/:id/export.pdf', {
      config: { permission: 'customer.self_service', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, summary: 'My data as a readable zh-CN PDF (JSON attached; needs a recent step-up)', params: ZId },
      handler: async (request, reply) => {
        const bytes = await service.exportPdf(customerOf(request.principal), request.params.id, id(request));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="sealbridge-export.pdf"')
          .send(Buffer.from(bytes));
      },
    });

    // The privacy officer.
    const manage = { permission: 'privacy.tickets.manage' } as const;
    r.get('/api/staff/rights-requests', {
      config: manage,
      schema: {
        tags: ['staff'],
        summary: 'Rights requests with their clocks (details sealed)',
        response: { 200: ZStaffRightsRequestList },
      },
      handler: async () => ({ requests: await service.queue() }),
    });
    r.post('/api/staff/rights-requests/:id/reveal', {
      config: manage,
      schema: { tags: ['staff'], summary: "Read a request's details (audited reveal)", params: ZId, response: { 200: ZRightsDetail } },
      handler: async (request) => ({ detail: await service.revealDetail(principalOf(request.principal), request.params.id, id(request)) }),
    });
    r.post('/api/staff/rights-requests/:id/advance', {
      config: manage,
      schema: { tags: ['staff'], summary: 'Start work on a request', params: ZId, body: ZRightsAdvance, response: { 200: ZRightsRequest } },
      handler: async (request) =>
        service.advance(principalOf(request.principal), request.params.id, request.body.status, request.body.note, id(request)),
    });
    r.post('/api/staff/rights-requests/:id/answer', {
      config: manage,
      schema: {
        tags: ['staff'],
        summary: 'Answer a request (the requester sees it)',
        params: ZId,
        body: ZRightsAnswer,
        response: { 200: ZRightsRequest },
      },
      handler: async (request) => service.answer(principalOf(request.principal), request.params.id, request.body.text, id(request)),
    });
    r.post('/api/staff/rights-requests/:id/extend', {
      config: manage,
      schema: {
        tags: ['staff'],
        summary: 'Extend the deadline once, with a reason sent to the requester',
        params: ZId,
        body: ZRightsExtend,
        response: { 200: ZRightsRequest },
      },
      handler: async (request) =>
        service.extend(principalOf(request.principal), request.params.id, request.body.workingDays, request.body.reason, id(request)),
    });
    r.post('/api/staff/rights-requests/:id/refuse', {
      config: manage,
      schema: {
        tags: ['staff'],
        summary: 'Refuse with a reason code and text',
        params: ZId,
        body: ZRightsRefuse,
        response: { 200: ZRightsRequest },
      },
      handler: async (request) =>
        service.refuse(principalOf(request.principal), request.params.id, request.body.code, request.body.text, id(request)),
    });
    r.post('/api/staff/rights-requests/:id/execute', {
      config: manage,
      schema: {
        tags: ['staff'],
        summary: 'Run the erasure path for a deletion or closure (restricted when a retention floor applies)',
        params: ZId,
        response: { 200: ZRightsRequest },
      },
      handler: async (request) => service.execute(principalOf(request.principal), request.params.id, id(request)),
    });
  };
}
