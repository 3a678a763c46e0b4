import { DATAROOM_LEVELS, DATAROOM_FORMATS } from '@sealbridge/contracts';
import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/**
 * Data room events. Payloads carry ids, codes, counts and levels — never a title, a file name, a question's text
 * or a buyer's name (grants are named by id; the seller's views use the buyer's alias).
 */
const room = { listingId: z.string(), roomId: z.string() };
export const DATAROOM_AUDIT_EVENTS = [
  defineAuditEvent('dataroom.room_opened', 'update', "A listing's data room was created, with a data key of its own", z.object(room)),
  defineAuditEvent('dataroom.folder_created', 'update', 'A folder was added to a data room', z.object({ ...room, folderId: z.string() })),
  defineAuditEvent(
    'dataroom.document_uploaded',
    'update',
    'A document or a new version was uploaded (sealed by the vault as it streamed); visible to nobody until granted',
    z.object({
      ...room,
      documentId: z.string(),
      versionId: z.string(),
      number: z.number().int(),
      format: z.enum(DATAROOM_FORMATS),
      state: z.string(),
      sizeBytes: z.number().int(),
      converted: z.boolean(),
    }),
  ),
  defineAuditEvent(
    'dataroom.upload_refused',
    'update',
    'An upload was refused (type from the bytes, size, or unreadable)',
    z.object({ ...room, reason: z.enum(['type', 'size', 'unreadable']) }),
  ),
  defineAuditEvent(
    'dataroom.version_released',
    'update',
    'A version became the one buyers with a permission see',
    z.object({ ...room, documentId: z.string(), versionId: z.string() }),
  ),
  defineAuditEvent(
    'dataroom.permission_changed',
    'update',
    "A grant's permission on documents was set (none revokes at once)",
    z.object({
      ...room,
      grantId: z.string(),
      level: z.enum(DATAROOM_LEVELS),
      target: z.enum(['document', 'folder']),
      targetId: z.string(),
      documents: z.number().int(),
    }),
  ),
  defineAuditEvent(
    'dataroom.page_viewed',
    'reveal',
    'A page was rendered with a burnt-in watermark for a viewer',
    z.object({
      ...room,
      documentId: z.string(),
      versionId: z.string(),
      page: z.number().int(),
      grantId: z.string().nullable(),
      code: z.string(),
    }),
  ),
  defineAuditEvent(
    'dataroom.document_downloaded',
    'export',
    'A document was downloaded: a flattened watermarked PDF, or the released file itself',
    z.object({
      ...room,
      documentId: z.string(),
      versionId: z.string(),
      grantId: z.string().nullable(),
      form: z.enum(['watermarked', 'original']),
      codes: z.array(z.string()),
    }),
  ),
  defineAuditEvent(
    'dataroom.access_refused',
    'reveal',
    'A data room request was refused (no active L2 grant, or no permission on the document)',
    z.object({ listingId: z.string(), reason: z.enum(['no_grant', 'no_permission', 'not_party']), documentId: z.string().nullable() }),
  ),
  defineAuditEvent(
    'dataroom.redaction_applied',
    'update',
    'A redacted copy was burnt in and released as the version buyers see',
    z.object({
      ...room,
      documentId: z.string(),
      sourceVersionId: z.string(),
      versionId: z.string(),
      boxes: z.number().int(),
      pages: z.number().int(),
    }),
  ),
  defineAuditEvent(
    'dataroom.question_asked',
    'update',
    'A buyer asked a question in a data room',
    z.object({ ...room, questionId: z.string(), grantId: z.string() }),
  ),
  defineAuditEvent(
    'dataroom.question_answered',
    'update',
    'The seller or adviser answered a data room question',
    z.object({ ...room, questionId: z.string() }),
  ),
  defineAuditEvent(
    'dataroom.question_published',
    'update',
    'A question and its answer were shown to every buyer of the room, or taken back',
    z.object({ ...room, questionId: z.string(), published: z.boolean() }),
  ),
  defineAuditEvent(
    'dataroom.analytics_exported',
    'export',
    "A data room's view analytics were exported as CSV",
    z.object({ ...room, rows: z.number().int() }),
  ),
  defineAuditEvent(
    'dataroom.leak_identified',
    'verify',
    'A leaked page was checked for its watermark (found or not)',
    z.object({
      found: z.boolean(),
      code: z.string().nullable(),
      roomId: z.string().nullable(),
      grantId: z.string().nullable(),
      syncZ: z.number(),
      channel: z.enum(['cli', 'api']),
    }),
  ),
  defineAuditEvent(
    'dataroom.room_shredded',
    'erase',
    "A data room's key was erased: every document in it is unreadable, backups included",
    z.object(room),
  ),
];
