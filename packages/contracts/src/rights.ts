import { z } from 'zod';
import { DATA_CATEGORIES, LEGAL_BASES, PURPOSES, RETENTION_CLASSES } from './privacy.ts';
import { ZPlainText } from './text-input.ts';

/**
 * Typed rights requests (PIPL Art. 44–50, NDSMR 23/25; issue 14). Each kind has its own workflow (the states it may
 * pass through, in `RIGHTS_WORKFLOWS`); the requester's details are sealed by the vault (`rights_requests.detail`),
 * the officer's answer and refusal text pass the identifier guard and are stored as written.
 */
export const RIGHTS_KINDS = [
  'access',
  'portability',
  'correction',
  'deletion',
  'explanation',
  'withdrawal',
  'account_closure',
  'next_of_kin',
] as const;
export type RightsKind = (typeof RIGHTS_KINDS)[number];

export const RIGHTS_STATUSES = [
  'identity_pending',
  'received',
  'in_progress',
  'fulfilled',
  'corrected',
  'erased',
  'closed',
  'restricted',
  'answered',
  'refused',
] as const;
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];

/** Final states: the clock stops, the requester has the outcome. */
export const RIGHTS_FINAL_STATUSES: readonly RightsStatus[] = [
  'fulfilled',
  'corrected',
  'erased',
  'closed',
  'restricted',
  'answered',
  'refused',
];

/**
 * Each kind's workflow: from a state, the states it may move to. A refusal (with a reason) is possible from every
 * non-final state after the identity step; `identity_pending → received` happens when the requester proves it is
 * them with data already held (a recent step-up or a sign-in code to the registered contact), or a refusal
 * (`identity_not_confirmed`) when they never do.
 */
export const RIGHTS_WORKFLOWS: Record<RightsKind, Partial<Record<RightsStatus, readonly RightsStatus[]>>> = {
  // Access and copy, portability: the export is generated from the registry once identity is confirmed.
  access: { identity_pending: ['received', 'refused'], received: ['fulfilled', 'refused'] },
  portability: { identity_pending: ['received', 'refused'], received: ['fulfilled', 'refused'] },
  correction: { identity_pending: ['received', 'refused'], received: ['in_progress', 'refused'], in_progress: ['corrected', 'refused'] },
  // Deletion and closure run the erasure path; a retention floor turns them into "restricted: stored only".
  deletion: {
    identity_pending: ['received', 'refused'],
    received: ['in_progress', 'refused'],
    in_progress: ['erased', 'restricted', 'refused'],
  },
  account_closure: {
    identity_pending: ['received', 'refused'],
    received: ['in_progress', 'refused'],
    in_progress: ['closed', 'restricted', 'refused'],
  },
  explanation: {
    identity_pending: ['received', 'refused'],
    received: ['in_progress', 'answered', 'refused'],
    in_progress: ['answered', 'refused'],
  },
  withdrawal: { identity_pending: ['received', 'refused'], received: ['answered', 'refused'] },
  // Next of kin (Art. 49) act for a deceased person: their own identity is confirmed, the relation is reviewed.
  next_of_kin: { identity_pending: ['received', 'refused'], received: ['in_progress', 'refused'], in_progress: ['answered', 'refused'] },
};

export const REFUSAL_REASON_CODES = [
  'identity_not_confirmed',
  'manifestly_unfounded',
  'excessive_repetition',
  'legal_obligation',
  'rights_of_others',
  'no_such_data',
  'deceased_wish',
  'relation_not_shown',
  'other',
] as const;

export const NEXT_OF_KIN_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export const NEXT_OF_KIN_RIGHTS = ['access', 'copy', 'correction', 'deletion'] as const;

const note = ZPlainText(2000).optional();
export const ZCreateRightsRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('access'), note }),
  z.strictObject({ kind: z.literal('portability'), note }),
  z.strictObject({
    kind: z.literal('correction'),
    /** A registered field key (`account_profiles.real_name`). */
    field: z.string().min(3).max(80),
    value: ZPlainText(500, 1),
    note,
  }),
  z.strictObject({ kind: z.literal('deletion'), note }),
  z.strictObject({ kind: z.literal('explanation'), question: ZPlainText(2000, 5) }),
  z.strictObject({ kind: z.literal('withdrawal'), purpose: z.enum(PURPOSES), note }),
  z.strictObject({ kind: z.literal('account_closure'), note }),
  z.strictObject({
    kind: z.literal('next_of_kin'),
    /** The deceased person's platform account number (C-…), never their name or ID number. */
    deceasedAccountNo: z
      .string()
      .trim()
      .min(2)
      .max(32)
      .regex(/^[A-Za-z0-9-]+$/),
    relation: z.enum(NEXT_OF_KIN_RELATIONS),
    right: z.enum(NEXT_OF_KIN_RIGHTS),
    note,
  }),
]);
export type TCreateRightsRequest = z.infer<typeof ZCreateRightsRequest>;

