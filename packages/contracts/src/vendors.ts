import { z } from 'zod';
import { LOCALIZED } from './consent.ts';
import { DATA_CATEGORIES, PURPOSES } from './privacy.ts';
import { ZName, ZPlainText } from './text-input.ts';

/**
 * Third parties (issue 17): the vendor registry, the sharing gateway's transfer record, the cross-border ledger,
 * impact assessments (PIPL Arts. 55–56) and the obligations map of PRIVACY-LAW.md.
 */
export const VENDOR_ROLES = ['entrusted_processor', 'independent_handler', 'joint_handler'] as const;
export type VendorRole = (typeof VENDOR_ROLES)[number];
export const VENDOR_SERVICES = ['email_delivery', 'sms_delivery', 'identity_check', 'other'] as const;

/** What an entrustment contract must say (PIPL Art. 21; NDSMR Art. 12): the checklist of required clauses. */
export const CONTRACT_CLAUSES = [
  'purpose_duration',
  'processing_method',
  'categories',
  'security_measures',
  'no_sub_entrustment',
  'return_or_delete',
  'supervision_audit',
  'incident_notice',
] as const;
export type ContractClause = (typeof CONTRACT_CLAUSES)[number];

/** Why the gateway refused a transfer (or `allowed`). Stored with every transfer. */
export const TRANSFER_REASONS = [
  'allowed',
  'unregistered_recipient',
  'recipient_ended',
  'no_contract_in_force',
  'contract_clauses_missing',
  'purpose_not_declared',
  'category_not_declared',
  'security_assessment_failed',
  'consent_missing',
  'no_impact_assessment',
  'mechanism_missing_standard_contract',
  'mechanism_missing_security_assessment',
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

export const PIA_TEMPLATES = [
  'entrusted_processing',
  'provision_to_handler',
  'cross_border',
  'sensitive_processing',
  'automated_decision',
] as const;
export type PiaTemplate = (typeof PIA_TEMPLATES)[number];
export const CROSS_BORDER_MECHANISMS = ['standard_contract', 'certification', 'security_assessment'] as const;
export type CrossBorderMechanism = (typeof CROSS_BORDER_MECHANISMS)[number];
export const RAG = ['green', 'amber', 'red'] as const;

const ZCountry = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 code such as CN' });

export const ZCreateVendorRequest = z.object({
  vendorKey: z.string().regex(/^[a-z0-9_]{2,40}$/),
  name: z.object({ 'zh-CN': ZName(100), en: ZName(100) }),
  role: z.enum(VENDOR_ROLES),
  service: z.enum(VENDOR_SERVICES),
  country: ZCountry,
  purposes: z.array(z.enum(PURPOSES)).min(1).max(PURPOSES.length),
  categories: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
  sensitive: z.boolean(),
  reviewIntervalDays: z.number().int().min(30).max(730).default(365),
});
export type TCreateVendorRequest = z.infer<typeof ZCreateVendorRequest>;

export const ZContractRequest = z.object({
  reference: ZName(100),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)).max(CONTRACT_CLAUSES.length),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
});
export type TContractRequest = z.infer<typeof ZContractRequest>;

export const ZSecurityAssessmentRequest = z.object({ result: z.enum(['passed', 'conditional', 'failed']) });
export const ZDeletionAttestationRequest = z.object({ statement: ZPlainText(2000, 4) });

export const ZVendorContract = z.object({
  id: z.string(),
  kind: z.enum(['signed', 'provisional']),
  reference: z.string(),
  clauses: z.array(z.enum(CONTRACT_CLAUSES)),
  missingClauses: z.array(z.enum(CONTRACT_CLAUSES)),
  startsAt: z.string(),
  endsAt: z.string(),
  inForce: z.boolean(),
});

export const ZVendor = z.object({
  id: z.string(),
  vendorKey: z.string(),
  name: LOCALIZED,
  role: z.enum(VENDOR_ROLES),
  service: z.enum(VENDOR_SERVICES),
  country: z.string(),
  purposes: z.array(z.enum(PURPOSES)),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  sensitive: z.boolean(),
  source: z.enum(['configuration', 'manual']),
  securityAssessment: z.string().nullable(),
  securityAssessedAt: z.string().nullable(),
  reviewIntervalDays: z.number().int(),
  nextReviewAt: z.string(),
  reviewDue: z.boolean(),
  status: z.enum(['active', 'ended']),
  endedAt: z.string().nullable(),
  deletionAttestedAt: z.string().nullable(),
  deletionAttestation: z.string().nullable(),
  contract: ZVendorContract.nullable(),
  impactAssessmentIds: z.array(z.string()),
  createdAt: z.string(),
});
export type TVendor = z.infer<typeof ZVendor>;
export const ZVendorList = z.object({ items: z.array(ZVendor) });

