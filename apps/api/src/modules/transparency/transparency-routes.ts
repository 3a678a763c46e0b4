import {
  ZAuthorityRequest,
  ZAuthorityRequestList,
  ZQuarter,
  ZRecordAuthorityRequest,
  ZTransparencyReport,
  ZTransparencyReportList,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { TransparencyService } from './transparency-service.ts';

const ZPeriod = z.object({ period: ZQuarter });
const manage = { permission: 'transparency.manage' as const };

/** The public transparency reports (published only) and the privacy officer's drafts, publishing and register. */
export function transparencyRoutes(service: TransparencyService) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const id = (request: { id: unknown }) => String(request.id);

    r.get('/api/privacy/transparency', {
      config: { permission: 'public' },
      schema: { tags: ['privacy'], summary: 'The published quarterly transparency reports', response: { 200: ZTransparencyReportList } },
      handler: async () => service.listPublished(),
    });
    r.get('/api/privacy/transparency/:period', {
      config: { permission: 'public' },
      schema: {
        tags: ['privacy'],
        summary: "One published quarter's transparency report (a draft is not public)",
        params: ZPeriod,
        response: { 200: ZTransparencyReport },
      },
      handler: async (request) => service.getPublished(request.params.period),
    });

    const tags = ['staff'];
    r.get('/api/staff/transparency/reports', {
      config: manage,
      schema: { tags, summary: 'Every transparency report, drafts included', response: { 200: ZTransparencyReportList } },
      handler: async () => service.listAll(),
    });
    r.get('/api/staff/transparency/reports/:period', {
      config: manage,
      schema: { tags, summary: "One quarter's report, draft or published", params: ZPeriod, response: { 200: ZTransparencyReport } },
      handler: async (request) => service.get(request.params.period),
    });
    r.post('/api/staff/transparency/reports/:period/generate', {
      config: { ...manage, rateLimit: { max: 12, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "Draft (or redraft) a quarter's report from the database's counts; refused once published",
        params: ZPeriod,
        response: { 200: ZTransparencyReport },
      },
      handler: async (request) => service.generate(principalOf(request.principal), request.params.period, id(request)),
    });
    r.post('/api/staff/transparency/reports/:period/publish', {
      config: manage,
      schema: {
        tags,
        summary: "Publish a finished quarter's draft: the figures are frozen and public",
        params: ZPeriod,
        response: { 200: ZTransparencyReport },
      },
      handler: async (request) => service.publish(principalOf(request.principal), request.params.period, id(request)),
    });
    r.get('/api/staff/transparency/authority-requests', {
      config: manage,
      schema: { tags, summary: 'The register of requests for data from authorities', response: { 200: ZAuthorityRequestList } },
      handler: async () => service.listAuthorityRequests(),
    });
    r.post('/api/staff/transparency/authority-requests', {
      config: manage,
      schema: {
        tags,
        summary: "Record an authority's request for data (no person named; texts pass the identifier guard)",
        body: ZRecordAuthorityRequest,
        response: { 201: ZAuthorityRequest },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.recordAuthorityRequest(principalOf(request.principal), request.body, id(request))),
    });
  };
}
