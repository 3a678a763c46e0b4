import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/** Sign-in events carry the account id when known; a failed attempt records no log-in name (it may be personal). */
export const IDENTITY_AUDIT_EVENTS = [
  defineAuditEvent('identity.signed_in', 'sign_in', 'An account signed in'),
  defineAuditEvent('identity.sign_in_failed', 'sign_in', 'A sign-in attempt failed', z.object({ reason: z.enum(['unknown_or_wrong_password', 'disabled']) })),
  defineAuditEvent('identity.signed_out', 'sign_out', 'A session was ended by its owner'),
];
