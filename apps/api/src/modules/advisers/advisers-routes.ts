import {
  ZAdviserAssignments,
  ZAdviserReassignRequest,
  ZAdviserRuleInput,
  ZAdvisersOverview,
  ZMyAdviser,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { AdvisersService } from './advisers-service.ts';

const ZId = z.string().min(1).max(64);

export function advisersRoutes(service: AdvisersService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/me/adviser', {
      config: { permission: 'customer.self_service' },
      schema: {
        tags: ['advisers'],
        summary: 'My adviser: staff number and since when (reached through the platform only)',
        response: { 200: ZMyAdviser },
      },
      handler: async (request) => service.myAdviser(principalOf(request.principal)),
    });
    r.get('/api/staff/advisers', {
      config: { permission: 'clients.assign' },
      schema: { tags: ['advisers'], summary: 'Assignment rules and active brokers with their load', response: { 200: ZAdvisersOverview } },
      handler: async () => service.overview(),
    });
    r.get('/api/staff/advisers/assignments', {
      config: { permission: 'clients.assign' },
      schema: {
        tags: ['advisers'],
        summary: 'Customers with their current adviser',
        querystring: z.object({
          page: zQueryInt(1, 100_000, 1),
          pageSize: zQueryInt(1, 100, 20),
          customerNo: z
            .string()
            .regex(/^[A-Z]-\d{4,8}$/)
            .optional(),
        }),
        response: { 200: ZAdviserAssignments },
      },
      handler: async (request) => service.assignments(request.query.page, request.query.pageSize, request.query.customerNo),
    });
    r.put('/api/staff/advisers/assignments/:customerAccountId', {
      config: { permission: 'clients.assign' },
      schema: {
        tags: ['advisers'],
        summary: 'Reassign a customer to another broker (the old assignment ends)',
        params: z.object({ customerAccountId: ZId }),
        body: ZAdviserReassignRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.reassign(
          principalOf(request.principal),
          request.params.customerAccountId,
          request.body.brokerAccountId,
          String(request.id),
        );
        return reply.code(204).send(null);
      },
    });
    r.post('/api/staff/advisers/rules', {
      config: { permission: 'clients.assign' },
      schema: {
        tags: ['advisers'],
        summary: 'Add an automatic assignment rule (province and/or industry → broker)',
        body: ZAdviserRuleInput,
        response: { 200: ZAdvisersOverview },
      },
      handler: async (request) => service.createRule(principalOf(request.principal), request.body, String(request.id)),
    });
    r.delete('/api/staff/advisers/rules/:id', {
      config: { permission: 'clients.assign' },
      schema: {
        tags: ['advisers'],
        summary: 'Remove an assignment rule',
        params: z.object({ id: ZId }),
        response: { 200: ZAdvisersOverview },
      },
      handler: async (request) => service.deleteRule(principalOf(request.principal), request.params.id, String(request.id)),
    });
  };
}
