import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const where = z.object({ table: z.string(), recordId: z.string() });
/** Why a reveal or lookup was refused: the staff gate (training not done, no active break-glass grant) or the consent guard. */
const revealed = where.extend({
  refusal: z.enum(['training_required', 'no_break_glass_grant', 'consent']).optional(),
  /** A buyer reading under a disclosure grant: the grant, the buyer's per-listing alias and the NDA signed. */
  recipient: z
    .object({ grantId: z.string(), alias: z.string(), listingCode: z.string(), ndaSignatureId: z.string().nullable() })
    .optional(),
});

/** Events the vault writes: names of fields and ids only — never a value. */
export const VAULT_AUDIT_EVENTS = [
  defineAuditEvent('vault.fields_revealed', 'reveal', 'Personal fields were revealed (or refused) for a stated purpose', revealed),
  defineAuditEvent(
    'vault.lookup_matched',
    'lookup',
    'A record found by blind index was confirmed (or refused) for a stated purpose',
    revealed,
  ),
  defineAuditEvent(
    'vault.subject_erased',
    'erase',
    'A data subject was crypto-shredded: their data key destroyed',
    z.object({ reasonRef: z.string() }),
  ),
  defineAuditEvent(
    'vault.subject_exported',
    'reveal',
    "A data subject's registered fields were exported for their own rights request",
    z.object({ tables: z.number().int() }),
  ),
  defineAuditEvent('vault.kek_rotated', 'rotate_key', 'A new key-encryption key became current', z.object({ kekId: z.string() })),
];
