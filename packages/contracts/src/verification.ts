import { z } from 'zod';
import { ZName, ZPlainText } from './text-input.ts';
import { ZFieldView } from './privacy.ts';

/**
 * Real-name verification (实名认证): a customer submits name, resident ID number and ID card images; a provider
 * (manual review by the assigned broker, for now) decides. The ID number is sensitive personal information
 * (PIPL Art. 28), so submitting needs the customer's separate consent to the statement below (Art. 29).
 */
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Checklist a reviewer answers before approving; every item must hold to approve. */
export const VERIFICATION_CHECKLIST = [
  'photoMatchesName',
  'idNumberLegibleAndMatches',
  'cardNotExpired',
  'noSignsOfAlteration',
  'bothSidesReadable',
] as const;
export type VerificationChecklistItem = (typeof VERIFICATION_CHECKLIST)[number];

/** Reasons a submission is rejected; the customer sees the reason (a code, translated by the web app). */
export const VERIFICATION_REJECT_REASONS = [
  'photo_mismatch',
  'id_number_mismatch',
  'card_expired',
  'signs_of_alteration',
  'image_unreadable',
  'other',
] as const;
export type VerificationRejectReason = (typeof VERIFICATION_REJECT_REASONS)[number];

/** Fields of a submission; on the wire camelCase, in the registry identity_verifications.<snake_case>. */
export const VERIFICATION_FIELDS = ['fullName', 'idNumber', 'idFrontImage', 'idBackImage'] as const;
export type VerificationField = (typeof VERIFICATION_FIELDS)[number];

/** Largest ID card image accepted, in bytes (decoded). JPEG or PNG only, checked by magic bytes. */
export const ID_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The separate-consent statement shown next to the checkbox, by version. The server records the SHA-256 (hex, of
 * the UTF-8 text) of the statement the customer saw and refuses a hash that is not the current version's text.
 */
export const SENSITIVE_CONSENT_STATEMENTS = {
  'idv-2026-11': {
    'zh-CN':
      '我单独同意封桥为实名认证之目的处理我的姓名、居民身份证号码及身份证正反面照片。身份证号码和证件照片属于敏感个人信息，一旦泄露可能危害我的人身、财产安全；封桥将其加密保存，仅由为我服务的顾问为核验身份查看（每次查看均记录在案），保存至交易结束后十年或依法删除。我可以随时撤回同意，撤回后将无法作为股权转让一方参与交易。',
    en: 'I separately consent to Sealbridge processing my name, resident ID number and photos of both sides of my ID card for real-name verification. The ID number and card photos are sensitive personal information whose leak could harm my personal or property safety; Sealbridge stores them encrypted, only the broker serving me views them to verify my identity (every view is recorded), and keeps them until ten years after the deal ends or deletes them as the law requires. I may withdraw this consent at any time; I then cannot take part in a transfer as a party.',
  },
} as const;
export type SensitiveConsentStatement = keyof typeof SENSITIVE_CONSENT_STATEMENTS;
export const CURRENT_SENSITIVE_CONSENT_STATEMENT: SensitiveConsentStatement = 'idv-2026-11';

const base64Image = z
  .string()
  .min(8)
  .max(Math.ceil((ID_IMAGE_MAX_BYTES * 4) / 3) + 8)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'expected base64 without a data: prefix' });

export const ZSubmitVerificationRequest = z.object({
  fullName: ZName(50, 2),
  idNumber: z.string().trim().min(15).max(24),
  /** Base64 of the image file (JPEG or PNG, at most ID_IMAGE_MAX_BYTES). */
  idFrontImage: base64Image,
  idBackImage: base64Image,
  consent: z.object({
    given: z.literal(true),
    statement: z.string().min(1).max(40),
    /** SHA-256 (hex) of the statement text shown. */
    textHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type TSubmitVerificationRequest = z.infer<typeof ZSubmitVerificationRequest>;

export const ZMyVerificationResponse = z.object({
  status: z.enum(VERIFICATION_STATUSES),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.enum(VERIFICATION_REJECT_REASONS).nullable(),
  note: z.string().nullable(),
  fullName: ZFieldView,
  idNumber: ZFieldView,
});
export type TMyVerificationResponse = z.infer<typeof ZMyVerificationResponse>;

const imageView = z.object({ present: z.boolean(), type: z.enum(['jpeg', 'png']).nullable() });

export const ZVerificationReviewItem = z.object({
  id: z.string(),
  accountId: z.string(),
  accountNo: z.string().nullable(),
  status: z.enum(['pending', 'verified', 'rejected']),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.enum(VERIFICATION_REJECT_REASONS).nullable(),
  /** Another account submitted the same ID number; which one is not shown. */
  possibleDuplicate: z.boolean(),
  fullName: ZFieldView,
  idNumber: ZFieldView,
  idFrontImage: imageView,
  idBackImage: imageView,
});
export type TVerificationReviewItem = z.infer<typeof ZVerificationReviewItem>;

export const ZVerificationQueueQuery = z.object({ status: z.enum(['pending', 'verified', 'rejected']).default('pending') });
export const ZVerificationQueueResponse = z.object({ items: z.array(ZVerificationReviewItem) });
export type TVerificationQueueResponse = z.infer<typeof ZVerificationQueueResponse>;

export const ZVerificationRevealRequest = z.object({
  fields: z.array(z.enum(VERIFICATION_FIELDS)).min(1).max(4),
  purpose: z.enum(['identity_verification', 'legal_compliance']),
});
export type TVerificationRevealRequest = z.infer<typeof ZVerificationRevealRequest>;

export const ZVerificationRevealResponse = z.object({
  id: z.string(),
  /** Only the fields asked for; images are base64 of the original file bytes. */
  fields: z.object({
    fullName: ZFieldView.optional(),
    idNumber: ZFieldView.optional(),
    idFrontImage: ZFieldView.optional(),
    idBackImage: ZFieldView.optional(),
  }),
  imageTypes: z.object({ idFrontImage: z.enum(['jpeg', 'png']).nullable(), idBackImage: z.enum(['jpeg', 'png']).nullable() }),
});
export type TVerificationRevealResponse = z.infer<typeof ZVerificationRevealResponse>;

export const ZVerificationDecisionRequest = z.object({
  outcome: z.enum(['verified', 'rejected']),
  checklist: z.object(
    Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, z.boolean()])) as Record<VerificationChecklistItem, z.ZodBoolean>,
  ),
  reason: z.enum(VERIFICATION_REJECT_REASONS).optional(),
  /** Shown to the customer; must not contain identifiers (refused when the detector finds one). */
  note: ZPlainText(200).optional(),
});
export type TVerificationDecisionRequest = z.infer<typeof ZVerificationDecisionRequest>;
