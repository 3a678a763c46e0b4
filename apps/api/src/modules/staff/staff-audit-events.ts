import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const roles = z.array(z.string());
const target = z.object({ staffAccountId: z.string() });
const review = target.extend({ campaignId: z.string(), itemId: z.string(), roles, sessionsEnded: z.number().int().optional() });
const grant = z.object({ grantId: z.string(), customerAccountId: z.string() });

/** Staff lifecycle events: ids, staff numbers, roles and counts — never a name, address or justification text. */
export const STAFF_AUDIT_EVENTS = [
  defineAuditEvent(
    'staff.account_created',
    'register',
    'An admin created a staff account (an initial password was issued once)',
    target.extend({ roles }),
  ),
  defineAuditEvent(
    'staff.roles_changed',
    'update',
    "An admin replaced a staff member's roles (or was refused)",
    target.extend({ from: roles, to: roles }),
  ),
  defineAuditEvent(
    'staff.offboarded',
    'offboard',
    'A staff member was offboarded: account disabled, sessions ended, clients flagged for reassignment',
    target.extend({ sessionsEnded: z.number().int(), clientsFlagged: z.number().int(), grantsEnded: z.number().int() }),
  ),
  defineAuditEvent(
    'staff.client_reassigned',
    'update',
    'A client of an offboarded staff member was assigned to another broker',
    z.object({ customerAccountId: z.string(), fromAccountId: z.string(), toAccountId: z.string() }),
  ),
  defineAuditEvent(
    'staff.agreement_accepted',
    'attest',
    'A staff member accepted the confidentiality agreement',
    z.object({ version: z.string() }),
  ),
  defineAuditEvent(
    'staff.training_completed',
    'attest',
    'A staff member passed (allowed) or failed (denied) the privacy training quiz',
    z.object({ course: z.string(), version: z.string(), correct: z.number().int(), total: z.number().int() }),
  ),
  defineAuditEvent(
    'staff.review_started',
    'review',
    'An access review campaign started (by an admin or the schedule)',
    z.object({ campaignId: z.string(), items: z.number().int(), dueAt: z.string() }),
  ),
  defineAuditEvent('staff.access_recertified', 'review', "A reviewer recertified a staff member's roles (or was refused)", review),
  defineAuditEvent('staff.access_revoked', 'review', "A reviewer revoked a staff member's roles; their sessions ended", review),
  defineAuditEvent('staff.access_expired', 'review', 'Roles not recertified by the due date were removed; sessions ended', review),
  defineAuditEvent(
    'staff.break_glass_granted',
    'break_glass',
    "An officer opened time-boxed emergency access to one customer's data",
    grant.extend({ minutes: z.number().int(), expiresAt: z.string(), alerted: z.number().int() }),
  ),
  defineAuditEvent(
    'staff.break_glass_refused',
    'break_glass',
    'A break-glass request or use was refused',
    z.object({
      customerAccountId: z.string().optional(),
      grantId: z.string().optional(),
      reason: z.enum(['no_profile', 'identifier_in_justification', 'not_own_grant', 'grant_over']),
    }),
  ),
  defineAuditEvent('staff.break_glass_expired', 'break_glass', 'A break-glass grant ran out (or ended at offboarding)', grant),
  defineAuditEvent('staff.break_glass_acknowledged', 'break_glass', 'A privacy officer acknowledged a break-glass alert', grant),
  // The privacy program (issue 19).
  defineAuditEvent(
    'staff.module_completed',
    'attest',
    'A staff member passed (allowed) or failed (denied) a training module quiz',
    z.object({
      course: z.string(),
      revision: z.number().int(),
      correct: z.number().int(),
      total: z.number().int(),
      passMark: z.number().int(),
    }),
  ),
  defineAuditEvent(
    'staff.module_updated',
    'update',
    'The privacy officer created or edited a training module (texts, quiz, pass mark, roles)',
    z.object({ course: z.string(), revision: z.number().int(), active: z.boolean() }),
  ),
  defineAuditEvent(
    'staff.conduct_published',
    'update',
    'The privacy officer published a new version of the code of conduct (everyone must acknowledge it)',
    z.object({ version: z.number().int() }),
  ),
  defineAuditEvent(
    'staff.conduct_acknowledged',
    'attest',
    'A staff member acknowledged a version of the code of conduct',
    z.object({ version: z.number().int() }),
  ),
  defineAuditEvent(
    'staff.violation_recorded',
    'review',
    'A violation of the code of conduct was recorded with its handling decision and the audit records it rests on',
    z.object({ violationId: z.string(), staffAccountId: z.string(), decision: z.string(), auditSeqs: z.array(z.number().int()) }),
  ),
  defineAuditEvent(
    'staff.training_reminded',
    'attest',
    'Staff were reminded of training that is about to run out or has run out',
    z.object({ expiring: z.number().int(), expired: z.number().int() }),
  ),
];
