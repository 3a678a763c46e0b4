import {
  ZAcceptAgreementRequest,
  ZBreakGlassGrant,
  ZBreakGlassListResponse,
  ZBreakGlassRequest,
  ZBreakGlassRevealRequest,
  ZComplianceStatus,
  ZCompleteTrainingRequest,
  ZCreateStaffRequest,
  ZCreateStaffResponse,
  ZOffboardResponse,
  ZProfileResponse,
  ZReassignmentsResponse,
  ZReassignRequest,
  ZReviewCampaignsResponse,
  ZReviewDecisionRequest,
  ZSetStaffRolesRequest,
  ZStaffListResponse,
  ZStartReviewRequest,
  ZTrainingResult,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { registerProgramRoutes } from './staff-program-routes.ts';
import type { StaffService } from './staff-service.ts';

const id = z.object({ id: z.string().min(1).max(64) });

export function staffRoutes(service: StaffService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const principalOf = (p: unknown): Principal => {
      if (!p) throw new AppError('UNAUTHENTICATED');
      return p as Principal;
    };
    const tags = ['staff'];

    // Staff administration (admin).
    r.get('/api/staff/members', {
      config: { permission: 'staff.manage' },
      schema: { tags, summary: 'Staff accounts (login names and e-mails masked)', response: { 200: ZStaffListResponse } },
      handler: async () => service.admin.list(),
    });
    r.post('/api/staff/members', {
      config: { permission: 'staff.manage' },
      schema: {
        tags,
        summary: 'Create a staff account; the initial password is in this response only',
        body: ZCreateStaffRequest,
        response: { 201: ZCreateStaffResponse },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.admin.create(principalOf(request.principal), request.body, String(request.id))),
    });
    r.put('/api/staff/members/:id/roles', {
      config: { permission: 'staff.manage' },
      schema: { tags, summary: "Replace a staff member's roles", params: id, body: ZSetStaffRolesRequest, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.admin.setRoles(principalOf(request.principal), request.params.id, request.body.roles, String(request.id));
        return reply.code(204).send(null);
      },
    });
    r.post('/api/staff/members/:id/offboard', {
      config: { permission: 'staff.manage' },
      schema: {
        tags,
        summary: 'Offboard: disable, end all sessions, flag clients for reassignment',
        params: id,
        response: { 200: ZOffboardResponse },
      },
      handler: async (request) => service.admin.offboard(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.get('/api/staff/reassignments', {
      config: { permission: 'staff.manage' },
      schema: { tags, summary: 'Clients of offboarded staff waiting for another broker', response: { 200: ZReassignmentsResponse } },
      handler: async () => service.admin.reassignments(),
    });
    r.post('/api/staff/reassignments', {
      config: { permission: 'staff.manage' },
      schema: { tags, summary: 'Assign a flagged client to an active broker', body: ZReassignRequest, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.admin.reassign(principalOf(request.principal), request.body, String(request.id));
        return reply.code(204).send(null);
      },
    });

    // The member's own agreement and training.
    r.get('/api/staff/me/compliance', {
      config: { permission: 'staff.training' },
      schema: { tags, summary: 'My confidentiality agreement and training status', response: { 200: ZComplianceStatus } },
      handler: async (request) => service.training.status(principalOf(request.principal)),
    });
    r.post('/api/staff/me/agreement', {
      config: { permission: 'staff.training' },
      schema: {
        tags,
        summary: 'Accept the current confidentiality agreement',
        body: ZAcceptAgreementRequest,
        response: { 200: ZComplianceStatus },
      },
      handler: async (request) =>
        service.training.acceptAgreement(principalOf(request.principal), request.body.version, String(request.id)),
    });
    r.post('/api/staff/me/training', {
      config: { permission: 'staff.training' },
      schema: { tags, summary: 'Submit the privacy training quiz', body: ZCompleteTrainingRequest, response: { 200: ZTrainingResult } },
      handler: async (request) => service.training.completeTraining(principalOf(request.principal), request.body, String(request.id)),
    });

    // Access reviews.
    r.get('/api/staff/access-reviews', {
      config: { permission: 'staff.review' },
      schema: { tags, summary: 'Access review campaigns and their items', response: { 200: ZReviewCampaignsResponse } },
      handler: async () => service.reviews.list(),
    });
    r.post('/api/staff/access-reviews', {
      config: { permission: 'staff.review' },
      schema: {
        tags,
        summary: 'Start an access review campaign now',
        body: ZStartReviewRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
      handler: async (request, reply) =>
        reply
          .code(201)
          .send({ id: await service.reviews.start(principalOf(request.principal), request.body.dueInDays, String(request.id)) }),
    });
    r.post('/api/staff/access-reviews/items/:id', {
      config: { permission: 'staff.review' },
      schema: {
        tags,
        summary: "Recertify or revoke one staff member's roles",
        params: id,
        body: ZReviewDecisionRequest,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await service.reviews.decide(principalOf(request.principal), request.params.id, request.body.decision, String(request.id));
        return reply.code(204).send(null);
      },
    });

    // Break-glass.
    r.post('/api/staff/break-glass', {
      config: { permission: 'breakglass.request' },
      schema: {
        tags,
        summary: 'Open time-boxed emergency access to one customer (justified, alerted, audited)',
        body: ZBreakGlassRequest,
        response: { 201: ZBreakGlassGrant },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.breakGlass.request(principalOf(request.principal), request.body, String(request.id))),
    });
    r.get('/api/staff/break-glass/mine', {
      config: { permission: 'breakglass.request' },
      schema: { tags, summary: 'My break-glass grants', response: { 200: ZBreakGlassListResponse } },
      handler: async (request) => service.breakGlass.mine(principalOf(request.principal)),
    });
    r.post('/api/staff/break-glass/:id/reveal', {
      config: { permission: 'breakglass.request' },
      schema: {
        tags,
        summary: 'Reveal fields under an active grant of mine (purpose break_glass)',
        params: id,
        body: ZBreakGlassRevealRequest,
        response: { 200: ZProfileResponse },
      },
      handler: async (request) =>
        service.breakGlass.reveal(principalOf(request.principal), request.params.id, request.body.fields, String(request.id)),
    });
    r.get('/api/staff/break-glass/alerts', {
      config: { permission: 'breakglass.review' },
      schema: { tags, summary: 'Break-glass alerts: every grant with its justification', response: { 200: ZBreakGlassListResponse } },
      handler: async () => service.breakGlass.alerts(),
    });
    r.post('/api/staff/break-glass/:id/acknowledge', {
      config: { permission: 'breakglass.review' },
      schema: { tags, summary: 'Acknowledge a break-glass alert', params: id, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await service.breakGlass.acknowledge(principalOf(request.principal), request.params.id, String(request.id));
        return reply.code(204).send(null);
      },
    });

    // The privacy program (issue 19).
    await registerProgramRoutes(app, service);
  };
}
