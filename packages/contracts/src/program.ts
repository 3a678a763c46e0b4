import { z } from 'zod';
import { ROLES, STAFF_ROLES } from './permissions.ts';
import { ZName, ZPlainText } from './text-input.ts';

/**
 * The privacy program inside the product (issue 19): training modules that expire, the code of conduct and its
 * violations. Module texts are data the privacy officer edits (zh-CN); the answer key never leaves the server
 * except to the privacy officer editing it.
 */

/** A completed module (and the base course) is valid this long; the gate closes when it runs out. */
export const TRAINING_VALIDITY_MONTHS = 12;
/** Reminders go out this many days before a completion runs out, and once more when it has. */
export const TRAINING_REMINDER_DAYS = 30;

const staffRole = z.enum(ROLES).refine((r) => STAFF_ROLES.includes(r), { message: 'a staff role' });
const moduleCode = z.string().regex(/^[a-z][a-z0-9-]{2,39}$/);

export const ZTrainingQuestionInput = z.object({
  prompt: ZPlainText(300, 2),
  options: z.array(ZName(200)).min(2).max(6),
  /** Index of the right option. */
  answer: z.number().int().min(0).max(5),
});
export const ZTrainingModuleInput = z
  .object({
    title: ZName(80, 2),
    body: ZPlainText(4000, 10),
    questions: z.array(ZTrainingQuestionInput).min(1).max(20),
    /** Percentage of right answers needed to pass. */
    passMark: z.number().int().min(50).max(100),
    roles: z.array(staffRole).min(1).max(STAFF_ROLES.length),
    active: z.boolean(),
  })
  .refine((m) => m.questions.every((q) => q.answer < q.options.length), { message: 'each answer names one of its options' });
export type TTrainingModuleInput = z.infer<typeof ZTrainingModuleInput>;

