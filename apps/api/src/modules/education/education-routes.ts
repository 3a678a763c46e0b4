import { ZEducationCode, ZEducationItem, ZEducationList, ZReviseEducationRequest } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { EducationService } from './education-service.ts';

export function educationRoutes(service: EducationService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['education'];
    r.get('/api/education', {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The security and anti-fraud guides and the in-flow tips (latest revisions)',
        response: { 200: ZEducationList },
      },
      handler: async () => service.list(),
    });
    r.put('/api/staff/education/:code', {
      config: { permission: 'program.manage' },
      schema: {
        tags,
        summary: 'Publish a new revision of a guide or tip',
        params: z.object({ code: ZEducationCode }),
        body: ZReviseEducationRequest,
        response: { 200: ZEducationItem },
      },
      handler: async (request) => service.revise(principalOf(request.principal), request.params.code, request.body, String(request.id)),
    });
  };
}
