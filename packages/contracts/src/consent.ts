import { z } from 'zod';
import { ZPlainText } from './text-input.ts';
import { REFUSAL_REASON_CODES } from './rights.ts';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, RETENTION_CLASSES, SUBJECT_KINDS } from './privacy.ts';

/**
 * Consent, notices and the privacy center (issue 7). A consent purpose is one of the registry's closed PURPOSES;
 * its kind says which consent flow applies (PIPL Art. 14, 23, 29, 39): ordinary consent, separate consent for
 * sensitive data, separate consent to provide data to a named recipient, separate consent for cross-border transfer.
 */
export const CONSENT_KINDS = ['general', 'sensitive', 'recipient', 'cross_border'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];
export const CONSENT_CHANNELS = ['web', 'console', 'seed'] as const;
export const LOCALIZED = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A named recipient: another account on the platform (the buyer) or a declared vendor. */
export const ZRecipient = z.string().regex(/^(account|vendor|destination|inquiry):[A-Za-z0-9_-]{1,64}$/, {
  message: 'expected account:<id>, vendor:<id>, destination:<code> or inquiry:<id>',
});

export const ZConsentPurpose = z.object({
  purpose: z.enum(PURPOSES),
  kind: z.enum(CONSENT_KINDS),
  /** Bumped by a notice whose change affects this purpose; consents to an older version no longer count. */
  version: z.number().int(),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  fields: z.array(z.string()),
  label: LOCALIZED,
  description: LOCALIZED,
});
export type TConsentPurpose = z.infer<typeof ZConsentPurpose>;

export const ZInventoryItem = z.object({
  key: z.string(),
  label: LOCALIZED,
  subjectKind: z.enum(SUBJECT_KINDS),
  category: z.enum(DATA_CATEGORIES),
  sensitivity: z.enum(['general', 'sensitive']),
  purposes: z.array(z.enum(PURPOSES)),
  legalBasis: z.enum(LEGAL_BASES),
  retention: z.enum(RETENTION_CLASSES),
  /** Who else receives it; an empty list means nobody outside the platform. */
  sharedWith: z.array(z.string()),
});
export type TInventoryItem = z.infer<typeof ZInventoryItem>;

export const ZNoticeSummary = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  effectiveAt: z.string(),
  ruleChange: z.boolean(),
  changedPurposes: z.array(z.enum(PURPOSES)),
});
export type TNoticeSummary = z.infer<typeof ZNoticeSummary>;

export const ZNotice = ZNoticeSummary.extend({
  prose: LOCALIZED,
  /** The item-by-item list (清单), generated from the personal-data registry when the version was published. */
  inventory: z.array(ZInventoryItem),
  purposeVersions: z.record(z.string(), z.number().int()),
  rights: z.array(z.string()),
});
export type TNotice = z.infer<typeof ZNotice>;

export const ZNoticeList = z.object({ current: z.number().int().nullable(), versions: z.array(ZNoticeSummary) });
export type TNoticeList = z.infer<typeof ZNoticeList>;

export const ZPublishNoticeRequest = z.object({
  prose: z.object({ 'zh-CN': z.string().trim().min(1).max(20000), en: z.string().trim().min(1).max(20000) }),
  effectiveAt: z.string().datetime(),
  changedPurposes: z.array(z.enum(PURPOSES)).max(PURPOSES.length).default([]),
});
export type TPublishNoticeRequest = z.infer<typeof ZPublishNoticeRequest>;

export const ZNoticeDraft = z.object({
  prose: LOCALIZED,
  inventory: z.array(ZInventoryItem),
  ruleChange: z.boolean(),
  changedPurposes: z.array(z.enum(PURPOSES)),
});

export const ZPrivacyCenter = z.object({
  officer: z.object({ name: LOCALIZED, email: z.string(), address: LOCALIZED }),
  thirdParties: z.array(
    z.object({
      id: z.string(),
      name: LOCALIZED,
      role: z.enum(['entrusted_processor', 'independent_handler', 'joint_handler']),
      country: z.string(),
      purposes: z.array(z.enum(PURPOSES)),
      categories: z.array(z.enum(DATA_CATEGORIES)),
    }),
  ),
  crossBorder: z.array(
    z.object({ code: z.string(), country: LOCALIZED, recipient: LOCALIZED, categories: z.array(z.enum(DATA_CATEGORIES)) }),
  ),
  purposes: z.array(ZConsentPurpose),
  refusalCooldownDays: z.number().int(),
  ticketSlaWorkingDays: z.number().int(),
});
export type TPrivacyCenter = z.infer<typeof ZPrivacyCenter>;

