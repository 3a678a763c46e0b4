import {
  ZAcknowledgeConductRequest,
  ZConductCurrent,
  ZConductVersion,
  ZModuleAnswers,
  ZModuleResult,
  ZProgramStanding,
  ZProgramStatus,
  ZPrivacyMetrics,
  ZPublishConductRequest,
  ZRecordViolationRequest,
  ZTrainingModule,
  ZTrainingModuleAdmin,
  ZTrainingModuleAdminList,
  ZTrainingModuleCode,
  ZTrainingModuleInput,
  ZViolationList,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { StaffService } from './staff-service.ts';

const code = z.object({ code: ZTrainingModuleCode });

/** The privacy program's routes (issue 19): my modules and code of conduct; the privacy officer's editing side. */
export async function registerProgramRoutes(app: FastifyInstance, service: StaffService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const principalOf = (p: unknown): Principal => {
    if (!p) throw new AppError('UNAUTHENTICATED');
    return p as Principal;
  };
  const tags = ['staff'];
  const program = service.program;

  r.get('/api/staff/me/program', {
    config: { permission: 'staff.training' },
    schema: { tags, summary: 'My training modules (with expiry) and code-of-conduct status', response: { 200: ZProgramStatus } },
    handler: async (request) => program.status(principalOf(request.principal)),
  });
  r.get('/api/staff/me/modules/:code', {
    config: { permission: 'staff.training' },
    schema: { tags, summary: 'A training module and its quiz (no answer key)', params: code, response: { 200: ZTrainingModule } },
    handler: async (request) => program.module(principalOf(request.principal), request.params.code),
  });
  r.post('/api/staff/me/modules/:code', {
    config: { permission: 'staff.training' },
    schema: {
      tags,
      summary: "Submit a module's quiz (graded against its pass mark)",
      params: code,
      body: ZModuleAnswers,
      response: { 200: ZModuleResult },
    },
    handler: async (request) => program.submit(principalOf(request.principal), request.params.code, request.body, String(request.id)),
  });
  r.get('/api/staff/me/conduct', {
    config: { permission: 'staff.training' },
    schema: { tags, summary: 'The current code of conduct', response: { 200: ZConductCurrent } },
    handler: async () => program.conduct(),
  });
  r.post('/api/staff/me/conduct', {
    config: { permission: 'staff.training' },
    schema: {
      tags,
      summary: 'Acknowledge the current code of conduct',
      body: ZAcknowledgeConductRequest,
      response: { 200: ZProgramStatus },
    },
    handler: async (request) => program.acknowledgeConduct(principalOf(request.principal), request.body.version, String(request.id)),
  });

  r.get('/api/staff/privacy-metrics', {
    config: { permission: 'console.access' },
    schema: { tags, summary: 'Live privacy metrics for the console home (counts only)', response: { 200: ZPrivacyMetrics } },
    handler: async () => program.metrics(),
  });
  r.get('/api/staff/program/modules', {
    config: { permission: 'program.manage' },
    schema: { tags, summary: 'Training modules with their answer keys', response: { 200: ZTrainingModuleAdminList } },
    handler: async () => program.listModules(),
  });
  r.get('/api/staff/program/standing', {
    config: { permission: 'program.manage' },
    schema: {
      tags,
      summary: 'Where active staff stand: per module counts and who has acknowledged the current code of conduct',
      response: { 200: ZProgramStanding },
    },
    handler: async () => program.standing(),
  });
  r.put('/api/staff/program/modules/:code', {
    config: { permission: 'program.manage' },
    schema: {
      tags,
      summary: 'Create or edit a training module (a new revision)',
      params: code,
      body: ZTrainingModuleInput,
      response: { 200: ZTrainingModuleAdmin },
    },
    handler: async (request) => program.saveModule(principalOf(request.principal), request.params.code, request.body, String(request.id)),
  });
  r.post('/api/staff/program/conduct', {
    config: { permission: 'program.manage' },
    schema: { tags, summary: 'Publish a new code of conduct version', body: ZPublishConductRequest, response: { 201: ZConductVersion } },
    handler: async (request, reply) =>
      reply.code(201).send(await program.publishConduct(principalOf(request.principal), request.body, String(request.id))),
  });
  r.get('/api/staff/program/violations', {
    config: { permission: 'program.manage' },
    schema: { tags, summary: 'Recorded violations and their handling', response: { 200: ZViolationList } },
    handler: async () => program.violations(),
  });
  r.post('/api/staff/program/violations', {
    config: { permission: 'program.manage' },
    schema: {
      tags,
      summary: 'Record a violation with its handling decision and the audit records it rests on',
      body: ZRecordViolationRequest,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await program.recordViolation(principalOf(request.principal), request.body, String(request.id))),
  });
}
