import { z } from 'zod';
import { RETENTION_CLASSES, type RetentionClass } from './privacy.ts';
import { ZPlainText } from './text-input.ts';

/**
 * The retention schedule (issue 14 item 6; PRIVACY-LAW.md row 7): per retention class, the legal minimum keep (floor)
 * and when the data goes (ceiling), counted from the class's clock. Data, not code: the daily job, the dry run, the
 * rights module's "restricted until" and the officer's page all read this one table; a drift test needs an entry per
 * class and floor ≤ ceiling.
 *
 * Clocks: `record` — the record's own date (the copy's declared clock column); `account_end` — the later of the
 * record's date and the day the person's account was closed; `deal_end` — the later of the record's date and the day
 * its deal ended (closed or cancelled). A record of a deal still running is never swept, however old. Each deal-life
 * copy declares how it reaches its deal (vault PERSONAL_DATA_COPIES `dealPath`); a record of a listing / inquiry thread
 * that never became a deal counts from the listing's end (sold or withdrawn), a person's own deal-life record
 * (identity verification) from the later of the account's closure and the end of the last deal they were a party to
 * (ADR 0018, addendum "deal_end clock").
 */
export type RetentionPeriod = { years: number; days: number };
export type RetentionRule = {
  retentionClass: RetentionClass;
  /** Bumped whenever the rule changes; a destruction certificate names the rule and version it applied. */
  version: number;
  clock: 'record' | 'account_end' | 'deal_end';
  floor: RetentionPeriod;
  ceiling: RetentionPeriod;
  /** Why the floor (a law) or the ceiling (minimization) — a code the web app translates. */
  basis: string;
};

export const RETENTION_SCHEDULE: Record<RetentionClass, RetentionRule> = {
  account_life: {
    retentionClass: 'account_life',
    version: 1,
    clock: 'account_end',
    floor: { years: 0, days: 0 },
    ceiling: { years: 0, days: 0 },
    basis: 'account_service_only',
  },
  verification_180d: {
    retentionClass: 'verification_180d',
    version: 1,
    clock: 'record',
    floor: { years: 0, days: 0 },
    ceiling: { years: 0, days: 180 },
    basis: 'verification_minimization_180d',
  },
  account_life_plus_3y: {
    retentionClass: 'account_life_plus_3y',
    version: 1,
    clock: 'account_end',
    floor: { years: 3, days: 0 },
    ceiling: { years: 3, days: 0 },
    basis: 'transaction_records_3y',
  },
  deal_life_plus_3y: {
    retentionClass: 'deal_life_plus_3y',
    version: 2,
    clock: 'deal_end',
    floor: { years: 3, days: 0 },
    ceiling: { years: 3, days: 0 },
    basis: 'transaction_records_3y',
  },
  deal_life_plus_10y: {
    retentionClass: 'deal_life_plus_10y',
    version: 2,
    clock: 'deal_end',
    floor: { years: 10, days: 0 },
    ceiling: { years: 10, days: 0 },
    basis: 'deal_records_10y',
  },
};

/** `from` moved on by a period (calendar years, then days), as an instant. */
export function addRetentionPeriod(from: Date, period: RetentionPeriod): Date {
  const at = new Date(from);
  at.setUTCFullYear(at.getUTCFullYear() + period.years);
  return new Date(at.getTime() + period.days * 86_400_000);
}

export const ZRetentionPeriod = z.object({ years: z.number().int(), days: z.number().int() });
export const ZRetentionRule = z.object({
  retentionClass: z.enum(RETENTION_CLASSES),
  version: z.number().int(),
  clock: z.enum(['record', 'account_end', 'deal_end']),
  floor: ZRetentionPeriod,
  ceiling: ZRetentionPeriod,
  basis: z.string(),
  /** The declared copies this class covers that the daily job sweeps (module.table). */
  tables: z.array(z.string()),
});

export const ZLegalHold = z.object({
  id: z.string(),
  /** A hold on one person's account (by customer number), a whole retention class, a deal (by deal number) or a listing (by code). */
  scope: z.enum(['account', 'class', 'deal', 'listing']),
  accountNo: z.string().nullable(),
  dealNo: z.string().nullable(),
  listingCode: z.string().nullable(),
  retentionClass: z.enum(RETENTION_CLASSES).nullable(),
  reason: z.string(),
  placedAt: z.string(),
  placedByNo: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftedByNo: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type TLegalHold = z.infer<typeof ZLegalHold>;

export const ZPlaceLegalHold = z.union([
  z.object({ scope: z.literal('account'), accountNo: z.string().trim().min(1).max(40), reason: ZPlainText(500, 1) }),
  z.object({ scope: z.literal('class'), retentionClass: z.enum(RETENTION_CLASSES), reason: ZPlainText(500, 1) }),
  z.object({ scope: z.literal('deal'), dealNo: z.string().trim().min(1).max(40), reason: ZPlainText(500, 1) }),
  z.object({ scope: z.literal('listing'), listingCode: z.string().trim().min(1).max(40), reason: ZPlainText(500, 1) }),
]);
export type TPlaceLegalHold = z.infer<typeof ZPlaceLegalHold>;
export const ZLiftLegalHold = z.object({ reason: ZPlainText(500, 1) });

/** Counts per class and table of one sweep (or dry run): never a value, never a record id. */
export const ZRetentionCount = z.object({
  retentionClass: z.enum(RETENTION_CLASSES),
  table: z.string(),
  action: z.enum(['shred', 'anonymize', 'delete']),
  scanned: z.number().int(),
  pastCeiling: z.number().int(),
  held: z.number().int(),
  underFloor: z.number().int(),
  destroyed: z.number().int(),
});
export const ZRetentionRun = z.object({
  id: z.string(),
  dryRun: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  by: z.enum(['job', 'officer']),
  scanned: z.number().int(),
  destroyed: z.number().int(),
  counts: z.array(ZRetentionCount),
});
export type TRetentionRun = z.infer<typeof ZRetentionRun>;

export const ZDestructionCertificate = z.object({
  id: z.string(),
  certificateNo: z.string(),
  runId: z.string(),
  retentionClass: z.enum(RETENTION_CLASSES),
  table: z.string(),
  action: z.enum(['shred', 'anonymize', 'delete']),
  count: z.number().int(),
  rule: z.string(),
  destroyedAt: z.string(),
  /** The certificate as a C2SP signed note (the format of the audit checkpoints), verifiable offline with `verifierKey`. */
  note: z.string(),
});
export type TDestructionCertificate = z.infer<typeof ZDestructionCertificate>;
export const ZCertificateVerification = z.object({ certificateNo: z.string(), valid: z.boolean(), reason: z.string().nullable() });

export const ZRetentionOverview = z.object({
  schedule: z.array(ZRetentionRule),
  holds: z.array(ZLegalHold),
  runs: z.array(ZRetentionRun),
  certificates: z.array(ZDestructionCertificate),
  /** The vkey that verifies every certificate (`<name>+<id>+<key>`, C2SP signed-note verifier key). */
  verifierKey: z.string(),
});
export type TRetentionOverview = z.infer<typeof ZRetentionOverview>;
