import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const kind = z.enum(['totp', 'webauthn']);
const method = z.enum(['totp', 'recovery', 'webauthn', 'password']);

/**
 * Second-factor events. Payloads carry factor ids, kinds, methods and counts — never a secret, a code or a
 * credential. Failures are recorded too (decision "denied"), so monitoring can see guessing and cloned keys.
 */
export const FACTORS_AUDIT_EVENTS = [
  defineAuditEvent(
    'factors.totp_enrolment_started',
    'update',
    'A TOTP enrolment was started (secret issued, not yet confirmed)',
    z.object({ factorId: z.string() }),
  ),
  defineAuditEvent(
    'factors.factor_added',
    'update',
    'A second factor was confirmed and is now active',
    z.object({ factorId: z.string(), kind }),
  ),
  defineAuditEvent(
    'factors.factor_removed',
    'update',
    'A second factor was removed by its owner',
    z.object({ factorId: z.string(), kind, remaining: z.number().int() }),
  ),
  defineAuditEvent(
    'factors.factor_removal_refused',
    'update',
    'Removing the last second factor of an account that requires one was refused',
    z.object({ factorId: z.string() }),
  ),
  defineAuditEvent(
    'factors.recovery_codes_issued',
    'update',
    'A new set of recovery codes replaced the previous one',
    z.object({ count: z.number().int() }),
  ),
  defineAuditEvent(
    'factors.recovery_code_used',
    'verify',
    'A recovery code was used instead of a second factor',
    z.object({ remaining: z.number().int() }),
  ),
  defineAuditEvent(
    'factors.verification_failed',
    'verify',
    'A second-factor proof was refused',
    z.object({
      method,
      reason: z.enum([
        'wrong_or_used',
        'not_enrolled',
        'method_not_allowed',
        'rate_limited',
        'challenge_invalid',
        'counter_regressed',
        'enrolment_expired',
      ]),
      factorId: z.string().nullable(),
    }),
  ),
  defineAuditEvent(
    'factors.stepped_up',
    'verify',
    'A session re-authenticated with a second factor (step-up window opened)',
    z.object({ method }),
  ),
];
