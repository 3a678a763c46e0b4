import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

export const ADVISERS_AUDIT_EVENTS = [
  defineAuditEvent(
    'advisers.assigned',
    'update',
    'A customer was given an adviser automatically, by rule or by the lightest load (first listing or first inquiry)',
    z.object({
      customerAccountId: z.string(),
      brokerAccountId: z.string(),
      ruleId: z.string().nullable(),
      trigger: z.enum(['first_listing', 'first_inquiry']),
    }),
  ),
  defineAuditEvent(
    'advisers.reassigned',
    'update',
    'An admin moved a customer to another adviser; the previous assignment ended',
    z.object({ customerAccountId: z.string(), fromAccountId: z.string().nullable(), toAccountId: z.string() }),
  ),
  defineAuditEvent(
    'advisers.rule_changed',
    'update',
    'An admin added or removed an automatic assignment rule',
    z.object({
      ruleId: z.string(),
      change: z.enum(['created', 'deleted']),
      provinceCode: z.string().nullable(),
      industry: z.string().nullable(),
    }),
  ),
];
