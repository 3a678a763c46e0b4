import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

export const PROFILES_AUDIT_EVENTS = [
  defineAuditEvent('profiles.profile_updated', 'update', 'A customer changed fields of their own profile (names of fields only)'),
  defineAuditEvent(
    'profiles.access_refused',
    'reveal',
    "Staff asked for a customer's data outside their scope (e.g. a broker and another broker's client)",
    z.object({ reason: z.enum(['not_assigned']) }),
  ),
];
