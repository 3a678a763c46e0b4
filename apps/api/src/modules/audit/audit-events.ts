import { z } from 'zod';

/**
 * Each module declares its own audit events (`<module>-audit-events.ts`): a type name, the action it records and a
 * schema for its payload. Payloads name things (ids, field keys, counts) and never carry personal values. The log
 * validates a payload on append and parses it again when read back, so an unknown or malformed event cannot hide.
 */
export type AuditEventDefinition = {
  type: string;
  action: string;
  summary: string;
  data: z.ZodType<Record<string, unknown>>;
};

const TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export function defineAuditEvent(
  type: string,
  action: string,
  summary: string,
  data: z.ZodType<Record<string, unknown>> = z.object({}),
): AuditEventDefinition {
  if (!TYPE.test(type)) throw new Error(`audit event type must look like module.event: ${type}`);
  return { type, action, summary, data };
}

export type AuditActor = {
  accountId: string | null;
  role: string | null;
  /** The server-side session id (a hash, not the cookie value). */
  sessionId: string | null;
};

export const SYSTEM_ACTOR: AuditActor = { accountId: null, role: 'system', sessionId: null };

/** What a caller hands the log; sequence, time and hashes are the log's. */
export type AuditEventInput = {
  type: string;
  actor: AuditActor;
  decision: 'allowed' | 'denied';
  purpose?: string | null;
  subjectId?: string | null;
  fields?: readonly string[];
  requestId?: string | null;
  data?: Record<string, unknown>;
};

export type AuditEventRegistry = ReadonlyMap<string, AuditEventDefinition>;

export function createAuditEventRegistry(definitions: readonly AuditEventDefinition[]): AuditEventRegistry {
  const map = new Map<string, AuditEventDefinition>();
  for (const d of definitions) {
    if (map.has(d.type)) throw new Error(`audit event ${d.type} is declared twice`);
    map.set(d.type, d);
  }
  return map;
}

/** The audit module's own events. */
export const AUDIT_EVENTS = [
  defineAuditEvent(
    'audit.range_exported',
    'export',
    'An auditor exported a range of the audit trail',
    z.object({ from: z.string(), to: z.string(), format: z.enum(['csv', 'json']), records: z.number().int() }),
  ),
  defineAuditEvent(
    'audit.integrity_checked',
    'verify',
    'The audit trail was verified',
    z.object({ ok: z.boolean(), size: z.number().int() }),
  ),
];
