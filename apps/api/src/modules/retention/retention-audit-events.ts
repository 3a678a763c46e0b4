import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const count = z.object({
  retentionClass: z.string(),
  table: z.string(),
  pastCeiling: z.number().int(),
  held: z.number().int(),
  destroyed: z.number().int(),
});

/** Events of the retention module: classes, tables, counts and certificate numbers — never a value or a record id. */
export const RETENTION_AUDIT_EVENTS = [
  defineAuditEvent(
    'retention.hold_placed',
    'update',
    "A legal hold was placed on one account's data, a retention class, a deal or a listing (blocks every deletion)",
    z.object({
      holdId: z.string(),
      scope: z.string(),
      retentionClass: z.string().nullable(),
      dealNo: z.string().nullable().optional(),
      listingCode: z.string().nullable().optional(),
    }),
  ),
  defineAuditEvent(
    'retention.hold_lifted',
    'update',
    'A legal hold was lifted with a reason',
    z.object({ holdId: z.string(), scope: z.string() }),
  ),
  defineAuditEvent(
    'retention.dry_run',
    'review',
    'A dry run of the retention job: what would be destroyed, counts per class',
    z.object({ runId: z.string(), scanned: z.number().int(), wouldDestroy: z.number().int(), counts: z.array(count) }),
  ),
  defineAuditEvent(
    'retention.swept',
    'erase',
    'The retention job destroyed records past their ceiling (none under a floor or a hold) and issued signed certificates',
    z.object({
      runId: z.string(),
      scanned: z.number().int(),
      destroyed: z.number().int(),
      counts: z.array(count),
      certificates: z.array(z.string()),
    }),
  ),
];
