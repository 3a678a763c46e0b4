import { z } from 'zod';
import { zBodyInt, ZIsoDateTime } from './text-input.ts';

/**
 * Every audit event type and action the server writes. Each API module declares its own events
 * (`<module>-audit-events.ts`); a drift test fails when this list and the server's registry differ, and the web
 * locales name every entry.
 */
export const AUDIT_EVENT_TYPES = [
  'identity.signed_in',
  'identity.sign_in_failed',
  'identity.signed_out',
  'identity.sign_in_locked',
  'identity.registration_code_requested',
  'identity.registration_code_rejected',
  'identity.account_registered',
  'identity.new_device_signed_in',
  'identity.session_ended',
  'identity.sessions_ended',
  'identity.password_reset_requested',
  'identity.password_reset_code_rejected',
  'identity.password_reset',
  'profiles.profile_updated',
  'profiles.access_refused',
  'vault.fields_revealed',
  'vault.lookup_matched',
  'vault.subject_erased',
  'vault.subject_exported',
  'vault.kek_rotated',
  'factors.totp_enrolment_started',
  'factors.factor_added',
  'factors.factor_removed',
  'factors.factor_removal_refused',
  'factors.recovery_codes_issued',
  'factors.recovery_code_used',
  'factors.verification_failed',
  'factors.stepped_up',
  'audit.range_exported',
  'audit.integrity_checked',
  'consent.decided',
  'consent.withdrawn',
  'consent.guard_refused',
  'consent.notice_published',
  'consent.ticket_opened',
  'consent.ticket_closed',
  'verification.submitted',
  'verification.refused_underage',
  'verification.duplicate_flagged',
  'verification.decided',
  'verification.access_refused',
  'staff.account_created',
  'staff.roles_changed',
  'staff.offboarded',
  'staff.client_reassigned',
  'staff.agreement_accepted',
  'staff.training_completed',
  'staff.review_started',
  'staff.access_recertified',
  'staff.access_revoked',
  'staff.access_expired',
  'staff.break_glass_granted',
  'staff.break_glass_refused',
  'staff.break_glass_expired',
  'staff.break_glass_acknowledged',
  'staff.module_completed',
  'staff.module_updated',
  'staff.conduct_published',
  'staff.conduct_acknowledged',
  'staff.violation_recorded',
  'staff.training_reminded',
  'listings.draft_saved',
  'listings.status_changed',
  'listings.guard_refused',
  'listings.duplicate_flagged',
  'listings.deal_recorded',
  'listings.deal_ended',
  'deals.started',
  'deals.stage_advanced',
  'deals.cancelled',
  'deals.closed',
  'deals.checklist_marked',
  'deals.custody_applicability_set',
  'deals.custody_photo_uploaded',
  'deals.custody_confirmed',
  'deals.seal_cancellation_recorded',
  'deals.money_recorded',
  'deals.money_event_recorded',
  'deals.pledge_recorded',
  'deals.art22_opened',
  'deals.art22_completed',
  'deals.legal_rep_confirmed',
  'deals.legal_rep_reminded',
  'deals.overdue_reminded',
  'deals.access_refused',
  'notifications.settings_changed',
  'advisers.assigned',
  'advisers.reassigned',
  'advisers.rule_changed',
  'disclosure.inquiry_created',
  'disclosure.inquiry_decided',
  'disclosure.level_requested',
  'disclosure.grant_changed',
  'disclosure.nda_signed',
  'disclosure.nda_certificate_issued',
  'disclosure.nda_template_changed',
  'disclosure.proof_submitted',
  'disclosure.proof_reviewed',
  'disclosure.settings_changed',
  'disclosure.access_refused',
  // Messages (issue 13).
  'messaging.thread_opened',
  'messaging.message_sent',
  'messaging.access_refused',
  'messaging.contact_attempts_flagged',
  'messaging.flag_acknowledged',
  'messaging.callback_requested',
  'messaging.callback_done',
  'messaging.thread_erased',
  'dataroom.room_opened',
  'dataroom.folder_created',
  'dataroom.document_uploaded',
  'dataroom.upload_refused',
  'dataroom.version_released',
  'dataroom.permission_changed',
  'dataroom.page_viewed',
  'dataroom.document_downloaded',
  'dataroom.access_refused',
  'dataroom.redaction_applied',
  'dataroom.question_asked',
  'dataroom.question_answered',
  'dataroom.question_published',
  'dataroom.analytics_exported',
  'dataroom.leak_identified',
  'dataroom.room_shredded',
  'rights.request_filed',
  'rights.identity_confirmed',
  'rights.status_changed',
  'rights.extended',
  'rights.answered',
  'rights.refused',
  'rights.erasure_recorded',
  'rights.export_generated',
  'rights.clock_alert',
  // Third parties, the sharing gateway, cross-border, impact assessments (issue 17).
  'vendors.registered',
  'vendors.contract_recorded',
  'vendors.security_assessed',
  'vendors.reviewed',
  'vendors.ended',
  'vendors.deletion_attested',
  'vendors.impact_assessed',
  'vendors.mechanism_recorded',
  'vendors.mechanism_filed',
  'vendors.transfer_refused',
  'lifecycle.account_erased',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'update',
  'reveal',
  'lookup',
  'erase',
  'rotate_key',
  'export',
  'verify',
  'register',
  'offboard',
  'attest',
  'review',
  'break_glass',
  'share',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ZAuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  action: z.string(),
  decision: z.enum(['allowed', 'denied']),
  actor: z.object({ accountId: z.string().nullable(), role: z.string().nullable(), staffNo: z.string().nullable() }),
  purpose: z.string().nullable(),
  subjectId: z.string().nullable(),
  fields: z.array(z.string()),
  requestId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** False when the stored payload no longer parses with its event schema (shown, never hidden). */
  dataValid: z.boolean(),
  prevHash: z.string(),
  leafHash: z.string(),
});
export type TAuditRecord = z.infer<typeof ZAuditRecord>;

