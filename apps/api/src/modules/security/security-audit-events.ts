import { CONTAINMENT_ACTIONS, DETECTION_RULE_IDS, INCIDENT_GRADES, SECURITY_SEVERITIES } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const incident = z.object({ incidentId: z.string() });

/** Events of the security module: ids, rule names, counts and grades — never a value or an officer's text. */
export const SECURITY_AUDIT_EVENTS = [
  defineAuditEvent(
    'security.alert_raised',
    'verify',
    'A detection rule raised an alert (evidence: audit sequence numbers)',
    z.object({
      alertId: z.string(),
      rule: z.enum(DETECTION_RULE_IDS),
      severity: z.enum(SECURITY_SEVERITIES),
      evidence: z.array(z.number().int()).max(200),
    }),
  ),
  defineAuditEvent(
    'security.alert_decided',
    'review',
    'A security officer acknowledged, escalated or dismissed an alert, with a reason',
    z.object({ alertId: z.string(), decision: z.enum(['acknowledge', 'escalate', 'dismiss']) }),
  ),
  defineAuditEvent(
    'security.rules_replayed',
    'verify',
    'The detection rules were replayed over a range of the audit trail',
    z.object({ fromSeq: z.number().int(), toSeq: z.number().int(), alerts: z.number().int() }),
  ),
  defineAuditEvent(
    'security.incident_recorded',
    'update',
    'A security incident was recorded and graded',
    incident.extend({ grade: z.enum(INCIDENT_GRADES), affected: z.number().int(), alerts: z.number().int() }),
  ),
  defineAuditEvent(
    'security.incident_triaged',
    'update',
    'A security incident was triaged (cause, measures, affected count) and graded again',
    incident.extend({ grade: z.enum(INCIDENT_GRADES), affected: z.number().int() }),
  ),
  defineAuditEvent(
    'security.incident_reported',
    'update',
    'The report of an incident to the regulator was recorded as sent (initial or follow-up)',
    incident.extend({ report: z.enum(['initial', 'follow_up']) }),
  ),
  defineAuditEvent(
    'security.containment_run',
    'update',
    'A containment action was run from an incident',
    incident.extend({ action: z.enum(CONTAINMENT_ACTIONS), targetAccountId: z.string().nullable(), result: z.number().int() }),
  ),
  defineAuditEvent(
    'security.blast_radius_computed',
    'verify',
    'The blast radius of an incident was computed from the audit trail (counts only)',
    incident.extend({ subjects: z.number().int(), records: z.number().int() }),
  ),
  defineAuditEvent(
    'security.notices_drafted',
    'update',
    'Notice drafts to individuals and the regulator were generated for an incident',
    incident.extend({ notices: z.number().int() }),
  ),
  defineAuditEvent('security.incident_closed', 'update', 'An incident was closed with its post-incident review', incident),
  defineAuditEvent(
    'security.incident_reminded',
    'update',
    'The officers were reminded of an incident report coming due',
    incident.extend({ dueAt: z.string() }),
  ),
];
