import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const channel = z.enum(['mobile', 'email']);

/**
 * Sign-in and registration events carry the account id when known; a failed attempt records no log-in name and a
 * registration no address (they are personal) — only the channel and the outcome.
 */
export const IDENTITY_AUDIT_EVENTS = [
  defineAuditEvent(
    'identity.signed_in',
    'sign_in',
    'An account signed in; stage second_factor means the password was right and the second step is still due',
    z.object({ stage: z.enum(['active', 'second_factor', 'enrol_factor']).optional() }),
  ),
  defineAuditEvent(
    'identity.sign_in_failed',
    'sign_in',
    'A sign-in attempt failed',
    z.object({ reason: z.enum(['unknown_or_wrong_password', 'disabled', 'locked']) }),
  ),
  defineAuditEvent('identity.signed_out', 'sign_out', 'A session was ended by its owner'),
  defineAuditEvent(
    'identity.sign_in_locked',
    'sign_in',
    'Repeated failures locked a sign-in name for a while (progressive lockout)',
    z.object({ failures: z.number().int(), lockedSeconds: z.number().int() }),
  ),
  defineAuditEvent(
    'identity.registration_code_requested',
    'register',
    'A registration code was requested; the notice says whether a code or an "already registered" message went out',
    z.object({ channel, notice: z.enum(['code', 'already_registered']) }),
  ),
  defineAuditEvent(
    'identity.registration_code_rejected',
    'register',
    'A registration was refused because of its one-time code',
    z.object({ channel, reason: z.enum(['no_live_code', 'wrong_code', 'attempts_exhausted', 'already_used']) }),
  ),
  defineAuditEvent(
    'identity.account_registered',
    'register',
    'A customer registered an account with a verified contact',
    z.object({ channel, roles: z.array(z.string()) }),
  ),
  defineAuditEvent(
    'identity.new_device_signed_in',
    'sign_in',
    'The right password was entered on a device the account never used; the owner was sent a notice when a contact is on file',
    z.object({ browser: z.string().nullable(), os: z.string().nullable(), notified: z.boolean() }),
  ),
  defineAuditEvent(
    'identity.session_ended',
    'sign_out',
    'The owner ended one of their sessions',
    z.object({ reason: z.enum(['owner']), current: z.boolean() }),
  ),
  defineAuditEvent(
    'identity.sessions_ended',
    'sign_out',
    'The owner ended all their other sessions',
    z.object({ reason: z.enum(['owner']), count: z.number().int() }),
  ),
  defineAuditEvent(
    'identity.password_reset_requested',
    'register',
    'A password reset code was requested; the notice says whether a code or a "no account" message went out',
    z.object({ channel, notice: z.enum(['code', 'no_account']) }),
  ),
  defineAuditEvent(
    'identity.password_reset_code_rejected',
    'register',
    'A password reset was refused because of its one-time code',
    z.object({ channel, reason: z.enum(['no_live_code', 'wrong_code', 'attempts_exhausted', 'already_used']) }),
  ),
  defineAuditEvent(
    'identity.password_reset',
    'update',
    'An account owner set a new password with a code; every session of the account ended, factors unchanged',
    z.object({ channel, sessionsEnded: z.number().int() }),
  ),
];