const isoDate = ZIsoDateTime;

export const ZAuditSearchQuery = z.object({
  actor: z.string().max(64).optional(),
  /** The subject by pseudonymous id, or found by blind index from one identifier (never stored or logged). */
  subjectId: z.string().max(64).optional(),
  subjectMobile: z.string().max(32).optional(),
  subjectEmail: z.string().max(254).optional(),
  subjectIdNumber: z.string().max(20).optional(),
  action: z.string().max(40).optional(),
  purpose: z.string().max(40).optional(),
  decision: z.enum(['allowed', 'denied']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: zBodyInt(1, 100_000).default(1),
  pageSize: zBodyInt(1, 200).default(50),
});
export type TAuditSearchQuery = z.infer<typeof ZAuditSearchQuery>;

export const ZAuditSearchResponse = z.object({
  items: z.array(ZAuditRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZAuditExportQuery = z.object({ from: isoDate, to: isoDate, format: z.enum(['csv', 'json']).default('json') });

export const ZCheckpointResponse = z.object({
  origin: z.string(),
  size: z.number().int(),
  rootHash: z.string(),
  createdAt: z.string(),
  /** The signed note (C2SP tlog-checkpoint), verifiable with `verifierKey`. */
  note: z.string(),
  verifierKey: z.string(),
});
export type TCheckpointResponse = z.infer<typeof ZCheckpointResponse>;

export const AUDIT_FAILURE_REASONS = [
  'sequence_gap',
  'sequence_order',
  'leaf_hash_mismatch',
  'chain_broken',
  'checkpoint_root_mismatch',
  'checkpoint_signature_invalid',
  'truncated_below_checkpoint',
] as const;

export const ZIntegrityResponse = z.object({
  ok: z.boolean(),
  size: z.number().int(),
  checkedRecords: z.number().int(),
  checkedCheckpoints: z.number().int(),
  firstBadSeq: z.number().int().optional(),
  reason: z.enum(AUDIT_FAILURE_REASONS).optional(),
  latestCheckpoint: z.object({ size: z.number().int(), createdAt: z.string() }).nullable(),
  /** Checkpoints held outside the database (the export, witnesses) that the log was checked against. */
  externalCheckpoints: z.number().int().optional(),
  /** Where and why it failed, identifiers only (record numbers, sizes, the evidence's source). */
  detail: z.string().optional(),
});
export type TIntegrityResponse = z.infer<typeof ZIntegrityResponse>;

export const ZAccessLogEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorRole: z.string().nullable(),
  staffNo: z.string().nullable(),
  action: z.string(),
  decision: z.enum(['allowed', 'denied']),
  purpose: z.string().nullable(),
  fields: z.array(z.object({ key: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }) })),
  /** A buyer (or seller) reading under a disclosure grant: their per-listing alias, the listing and the NDA signed. */
  counterparty: z.object({ alias: z.string(), listingCode: z.string(), ndaSignatureId: z.string().nullable() }).nullable(),
});
export const ZAccessLogResponse = z.object({ entries: z.array(ZAccessLogEntry) });
export type TAccessLogResponse = z.infer<typeof ZAccessLogResponse>;
