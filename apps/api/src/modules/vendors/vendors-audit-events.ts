import { TRANSFER_REASONS } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/** Third parties (issue 17): ids, keys, kinds and reasons — never a person, and no free text. */
export const VENDORS_AUDIT_EVENTS = [
  defineAuditEvent(
    'vendors.registered',
    'register',
    'A recipient of personal data was registered (by the privacy officer, or from configuration)',
    z.object({
      vendorId: z.string(),
      vendorKey: z.string(),
      role: z.string(),
      country: z.string(),
      source: z.enum(['configuration', 'manual']),
    }),
  ),
  defineAuditEvent(
    'vendors.contract_recorded',
    'update',
    "A vendor's contract was recorded with its clause checklist",
    z.object({ vendorId: z.string(), contractId: z.string(), clauses: z.number().int(), endsAt: z.string() }),
  ),
  defineAuditEvent(
    'vendors.security_assessed',
    'update',
    "A vendor's security assessment was recorded",
    z.object({ vendorId: z.string(), result: z.enum(['passed', 'conditional', 'failed']) }),
  ),
  defineAuditEvent(
    'vendors.reviewed',
    'review',
    "A vendor's periodic review was completed",
    z.object({ vendorId: z.string(), nextReviewAt: z.string() }),
  ),
  defineAuditEvent(
    'vendors.ended',
    'update',
    'A relationship with a recipient ended; the gateway refuses further transfers',
    z.object({ vendorId: z.string(), reason: z.enum(['by_officer', 'removed_from_configuration']) }),
  ),
  defineAuditEvent(
    'vendors.deletion_attested',
    'attest',
    'A former recipient attested the return or deletion of the data',
    z.object({ vendorId: z.string() }),
  ),
  defineAuditEvent(
    'vendors.impact_assessed',
    'register',
    'An impact assessment (PIPL Art. 55–56) was recorded for a flow',
    z.object({
      assessmentId: z.string(),
      template: z.string(),
      vendorId: z.string().nullable(),
      purposes: z.array(z.string()),
      riskLevel: z.enum(['low', 'medium', 'high']),
    }),
  ),
  defineAuditEvent(
    'vendors.mechanism_recorded',
    'register',
    'A cross-border mechanism (standard contract, certification, CAC assessment) was recorded',
    z.object({ mechanismId: z.string(), kind: z.string(), effectiveAt: z.string(), filingDueAt: z.string().nullable() }),
  ),
  defineAuditEvent(
    'vendors.mechanism_filed',
    'update',
    'A standard contract was filed with the provincial CAC',
    z.object({ mechanismId: z.string(), filedAt: z.string(), onTime: z.boolean() }),
  ),
  defineAuditEvent(
    'vendors.transfer_refused',
    'share',
    'The sharing gateway refused an outbound transfer of personal data, with the reason',
    z.object({ transferId: z.string(), vendorKey: z.string(), reason: z.enum(TRANSFER_REASONS), channel: z.string() }),
  ),
];