export const ZConsentDecisionRequest = z.object({
  purpose: z.enum(PURPOSES),
  kind: z.enum(CONSENT_KINDS),
  recipient: ZRecipient.optional(),
  decision: z.enum(['given', 'refused']),
  /** The notice version the person read; refused (NOTICE_VERSION_STALE) when it is no longer current. */
  noticeVersion: z.number().int().positive(),
  /** SHA-256 (hex) of the exact text shown next to the buttons. */
  uiTextHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TConsentDecisionRequest = z.infer<typeof ZConsentDecisionRequest>;

export const ZWithdrawRequest = z.object({ purpose: z.enum(PURPOSES), kind: z.enum(CONSENT_KINDS), recipient: ZRecipient.optional() });
export type TWithdrawRequest = z.infer<typeof ZWithdrawRequest>;

/** The signed body of a receipt: exactly these members, canonical JSON (sorted keys), signed with Ed25519. */
export const ZReceiptBody = z.object({
  type: z.literal('sealbridge.consent-receipt'),
  v: z.literal(1),
  receiptId: z.string(),
  issuer: z.string(),
  keyId: z.string(),
  subject: z.string(),
  purpose: z.enum(PURPOSES),
  kind: z.enum(CONSENT_KINDS),
  recipient: z.string().nullable(),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  decision: z.enum(CONSENT_DECISIONS),
  at: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  uiTextHash: z.string(),
  noticeVersion: z.number().int(),
  purposeVersion: z.number().int(),
});
export type TReceiptBody = z.infer<typeof ZReceiptBody>;
export const ZSignedReceipt = z.object({ receipt: ZReceiptBody, signature: z.string() });
export type TSignedReceipt = z.infer<typeof ZSignedReceipt>;

export const ZConsentState = z.object({
  purpose: z.enum(PURPOSES),
  kind: z.enum(CONSENT_KINDS),
  recipient: z.string().nullable(),
  decision: z.enum(CONSENT_DECISIONS),
  at: z.string(),
  noticeVersion: z.number().int(),
  purposeVersion: z.number().int(),
  /** False when the purpose changed since (re-consent needed). */
  current: z.boolean(),
  receiptId: z.string(),
});
export type TConsentState = z.infer<typeof ZConsentState>;
export const ZMyConsents = z.object({ consents: z.array(ZConsentState), receipts: z.array(ZReceiptBody) });
export type TMyConsents = z.infer<typeof ZMyConsents>;

export const ZPendingConsents = z.object({
  noticeVersion: z.number().int().nullable(),
  pending: z.array(
    z.object({
      purpose: z.enum(PURPOSES),
      kind: z.enum(CONSENT_KINDS),
      recipient: z.string().nullable(),
      reason: z.enum(['never_asked', 'purpose_changed', 'cooldown_over']),
    }),
  ),
});
export type TPendingConsents = z.infer<typeof ZPendingConsents>;

export const ZGuardDecisions = z.object({
  decisions: z.array(
    z.object({
      purpose: z.enum(PURPOSES),
      kind: z.enum(CONSENT_KINDS),
      recipient: z.string().nullable(),
      allowed: z.boolean(),
      reason: z.string(),
    }),
  ),
});
export type TGuardDecisions = z.infer<typeof ZGuardDecisions>;

export const ZReceiptKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  issuer: z.string(),
  publicKeyPem: z.string(),
  publicKeyRawBase64: z.string(),
  context: z.string(),
});
export type TReceiptKey = z.infer<typeof ZReceiptKey>;
export const ZVerifyResult = z.object({ valid: z.boolean() });

export const TICKET_KINDS = ['feedback', 'rights_request'] as const;
export const TICKET_TOPICS = [
  'question',
  'complaint',
  'access',
  'copy',
  'correction',
  'deletion',
  'explanation',
  'portability',
  'withdraw',
  'other',
] as const;
export type TicketTopic = (typeof TICKET_TOPICS)[number];
export const TICKET_STATUSES = ['open', 'answered', 'refused', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_EVENTS = ['opened', 'answered', 'refused', 'extended', 'closed', 'reminded', 'escalated'] as const;
export const ZFeedbackRequest = z.object({
  topic: z.enum(TICKET_TOPICS),
  message: ZPlainText(4000, 5),
  contactEmail: z.string().trim().max(254).optional(),
});
export type TFeedbackRequest = z.infer<typeof ZFeedbackRequest>;
export const ZTicketReceipt = z.object({ ticketNo: z.string(), createdAt: z.string(), dueAt: z.string() });
export type TTicketReceipt = z.infer<typeof ZTicketReceipt>;
export const ZTicket = z.object({
  id: z.string(),
  ticketNo: z.string(),
  kind: z.enum(TICKET_KINDS),
  topic: z.enum(TICKET_TOPICS),
  fromCustomer: z.boolean(),
  /** open → answered / refused (or closed without an answer, the legacy close). */
  status: z.enum(TICKET_STATUSES),
  createdAt: z.string(),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days left until the answer is due (negative when overdue); null once closed. */
  workingDaysLeft: z.number().int().nullable(),
  /** The due date falls in a year the holiday calendar does not know yet (counted Monday–Friday). */
  dueProvisional: z.boolean(),
  message: z.object({ state: z.enum(['masked', 'revealed', 'erased', 'absent']), value: z.string().optional() }),
  contactEmail: z.object({ state: z.enum(['masked', 'revealed', 'erased', 'absent']), value: z.string().optional() }),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  refusal: z.object({ code: z.enum(REFUSAL_REASON_CODES), text: z.string() }).nullable(),
  extension: z.object({ at: z.string(), workingDays: z.number().int(), reason: z.string() }).nullable(),
  escalated: z.boolean(),
  history: z.array(
    z.object({
      at: z.string(),
      event: z.enum(TICKET_EVENTS),
      status: z.enum(TICKET_STATUSES),
      by: z.enum(['sender', 'officer', 'system']),
      note: z.string().nullable(),
    }),
  ),
});
export type TTicket = z.infer<typeof ZTicket>;
/** The sender's view of their own tickets (我的隐私): no masked fields, their own text is theirs to remember. */
export const ZMyTicket = ZTicket.omit({ message: true, contactEmail: true, escalated: true });
export type TMyTicket = z.infer<typeof ZMyTicket>;
export const ZMyTicketList = z.object({ tickets: z.array(ZMyTicket), slaWorkingDays: z.number().int() });
export type TMyTicketList = z.infer<typeof ZMyTicketList>;
export const ZTicketList = z.object({ tickets: z.array(ZTicket) });
export type TTicketList = z.infer<typeof ZTicketList>;
