import {
  ZAccessLogResponse,
  ZAuditExportQuery,
  ZAuditSearchQuery,
  ZAuditSearchResponse,
  ZCheckpointResponse,
  ZConsistencyProofQuery,
  ZConsistencyProofResponse,
  ZCosignedNoteRequest,
  ZCosignedNoteResponse,
  ZIntegrityResponse,
  ZWitnessesResponse,
  type TAuditSearchQuery,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditActor } from './audit-events.ts';
import type { AuditLog } from './audit-log.ts';
import type { AuditService } from './audit-service.ts';
import type { AuditWitnesses } from './audit-witnesses.ts';

export type AuditRouteDeps = {
  service: AuditService;
  witnesses: AuditWitnesses;
  log: Pick<AuditLog, 'append'>;
  /** Subject ids found by blind index from one identifier in the query (the identifier is never stored). */
  resolveSubjects: (query: TAuditSearchQuery) => Promise<string[] | undefined>;
  /** The data subjects an account is (a customer's own profile). */
  subjectsOfAccount: (accountId: string) => Promise<string[]>;
};

export function actorOf(principal: Principal): AuditActor {
  return { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId };
}

function principalOf(p: Principal | null): Principal {
  if (!p) throw new AppError('UNAUTHENTICATED');
  return p;
}

export function auditRoutes(deps: AuditRouteDeps) {
  const { service } = deps;
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/audit/checkpoint', {
      config: { permission: 'public' },
      schema: {
        tags: ['audit'],
        summary: 'The latest signed checkpoint of the audit trail, for outsiders to hold us to',
        response: { 200: ZCheckpointResponse },
      },
      handler: async () => {
        const checkpoint = await service.latestCheckpoint();
        if (!checkpoint) throw new AppError('NOT_FOUND', 'no checkpoint yet');
        return checkpoint;
      },
    });

    // Public and unauthenticated, for witnesses and auditors anywhere; bounded by a per-address rate limit.
    r.get('/api/audit/proof/consistency', {
      config: { permission: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'RFC 9162 consistency proof between two tree sizes; `to` must be a signed checkpoint',
        querystring: ZConsistencyProofQuery,
        response: { 200: ZConsistencyProofResponse },
      },
      handler: async (request) => deps.witnesses.consistencyProof(request.query.from, request.query.to),
    });

    r.post('/api/audit/cosignatures', {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'A configured witness hands in its cosignature (C2SP cosignature/v1) of one of our checkpoints',
        body: ZCosignedNoteRequest,
        response: { 200: ZCosignedNoteResponse },
      },
      handler: async (request) => deps.witnesses.acceptCosignedNote(request.body.note),
    });

    r.get('/api/audit/witnesses', {
      config: { permission: 'public' },
      schema: {
        tags: ['audit'],
        summary: 'The witnesses of the audit trail and the largest checkpoint each has cosigned',
        response: { 200: ZWitnessesResponse },
      },
      handler: async () => deps.witnesses.list(),
    });

    // POST: a subject may be searched by mobile, e-mail or ID number, which must not travel in a URL.
    r.post('/api/audit/search', {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Search the audit trail', body: ZAuditSearchQuery, response: { 200: ZAuditSearchResponse } },
      handler: async (request) => {
        const q = request.body;
        const resolved = await deps.resolveSubjects(q);
        const subjectIds = resolved ?? (q.subjectId ? [q.subjectId] : undefined);
        return service.search(
          { actorAccountId: q.actor, subjectIds, action: q.action, purpose: q.purpose, decision: q.decision, from: q.from, to: q.to },
          q.page,
          q.pageSize,
        );
      },
    });

    r.get('/api/audit/integrity', {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the chain, the Merkle tree and every signed checkpoint',
        response: { 200: ZIntegrityResponse },
      },
      handler: async (request) => {
        const result = await service.verify({ external: await service.exportedCheckpoints() });
        await deps.log.append({
          type: 'audit.integrity_checked',
          actor: actorOf(principalOf(request.principal)),
          decision: 'allowed',
          requestId: String(request.id),
          data: { ok: result.ok, size: result.size },
        });
        return result;
      },
    });

    r.get('/api/audit/export', {
      config: { permission: 'audit.export' },
      schema: {
        tags: ['audit'],
        summary: 'Export a time range (from inclusive, to exclusive) as CSV or JSON, reproducible byte for byte',
        querystring: ZAuditExportQuery,
        response: { 200: z.string() },
      },
      handler: async (request, reply) => {
        const { from, to, format } = request.query;
        const { body, count } = await service.exportRange(from, to, format);
        await deps.log.append({
          type: 'audit.range_exported',
          actor: actorOf(principalOf(request.principal)),
          decision: 'allowed',
          requestId: String(request.id),
          data: { from, to, format, records: count },
        });
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${from}-${to}.${format}"`)
          .serializer((payload: unknown) => String(payload))
          .send(body);
      },
    });

    r.get('/api/me/access-log', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['audit'],
        summary: 'Who accessed my data: when, which role and staff number, which fields, why',
        response: { 200: ZAccessLogResponse },
      },
      handler: async (request) => {
        const principal = principalOf(request.principal);
        return service.accessLog(await deps.subjectsOfAccount(principal.accountId), principal.accountId);
      },
    });
  };
}
