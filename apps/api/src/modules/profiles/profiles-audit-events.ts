import { defineAuditEvent } from '../audit/index.ts';

export const PROFILES_AUDIT_EVENTS = [
  defineAuditEvent('profiles.profile_updated', 'update', 'A customer changed fields of their own profile (names of fields only)'),
];
