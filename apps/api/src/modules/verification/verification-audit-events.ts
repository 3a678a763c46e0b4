import { VERIFICATION_CHECKLIST, VERIFICATION_REJECT_REASONS } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/**
 * Real-name verification events. Payloads carry the verification id, outcome codes and checklist answers —
 * never a name, an ID number, an age or an image. Field keys name what was sealed or decided.
 */
export const VERIFICATION_AUDIT_EVENTS = [
  defineAuditEvent(
    'verification.submitted',
    'update',
    'A customer submitted real-name verification with separate consent (fields sealed by the vault)',
    z.object({ verificationId: z.string(), provider: z.string(), consentStatement: z.string() }),
  ),
  defineAuditEvent(
    'verification.refused_underage',
    'verify',
    'A real-name verification was refused because the ID number shows a person under 18; nothing was stored',
  ),
  defineAuditEvent(
    'verification.duplicate_flagged',
    'verify',
    'The ID number of a submission is already used by another account; flagged for the reviewer',
    z.object({ verificationId: z.string() }),
  ),
  defineAuditEvent(
    'verification.decided',
    'verify',
    'A reviewer approved or rejected a real-name verification',
    z.object({
      verificationId: z.string(),
      provider: z.string(),
      outcome: z.enum(['verified', 'rejected']),
      reason: z.enum(VERIFICATION_REJECT_REASONS).nullable(),
      checklist: z.object(Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, z.boolean()]))),
    }),
  ),
  defineAuditEvent(
    'verification.access_refused',
    'reveal',
    'A reviewer asked for a verification outside their scope (not their assigned customer)',
    z.object({ verificationId: z.string(), reason: z.enum(['not_assigned']) }),
  ),
];
