import { z } from 'zod';
import { ZPlainText } from './text-input.ts';
import { PROFILE_FIELDS, ZFieldView } from './privacy.ts';
import { ROLES, STAFF_ROLES } from './permissions.ts';

/** Staff lifecycle (issue 5): accounts, confidentiality agreement and training, access reviews, break-glass. */
const staffRole = z.enum(ROLES).refine((r) => STAFF_ROLES.includes(r), { message: 'a staff role' });
const staffRoles = z
  .array(staffRole)
  .max(STAFF_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'each role once' });

export const ZCreateStaffRequest = z.object({
  loginName: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/i, { message: '3–32 letters, digits, . _ -' }),
  /** 工号, e.g. S-1002. */
  staffNo: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,3}-?\d{3,8}$/, { message: 'like S-1002' }),
  roles: staffRoles.min(1),
  /** Optional work e-mail (personal data: stored by the vault); break-glass alerts reach privacy officers there. */
  workEmail: z.string().trim().max(254).optional(),
});
export type TCreateStaffRequest = z.infer<typeof ZCreateStaffRequest>;

export const ZStaffMember = z.object({
  accountId: z.string(),
  staffNo: z.string(),
  /** Masked (ab***). */
  loginName: z.string(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(['active', 'disabled']),
  workEmail: ZFieldView,
  agreementAccepted: z.boolean(),
  trainingCompleted: z.boolean(),
  offboardedAt: z.string().nullable(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;
export const ZStaffListResponse = z.object({ items: z.array(ZStaffMember) });
export type TStaffListResponse = z.infer<typeof ZStaffListResponse>;

/** The one response that carries the initial password: shown once to the admin, who hands it over in person. */
export const ZCreateStaffResponse = z.object({ member: ZStaffMember, initialPassword: z.string() });
export type TCreateStaffResponse = z.infer<typeof ZCreateStaffResponse>;

export const ZSetStaffRolesRequest = z.object({ roles: staffRoles });
export const ZOffboardResponse = z.object({
  sessionsEnded: z.number().int(),
  clientsFlagged: z.number().int(),
  grantsEnded: z.number().int(),
});
export type TOffboardResponse = z.infer<typeof ZOffboardResponse>;

export const ZReassignment = z.object({
  customerAccountId: z.string(),
  customerAccountNo: z.string(),
  fromAccountId: z.string(),
  fromStaffNo: z.string(),
  flaggedAt: z.string(),
});
export const ZReassignmentsResponse = z.object({ items: z.array(ZReassignment) });
export type TReassignmentsResponse = z.infer<typeof ZReassignmentsResponse>;
export const ZReassignRequest = z.object({
  customerAccountId: z.string().min(1).max(64),
  fromAccountId: z.string().min(1).max(64),
  toAccountId: z.string().min(1).max(64),
});

/** Confidentiality agreement and privacy training: the texts live in the web locales, the versions here. */
export const AGREEMENT_VERSION = '2026-11';
export const TRAINING_COURSE = 'privacy-basics';
export const TRAINING_VERSION = '2026-11';
/** The quiz: question id → number of options; the answer key stays on the server. */
export const TRAINING_QUIZ = { q1: 3, q2: 3, q3: 3, q4: 3 } as const;
export type TrainingQuestion = keyof typeof TRAINING_QUIZ;

export const ZComplianceStatus = z.object({
  agreement: z.object({ version: z.string(), acceptedAt: z.string().nullable() }),
  training: z.object({ course: z.string(), version: z.string(), completedAt: z.string().nullable() }),
  cleared: z.boolean(),
});
export type TComplianceStatus = z.infer<typeof ZComplianceStatus>;
export const ZAcceptAgreementRequest = z.object({ version: z.string().max(20) });
export const ZCompleteTrainingRequest = z.object({
  course: z.string().max(40),
  version: z.string().max(20),
  answers: z.record(z.string().max(8), z.number().int().min(0).max(9)),
});
export const ZTrainingResult = z.object({
  passed: z.boolean(),
  correct: z.number().int(),
  total: z.number().int(),
  status: ZComplianceStatus,
});
export type TTrainingResult = z.infer<typeof ZTrainingResult>;

/** Access review campaigns. */
export const REVIEW_DECISIONS = ['pending', 'recertified', 'revoked', 'expired'] as const;
export const ZReviewItem = z.object({
  id: z.string(),
  accountId: z.string(),
  staffNo: z.string(),
  roles: z.array(z.enum(ROLES)),
  decision: z.enum(REVIEW_DECISIONS),
  decidedAt: z.string().nullable(),
  decidedByStaffNo: z.string().nullable(),
});
export const ZReviewCampaign = z.object({
  id: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  items: z.array(ZReviewItem),
});
export type TReviewCampaign = z.infer<typeof ZReviewCampaign>;
export const ZReviewCampaignsResponse = z.object({ items: z.array(ZReviewCampaign) });
export type TReviewCampaignsResponse = z.infer<typeof ZReviewCampaignsResponse>;
export const ZStartReviewRequest = z.object({ dueInDays: z.number().int().min(1).max(60).default(14) });
export const ZReviewDecisionRequest = z.object({ decision: z.enum(['recertify', 'revoke']) });

/** Break-glass: emergency, time-boxed access by a privacy or security officer to one customer's data. */
export const BREAK_GLASS_MAX_MINUTES = 60;
export const BREAK_GLASS_MIN_JUSTIFICATION = 30;
/** The customer by account id, or by the customer number (C-100001) an officer has from a ticket. */
export const ZBreakGlassRequest = z
  .object({
    customerAccountId: z.string().min(1).max(64).optional(),
    customerAccountNo: z.string().trim().min(1).max(32).optional(),
    justification: ZPlainText(1000, BREAK_GLASS_MIN_JUSTIFICATION),
    minutes: z.number().int().min(5).max(BREAK_GLASS_MAX_MINUTES),
  })
  .refine((r) => (r.customerAccountId === undefined) !== (r.customerAccountNo === undefined), {
    message: 'customerAccountId or customerAccountNo, one of them',
  });
export type TBreakGlassRequest = z.infer<typeof ZBreakGlassRequest>;
export const ZBreakGlassGrant = z.object({
  id: z.string(),
  requesterAccountId: z.string(),
  requesterStaffNo: z.string(),
  customerAccountId: z.string(),
  customerAccountNo: z.string(),
  justification: z.string(),
  minutes: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  acknowledgedAt: z.string().nullable(),
});
export type TBreakGlassGrant = z.infer<typeof ZBreakGlassGrant>;
export const ZBreakGlassListResponse = z.object({ items: z.array(ZBreakGlassGrant) });
export type TBreakGlassListResponse = z.infer<typeof ZBreakGlassListResponse>;
export const ZBreakGlassRevealRequest = z.object({ fields: z.array(z.enum(PROFILE_FIELDS)).min(1).max(PROFILE_FIELDS.length) });
