import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const copy = z.object({ table: z.string(), action: z.enum(['shred', 'anonymize', 'delete', 'retain']), rows: z.number().int() });

/** Events of the data lifecycle (erasure across modules): table names and counts, never a value. */
export const LIFECYCLE_AUDIT_EVENTS = [
  defineAuditEvent(
    'lifecycle.account_erased',
    'erase',
    "A person's data was erased in every module that declares a copy (keys shredded, text anonymized, rows deleted)",
    z.object({ reasonRef: z.string(), subjectsShredded: z.number().int(), copies: z.array(copy) }),
  ),
];
