import { z } from 'zod';
import { ZName } from './text-input.ts';
import { ROLES } from './permissions.ts';

/**
 * The closed list of purposes for which a personal field may be read (PIPL Art. 6: purposes must be specific
 * and limited). A reveal names one; the vault refuses a purpose the field is not registered for.
 */
export const PURPOSES = [
  'account_service',
  'identity_verification',
  'deal_execution',
  'legal_compliance',
  'customer_support',
  'security_investigation',
  'rights_request',
  'break_glass',
  // The deal path (issue 11): opening a listing's company identity to a buyer at level L1, under the seller's
  // separate consent naming that buyer; a broker checking the company against the registry before publishing.
  'deal_disclosure',
  'listing_review',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** PIPL Art. 13 legal bases, plus Art. 29 separate consent for sensitive data. */
export const LEGAL_BASES = ['consent', 'separate_consent', 'contract', 'legal_obligation', 'disclosed_info'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const DATA_CATEGORIES = ['identity', 'contact', 'financial', 'location', 'identity_document'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

// deal_life_plus_3y (issue 13, messages): kept while the inquiry or deal runs and three years after (transaction records,
// E-Commerce Law Art. 31), then crypto-shredded.
export const RETENTION_CLASSES = [
  'account_life',
  'account_life_plus_3y',
  'deal_life_plus_10y',
  'verification_180d',
  'deal_life_plus_3y',
] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export const MASK_KINDS = ['name', 'mobile', 'email', 'id_card', 'uscc', 'bank_card', 'address', 'wechat', 'qq', 'landline'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export const SUBJECT_KINDS = ['customer', 'staff', 'company_party'] as const;

export const ZDataMapEntry = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  subjectKind: z.enum(SUBJECT_KINDS),
  category: z.enum(DATA_CATEGORIES),
  sensitivity: z.enum(['general', 'sensitive']),
  purposes: z.array(z.enum(PURPOSES)),
  legalBasis: z.enum(LEGAL_BASES),
  retention: z.enum(RETENTION_CLASSES),
  masking: z.enum(MASK_KINDS),
  blindIndexed: z.boolean(),
  visibleTo: z.array(z.enum(ROLES)),
});
export type TDataMapEntry = z.infer<typeof ZDataMapEntry>;

export const ZDataMapResponse = z.object({ generatedAt: z.string(), entries: z.array(ZDataMapEntry) });
export type TDataMapResponse = z.infer<typeof ZDataMapResponse>;

/** A personal field as an API shows it: masked by default, plaintext only after a permitted reveal. */
export const ZFieldView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('masked'), value: z.string() }),
  z.object({ state: z.literal('revealed'), value: z.string() }),
  z.object({ state: z.literal('erased') }),
  z.object({ state: z.literal('absent') }),
]);
export type TFieldView = z.infer<typeof ZFieldView>;

export const PROFILE_FIELDS = ['realName', 'mobile', 'email', 'wechat', 'idNumber', 'address'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const ZProfileResponse = z.object({
  accountId: z.string(),
  fields: z.object(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ZFieldView])) as Record<ProfileField, typeof ZFieldView>),
  updatedAt: z.string().nullable(),
});
export type TProfileResponse = z.infer<typeof ZProfileResponse>;

export const ZUpdateProfileRequest = z
  .object({
    realName: ZName(50, 1),
    mobile: z.string().trim().min(5).max(32),
    email: z.string().trim().min(3).max(254),
    wechat: ZName(40, 2),
    idNumber: z.string().trim().min(15).max(20),
    address: ZName(200, 2),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field' });
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const ZRevealRequest = z.object({
  fields: z.array(z.enum(PROFILE_FIELDS)).min(1).max(PROFILE_FIELDS.length),
  purpose: z.enum(PURPOSES),
});
export type TRevealRequest = z.infer<typeof ZRevealRequest>;

export const ZLookupQuery = z
  .object({
    mobile: z.string().max(32).optional(),
    email: z.string().max(254).optional(),
    idNumber: z.string().max(20).optional(),
    purpose: z.enum(PURPOSES),
  })
  .refine((v) => [v.mobile, v.email, v.idNumber].filter(Boolean).length === 1, {
    message: 'exactly one of mobile, email, idNumber',
    path: ['mobile'],
  });

export const ZLookupResponse = z.object({ accounts: z.array(ZProfileResponse) });
export type TLookupResponse = z.infer<typeof ZLookupResponse>;
export type TLookupRequest = z.infer<typeof ZLookupQuery>;