export const ZImpactAssessmentRequest = z.object({
  template: z.enum(PIA_TEMPLATES),
  vendorId: z.string().min(1).max(64).nullable(),
  purposes: z.array(z.enum(PURPOSES)).min(1).max(PURPOSES.length),
  title: ZName(200),
  answers: z.object({ necessity: ZPlainText(4000, 4), impact: ZPlainText(4000, 4), measures: ZPlainText(4000, 4) }),
  conclusion: ZPlainText(2000, 4),
  riskLevel: z.enum(['low', 'medium', 'high']),
  reviewDueAt: z.string().datetime().optional(),
});
export type TImpactAssessmentRequest = z.infer<typeof ZImpactAssessmentRequest>;

export const ZImpactAssessment = z.object({
  id: z.string(),
  template: z.enum(PIA_TEMPLATES),
  vendorId: z.string().nullable(),
  vendorKey: z.string().nullable(),
  purposes: z.array(z.enum(PURPOSES)),
  title: z.string(),
  answers: z.object({ necessity: z.string(), impact: z.string(), measures: z.string() }),
  conclusion: z.string(),
  riskLevel: z.enum(['low', 'medium', 'high']),
  assessedAt: z.string(),
  reviewDueAt: z.string(),
  reviewOverdue: z.boolean(),
  retainUntil: z.string(),
});
export type TImpactAssessment = z.infer<typeof ZImpactAssessment>;
export const ZImpactAssessmentList = z.object({
  items: z.array(ZImpactAssessment),
  templates: z.array(z.object({ template: z.enum(PIA_TEMPLATES), article: z.string(), questions: z.array(LOCALIZED) })),
});

export const ZMechanismRequest = z.object({
  kind: z.enum(CROSS_BORDER_MECHANISMS),
  reference: ZName(100),
  effectiveAt: z.string().datetime(),
  validUntil: z.string().datetime().optional(),
});
export type TMechanismRequest = z.infer<typeof ZMechanismRequest>;
export const ZMechanism = z.object({
  id: z.string(),
  kind: z.enum(CROSS_BORDER_MECHANISMS),
  reference: z.string(),
  effectiveAt: z.string(),
  validUntil: z.string().nullable(),
  filingDueAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  filingOverdue: z.boolean(),
  inForce: z.boolean(),
});

export type TMechanism = z.infer<typeof ZMechanism>;

export const ZCrossBorderLedger = z.object({
  year: z.number().int(),
  sensitivePersons: z.number().int(),
  nonSensitivePersons: z.number().int(),
  required: z.enum(['exempt', 'standard_contract', 'security_assessment']),
  satisfied: z.boolean(),
  thresholds: z.object({ nonSensitiveContract: z.number(), nonSensitiveAssessment: z.number(), sensitiveAssessment: z.number() }),
  destinations: z.array(z.object({ country: z.string(), vendorKey: z.string(), persons: z.number().int() })),
  refusals: z.number().int(),
  mechanisms: z.array(ZMechanism),
});
export type TCrossBorderLedger = z.infer<typeof ZCrossBorderLedger>;

export const ZTransferRecord = z.object({
  id: z.string(),
  vendorKey: z.string(),
  purpose: z.string(),
  channel: z.string(),
  country: z.string(),
  crossBorder: z.boolean(),
  sensitive: z.boolean(),
  outcome: z.enum(['allowed', 'refused']),
  reason: z.enum(TRANSFER_REASONS),
  mechanism: z.string().nullable(),
  createdAt: z.string(),
  retainUntil: z.string(),
});
export type TTransferRecord = z.infer<typeof ZTransferRecord>;
export const ZTransferList = z.object({ items: z.array(ZTransferRecord), total: z.number().int() });

export const ZObligationRow = z.object({
  row: z.number().int(),
  obligation: LOCALIZED,
  source: z.string(),
  status: z.enum(RAG),
  evidence: LOCALIZED,
});
export type TObligationRow = z.infer<typeof ZObligationRow>;
export const ZObligationsMap = z.object({ checkedAt: z.string(), rows: z.array(ZObligationRow) });