/** The privacy officer's view: with the answer key. */
export const ZTrainingModuleAdmin = z.object({
  code: z.string(),
  revision: z.number().int(),
  title: z.string(),
  body: z.string(),
  questions: z.array(z.object({ prompt: z.string(), options: z.array(z.string()), answer: z.number().int() })),
  passMark: z.number().int(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type TTrainingModuleAdmin = z.infer<typeof ZTrainingModuleAdmin>;
export const ZTrainingModuleAdminList = z.object({ items: z.array(ZTrainingModuleAdmin) });
export type TTrainingModuleAdminList = z.infer<typeof ZTrainingModuleAdminList>;

/** A staff member's view of a module: no answer key. */
export const ZTrainingModule = z.object({
  code: z.string(),
  revision: z.number().int(),
  title: z.string(),
  body: z.string(),
  questions: z.array(z.object({ prompt: z.string(), options: z.array(z.string()) })),
  passMark: z.number().int(),
});
export type TTrainingModule = z.infer<typeof ZTrainingModule>;

export const MODULE_STATES = ['missing', 'valid', 'expiring', 'expired'] as const;
export type ModuleState = (typeof MODULE_STATES)[number];
export const ZModuleStatus = z.object({
  code: z.string(),
  title: z.string(),
  state: z.enum(MODULE_STATES),
  completedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TModuleStatus = z.infer<typeof ZModuleStatus>;

export const ZProgramStatus = z.object({
  modules: z.array(ZModuleStatus),
  /** The current code of conduct (null before the first is published) and when the member acknowledged it. */
  conduct: z.object({ version: z.number().int(), acknowledgedAt: z.string().nullable() }).nullable(),
  /** The base course and agreement, all assigned modules and the current code: the gate is open. */
  cleared: z.boolean(),
});
export type TProgramStatus = z.infer<typeof ZProgramStatus>;

export const ZModuleAnswers = z.object({ revision: z.number().int().min(1), answers: z.array(z.number().int().min(0).max(5)).max(20) });
export const ZModuleResult = z.object({
  passed: z.boolean(),
  correct: z.number().int(),
  total: z.number().int(),
  passMark: z.number().int(),
  status: ZProgramStatus,
});
export type TModuleResult = z.infer<typeof ZModuleResult>;

/** Code of conduct. */
export const ZConductVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});
export type TConductVersion = z.infer<typeof ZConductVersion>;
export const ZConductCurrent = z.object({ current: ZConductVersion.nullable() });
export type TConductCurrent = z.infer<typeof ZConductCurrent>;
export const ZPublishConductRequest = z.object({ title: ZName(80, 2), body: ZPlainText(8000, 20) });
export const ZAcknowledgeConductRequest = z.object({ version: z.number().int().min(1) });

/** 违规处理: the handling decisions internal audit records. */
export const VIOLATION_DECISIONS = ['no_action', 'warning', 'retraining', 'access_reduced', 'suspended', 'dismissed'] as const;
export const ZRecordViolationRequest = z.object({
  staffAccountId: z.string().min(1).max(64),
  description: ZPlainText(2000, 10),
  /** The audit record numbers (seq) the violation rests on. */
  auditSeqs: z.array(z.number().int().min(1)).min(1).max(50),
  decision: z.enum(VIOLATION_DECISIONS),
  decisionNote: ZPlainText(1000).optional(),
});
export type TRecordViolationRequest = z.infer<typeof ZRecordViolationRequest>;
export const ZViolation = z.object({
  id: z.string(),
  staffAccountId: z.string(),
  staffNo: z.string(),
  conductVersion: z.number().int().nullable(),
  description: z.string(),
  auditSeqs: z.array(z.number().int()),
  decision: z.enum(VIOLATION_DECISIONS),
  decisionNote: z.string().nullable(),
  recordedByStaffNo: z.string(),
  recordedAt: z.string(),
});
export type TViolation = z.infer<typeof ZViolation>;
export const ZViolationList = z.object({ items: z.array(ZViolation) });
export type TViolationList = z.infer<typeof ZViolationList>;
export { moduleCode as ZTrainingModuleCode };

/** Live privacy metrics on the staff console home (issue 19 item 5): counts only, no personal data. */
export const ZPrivacyMetrics = z.object({
  overdueRightsRequests: z.number().int(),
  /** Active staff with a training that runs out within 30 days or has run out. */
  expiringTrainings: z.number().int(),
  /** Break-glass alerts not yet acknowledged. */
  openAlerts: z.number().int(),
  /** Decided share of the latest access review, in percent (null before the first review). */
  accessReviewCompletion: z.number().int().nullable(),
  /** Consents withdrawn in the last 30 days. */
  consentWithdrawals30d: z.number().int(),
});
export type TPrivacyMetrics = z.infer<typeof ZPrivacyMetrics>;

/**
 * The privacy officer's overview of the program (issue 19, console page): per module how many active staff it is
 * assigned to and where they stand, and per active staff member whether they acknowledged the current code of
 * conduct. Staff are shown as the console shows them elsewhere: staff number and masked log-in name (ab***).
 */
export const ZModuleStanding = z.object({
  code: z.string(),
  /** Active staff whose roles the module is assigned to. */
  assigned: z.number().int(),
  valid: z.number().int(),
  expiring: z.number().int(),
  expired: z.number().int(),
  missing: z.number().int(),
});
export type TModuleStanding = z.infer<typeof ZModuleStanding>;
export const ZStaffStanding = z.object({
  accountId: z.string(),
  staffNo: z.string(),
  /** Masked (ab***). */
  loginName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** When this member acknowledged the current code of conduct (null: not yet, or no code published). */
  conductAcknowledgedAt: z.string().nullable(),
  /** Modules (and the base course) that are missing or expired for this member. */
  overdue: z.array(z.string()),
  /** The gate is open for this member. */
  cleared: z.boolean(),
});
export type TStaffStanding = z.infer<typeof ZStaffStanding>;
export const ZProgramStanding = z.object({
  modules: z.array(ZModuleStanding),
  conductVersion: z.number().int().nullable(),
  staff: z.array(ZStaffStanding),
});
export type TProgramStanding = z.infer<typeof ZProgramStanding>;
