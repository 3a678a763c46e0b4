import {
  ZContractRequest,
  ZCreateVendorRequest,
  ZCrossBorderLedger,
  ZDeletionAttestationRequest,
  ZImpactAssessment,
  ZImpactAssessmentList,
  ZImpactAssessmentRequest,
  ZMechanism,
  ZMechanismRequest,
  ZObligationsMap,
  ZSecurityAssessmentRequest,
  ZTransferList,
  ZVendor,
  ZVendorList,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { VendorsService } from './vendors-service.ts';

const id = z.object({ id: z.string().min(1).max(64) });
const tags = ['vendors'];
const permission = 'vendors.manage';

/** The privacy officer's console for third parties, transfers, cross-border, assessments and the obligations map. */
export function vendorsRoutes(service: VendorsService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/staff/vendors', {
      config: { permission },
      schema: { tags, summary: 'Every recipient with role, contract, assessments and review schedule', response: { 200: ZVendorList } },
      handler: async () => ({ items: await service.registry.list() }),
    });
    r.post('/api/staff/vendors', {
      config: { permission },
      schema: { tags, summary: 'Register a recipient of personal data', body: ZCreateVendorRequest, response: { 201: ZVendor } },
      handler: async (request, reply) => reply.code(201).send(await service.registry.create(principalOf(request.principal), request.body)),
    });
    r.post('/api/staff/vendors/:id/contracts', {
      config: { permission },
      schema: {
        tags,
        summary: 'Record a contract with its clause checklist',
        params: id,
        body: ZContractRequest,
        response: { 200: ZVendor },
      },
      handler: async (request) => service.registry.recordContract(principalOf(request.principal), request.params.id, request.body),
    });
    r.post('/api/staff/vendors/:id/security-assessment', {
      config: { permission },
      schema: {
        tags,
        summary: "Record the vendor's security assessment",
        params: id,
        body: ZSecurityAssessmentRequest,
        response: { 200: ZVendor },
      },
      handler: async (request) =>
        service.registry.recordSecurityAssessment(principalOf(request.principal), request.params.id, request.body.result),
    });
    r.post('/api/staff/vendors/:id/review', {
      config: { permission },
      schema: { tags, summary: 'Complete the periodic review; the next is due one interval later', params: id, response: { 200: ZVendor } },
      handler: async (request) => service.registry.markReviewed(principalOf(request.principal), request.params.id),
    });
    r.post('/api/staff/vendors/:id/end', {
      config: { permission },
      schema: { tags, summary: 'End the relationship: every later transfer is refused', params: id, response: { 200: ZVendor } },
      handler: async (request) => service.registry.end(principalOf(request.principal), request.params.id, 'by_officer'),
    });
    r.post('/api/staff/vendors/:id/deletion-attestation', {
      config: { permission },
      schema: {
        tags,
        summary: 'Record the return or deletion attestation',
        params: id,
        body: ZDeletionAttestationRequest,
        response: { 200: ZVendor },
      },
      handler: async (request) =>
        service.registry.attestDeletion(principalOf(request.principal), request.params.id, request.body.statement),
    });
    r.get('/api/staff/transfers', {
      config: { permission },
      schema: {
        tags,
        summary: 'The record of outbound transfers, allowed and refused (kept ≥ 3 years)',
        querystring: z.object({
          outcome: z.enum(['allowed', 'refused']).optional(),
          page: zQueryInt(1, 100_000, 1),
          pageSize: zQueryInt(1, 100, 20),
        }),
        response: { 200: ZTransferList },
      },
      handler: async (request) => service.listTransfers(request.query),
    });
    r.get('/api/staff/cross-border', {
      config: { permission },
      schema: { tags, summary: "This year's cross-border ledger and the mechanisms on file", response: { 200: ZCrossBorderLedger } },
      handler: async () => service.crossBorder.ledger(),
    });
    r.post('/api/staff/cross-border/mechanisms', {
      config: { permission },
      schema: {
        tags,
        summary: 'Record a standard contract, certification or CAC assessment',
        body: ZMechanismRequest,
        response: { 201: ZMechanism },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.crossBorder.record(principalOf(request.principal), request.body)),
    });
    r.post('/api/staff/cross-border/mechanisms/:id/filed', {
      config: { permission },
      schema: { tags, summary: 'Mark a standard contract as filed with the provincial CAC', params: id, response: { 200: ZMechanism } },
      handler: async (request) => service.crossBorder.markFiled(principalOf(request.principal), request.params.id),
    });
    r.get('/api/staff/impact-assessments', {
      config: { permission },
      schema: { tags, summary: 'Impact assessments and their templates', response: { 200: ZImpactAssessmentList } },
      handler: async () => ({ items: await service.assessments.list(), templates: service.templates() }),
    });
    r.post('/api/staff/impact-assessments', {
      config: { permission },
      schema: {
        tags,
        summary: 'Record an impact assessment for a flow',
        body: ZImpactAssessmentRequest,
        response: { 201: ZImpactAssessment },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.assessments.create(principalOf(request.principal), request.body)),
    });
    r.get('/api/staff/obligations', {
      config: { permission },
      schema: {
        tags,
        summary: "PRIVACY-LAW.md's obligations with live evidence and a red / amber / green status",
        response: { 200: ZObligationsMap },
      },
      handler: async () => service.obligations.map(),
    });
  };
}
