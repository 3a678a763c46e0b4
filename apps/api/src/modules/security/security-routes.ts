import {
  ALERT_STATUSES,
  ZAlertDecision,
  ZBlastRadius,
  ZContainmentRequest,
  ZIncident,
  ZIncidentInput,
  ZIncidentList,
  ZIncidentNotices,
  ZIncidentReview,
  ZIncidentTriage,
  ZSecurityAlert,
  ZSecurityAlertList,
  ZSecurityDashboard,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/http/index.ts';
import type { SecurityService } from './security-service.ts';

const id = z.object({ id: z.string().min(1).max(64) });
const tags = ['security'];

/** The security console: alerts and dashboard (security officer), incidents (both officers), containment. */
export function securityRoutes(service: SecurityService) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/security/alerts', {
      config: { permission: 'security.monitor' },
      schema: {
        tags,
        summary: 'Alerts raised by the detection rules, newest first, with their evidence (audit sequence numbers)',
        querystring: z.object({ status: z.enum(ALERT_STATUSES).optional() }),
        response: { 200: ZSecurityAlertList },
      },
      handler: async (request) => service.alerts.list(request.query.status),
    });
    r.post('/api/security/alerts/:id/decision', {
      config: { permission: 'security.monitor' },
      schema: {
        tags,
        summary: 'Acknowledge, escalate or dismiss an alert, with a reason',
        params: id,
        body: ZAlertDecision,
        response: { 200: ZSecurityAlert },
      },
      handler: async (request) =>
        service.alerts.decide(
          principalOf(request.principal),
          request.params.id,
          request.body.decision,
          request.body.reason,
          String(request.id),
        ),
    });
    r.get('/api/security/dashboard', {
      config: { permission: 'security.monitor' },
      schema: {
        tags,
        summary: 'Counts from the audit trail: reveals per purpose and role, refusals, sign-in failures, open alerts, top actors',
        querystring: z.object({ days: zQueryInt(1, 90, 14) }),
        response: { 200: ZSecurityDashboard },
      },
      handler: async (request) => service.dashboard(request.query.days),
    });
    r.post('/api/security/replay', {
      config: { permission: 'security.monitor' },
      schema: {
        tags,
        summary: 'Replay the detection rules over a range of the audit trail',
        body: z.object({ fromSeq: z.number().int().min(1), toSeq: z.number().int().min(1).optional() }),
        response: { 200: z.object({ fromSeq: z.number().int(), toSeq: z.number().int(), alerts: z.number().int() }) },
      },
      handler: async (request) =>
        service.replay(principalOf(request.principal), request.body.fromSeq, request.body.toSeq, String(request.id)),
    });
    r.get('/api/security/incidents', {
      config: { permission: 'security.incidents' },
      schema: { tags, summary: 'Security incidents with their grade and CAC clocks', response: { 200: ZIncidentList } },
      handler: async () => service.incidents.list(),
    });
    r.post('/api/security/incidents', {
      config: { permission: 'security.incidents' },
      schema: {
        tags,
        summary: 'Record an incident; it is graded from the blast radius',
        body: ZIncidentInput,
        response: { 201: ZIncident },
      },
      handler: async (request, reply) =>
        reply.code(201).send(await service.incidents.record(principalOf(request.principal), request.body, String(request.id))),
    });
    r.get('/api/security/incidents/:id', {
      config: { permission: 'security.incidents' },
      schema: { tags, summary: 'One incident', params: id, response: { 200: ZIncident } },
      handler: async (request) => service.incidents.get(request.params.id),
    });
    r.post('/api/security/incidents/:id/triage', {
      config: { permission: 'security.incidents' },
      schema: {
        tags,
        summary: 'Record cause, measures and affected count; grade again',
        params: id,
        body: ZIncidentTriage,
        response: { 200: ZIncident },
      },
      handler: async (request) =>
        service.incidents.triage(principalOf(request.principal), request.params.id, request.body, String(request.id)),
    });
    r.post('/api/security/incidents/:id/reported', {
      config: { permission: 'security.incidents' },
      schema: {
        tags,
        summary: 'Record that the initial or follow-up report went to the regulator',
        params: id,
        body: z.object({ report: z.enum(['initial', 'follow_up']) }),
        response: { 200: ZIncident },
      },
      handler: async (request) =>
        service.incidents.markReported(principalOf(request.principal), request.params.id, request.body.report, String(request.id)),
    });
    r.post('/api/security/incidents/:id/containment', {
      config: { permission: 'security.contain' },
      schema: {
        tags,
        summary: 'Run a containment action from the incident',
        params: id,
        body: ZContainmentRequest,
        response: { 200: ZIncident },
      },
      handler: async (request) =>
        service.incidents.contain(
          principalOf(request.principal),
          request.params.id,
          request.body.action,
          request.body.reason,
          String(request.id),
        ),
    });
    r.get('/api/security/incidents/:id/blast-radius', {
      config: { permission: 'security.incidents' },
      schema: {
        tags,
        summary: "Which subjects' which fields were read in the incident's window",
        params: id,
        response: { 200: ZBlastRadius },
      },
      handler: async (request) => service.incidents.blastRadius(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.get('/api/security/incidents/:id/notices', {
      config: { permission: 'security.incidents' },
      schema: {
        tags,
        summary: 'Notice drafts to individuals and the regulator (three parts each)',
        params: id,
        response: { 200: ZIncidentNotices },
      },
      handler: async (request) => service.incidents.notices(principalOf(request.principal), request.params.id, String(request.id)),
    });
    r.post('/api/security/incidents/:id/close', {
      config: { permission: 'security.incidents' },
      schema: { tags, summary: 'Close with the post-incident review', params: id, body: ZIncidentReview, response: { 200: ZIncident } },
      handler: async (request) =>
        service.incidents.close(principalOf(request.principal), request.params.id, request.body.review, String(request.id)),
    });
  };
}
