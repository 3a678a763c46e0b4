import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/** Education events: the item's code and revision, never its text. */
export const EDUCATION_AUDIT_EVENTS = [
  defineAuditEvent(
    'education.item_revised',
    'update',
    'The privacy officer published a new revision of a customer guide or in-flow tip',
    z.object({ code: z.string(), revision: z.number().int() }),
  ),
];