export const ZRightsHistoryEntry = z.object({
  at: z.string(),
  event: z.enum(['filed', 'identity_confirmed', 'status_changed', 'extended', 'answered', 'refused', 'reminded', 'escalated', 'erasure']),
  status: z.enum(RIGHTS_STATUSES),
  by: z.enum(['requester', 'officer', 'system']),
  note: z.string().nullable(),
});

export const ZRightsRequest = z.object({
  id: z.string(),
  requestNo: z.string(),
  kind: z.enum(RIGHTS_KINDS),
  status: z.enum(RIGHTS_STATUSES),
  /** What the workflow allows next from here. */
  nextStatuses: z.array(z.enum(RIGHTS_STATUSES)),
  createdAt: z.string(),
  dueAt: z.string(),
  /** The due date lies in a year whose holiday arrangement is not published yet (counted Monday–Friday). */
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  /** Working days left (negative when overdue); null once final. */
  workingDaysLeft: z.number().int().nullable(),
  identity: z.object({ confirmedAt: z.string(), method: z.string() }).nullable(),
  extension: z.object({ at: z.string(), workingDays: z.number().int(), reason: z.string() }).nullable(),
  answer: z.string().nullable(),
  refusal: z.object({ code: z.enum(REFUSAL_REASON_CODES), text: z.string() }).nullable(),
  /** Deletion / closure: erased, or restricted with the reason, the retention classes and when the data will go. */
  outcome: z
    .object({
      erased: z.boolean(),
      restrictedReason: z.string().nullable(),
      retentionClasses: z.array(z.enum(RETENTION_CLASSES)),
      restrictedUntil: z.string().nullable(),
      /** A deal the person is a party to still runs: the data goes this long after the deal ends (no date yet). */
      restrictedAfterDealEnd: z.object({ years: z.number().int(), days: z.number().int() }).nullable().optional(),
    })
    .nullable(),
  exportAvailable: z.boolean(),
  escalated: z.boolean(),
  history: z.array(ZRightsHistoryEntry),
});
export type TRightsRequest = z.infer<typeof ZRightsRequest>;
export const ZRightsRequestList = z.object({ requests: z.array(ZRightsRequest), slaWorkingDays: z.number().int() });

/** The officer's queue row: the request plus the requester's account number (no personal data). */
export const ZStaffRightsRequest = ZRightsRequest.extend({ requesterNo: z.string().nullable() });
export const ZStaffRightsRequestList = z.object({ requests: z.array(ZStaffRightsRequest) });

export const ZRightsAdvance = z.strictObject({ status: z.enum(RIGHTS_STATUSES), note: ZPlainText(2000).optional() });
export const ZRightsAnswer = z.strictObject({ text: ZPlainText(4000, 2) });
export const ZRightsExtend = z.strictObject({ workingDays: z.number().int().min(1).max(15), reason: ZPlainText(1000, 5) });
export const ZRightsRefuse = z.strictObject({ code: z.enum(REFUSAL_REASON_CODES), text: ZPlainText(2000, 5) });
export const ZRightsDetail = z.object({ detail: z.record(z.string(), z.string()) });

/**
 * The access-and-copy export (`sealbridge.rights-export/v1`), generated from the personal-data registry across all
 * modules: `fields` describes every registered field that holds a value in `records` (label, category, purposes,
 * legal basis, retention); each record names its table and record id and carries the decrypted values. A field of
 * an erased subject appears with `state: "erased"` and no value. The JSON Schema is served at
 * `GET /api/privacy/rights-export-schema`.
 */
export const ZRightsExport = z.object({
  schema: z.literal('sealbridge.rights-export/v1'),
  generatedAt: z.string(),
  requestNo: z.string(),
  portable: z.boolean(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.object({ 'zh-CN': z.string(), en: z.string() }),
      category: z.enum(DATA_CATEGORIES),
      sensitivity: z.enum(['general', 'sensitive']),
      purposes: z.array(z.enum(PURPOSES)),
      legalBasis: z.enum(LEGAL_BASES),
      retention: z.enum(RETENTION_CLASSES),
    }),
  ),
  records: z.array(
    z.object({
      table: z.string(),
      recordId: z.string(),
      values: z.record(z.string(), z.object({ state: z.enum(['present', 'absent', 'erased']), value: z.string().optional() })),
    }),
  ),
});
export type TRightsExport = z.infer<typeof ZRightsExport>;
