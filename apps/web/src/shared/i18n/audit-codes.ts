import { AUDIT_ACTIONS, AUDIT_EVENT_TYPES, PURPOSES, type AuditAction, type AuditEventType } from '@sealbridge/contracts';
import type { AUDIT_FAILURE_REASONS, Purpose } from '@sealbridge/contracts';

export { AUDIT_ACTIONS, AUDIT_EVENT_TYPES, type AuditAction, type AuditEventType } from '@sealbridge/contracts';

export type AuditFailureReason = (typeof AUDIT_FAILURE_REASONS)[number];

export function isAuditEventType(value: string): value is AuditEventType {
  return (AUDIT_EVENT_TYPES as readonly string[]).includes(value);
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isPurpose(value: string): value is Purpose {
  return (PURPOSES as readonly string[]).includes(value);
}

/** The role codes of an audit actor: the log stores a principal's roles comma-joined ("broker", "auditor,privacy_officer"). */
export function actorRoles(role: string | null): string[] {
  return (role ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
