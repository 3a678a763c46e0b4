import { CALLBACK_OUTCOMES, CALLBACK_WINDOWS, MASKED_KINDS, MESSAGE_LANES, THREAD_ROLES } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

const kindCounts = z.partialRecord(z.enum(MASKED_KINDS), z.number().int());

/**
 * Messaging events. Payloads carry ids, lanes, roles, kinds and counts — never message text, never an identifier
 * the masking hid. Reading a message is the vault's `vault.fields_revealed` (field `thread_messages.body` for an
 * original, `thread_messages.masked_body` for the masked rendering), written before the vault decrypts.
 */
export const MESSAGING_AUDIT_EVENTS = [
  defineAuditEvent(
    'messaging.thread_opened',
    'update',
    'A buyer opened the message thread of their inquiry on a listing',
    z.object({ threadId: z.string(), listingId: z.string() }),
  ),
  defineAuditEvent(
    'messaging.message_sent',
    'update',
    'A participant sent a message (original and masked rendering sealed by the vault)',
    z.object({
      threadId: z.string(),
      messageId: z.string(),
      lane: z.enum(MESSAGE_LANES),
      senderRole: z.enum(THREAD_ROLES),
      masked: kindCounts,
      attachments: z.number().int(),
    }),
  ),
  defineAuditEvent(
    'messaging.access_refused',
    'reveal',
    'Someone asked for a thread, or a lane of it, they may not use (not a participant, or the lane is closed)',
    z.object({
      threadId: z.string(),
      reason: z.enum(['not_participant', 'lane_closed', 'not_in_lane']),
      lane: z.enum(MESSAGE_LANES).nullable(),
    }),
  ),
  defineAuditEvent(
    'messaging.contact_attempts_flagged',
    'verify',
    'A party kept sending contact details to the other party before L3; flagged for the broker (kinds and counts only)',
    z.object({ threadId: z.string(), flagId: z.string(), partyRole: z.enum(THREAD_ROLES), attempts: z.number().int(), kinds: kindCounts }),
  ),
  defineAuditEvent(
    'messaging.flag_acknowledged',
    'review',
    'The broker handled a contact-details flag',
    z.object({ threadId: z.string(), flagId: z.string() }),
  ),
  defineAuditEvent(
    'messaging.callback_requested',
    'update',
    'A party asked the broker to arrange a call instead of exchanging numbers',
    z.object({ threadId: z.string(), callbackId: z.string(), requesterRole: z.enum(THREAD_ROLES), window: z.enum(CALLBACK_WINDOWS) }),
  ),
  defineAuditEvent(
    'messaging.callback_done',
    'update',
    'The broker closed a call-back request',
    z.object({ threadId: z.string(), callbackId: z.string(), outcome: z.enum(CALLBACK_OUTCOMES) }),
  ),
  defineAuditEvent(
    'messaging.thread_erased',
    'erase',
    "A thread's data keys were destroyed (every message in it unreadable, backups included)",
    z.object({ threadId: z.string(), subjects: z.number().int() }),
  ),
];
