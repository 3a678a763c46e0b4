import { z } from 'zod';
import { ZIsoDate, ZName, ZPlainText } from './text-input.ts';

/**
 * The quarterly transparency report (issue 19 item 4; ADR 0022): aggregate counts of what the privacy program did in
 * one Beijing calendar quarter, computed from the database, frozen when published. Counts only — never a value, a
 * person, an account number or a free text.
 */

/** Legal basis categories of an authority's request for data (the register keeps the category, the report counts). */
export const AUTHORITY_LEGAL_BASES = [
  'criminal_investigation',
  'administrative_enforcement',
  'court_order',
  'regulatory_inspection',
  'national_security',
  'other',
] as const;
export type AuthorityLegalBasis = (typeof AUTHORITY_LEGAL_BASES)[number];

/** `2026-Q3`: a Beijing calendar quarter. */
export const ZQuarter = z.string().regex(/^(20\d\d)-Q([1-4])$/, { message: 'expected a quarter like 2026-Q3' });

const count = z.number().int().min(0);

export const ZTransparencyFigures = z.object({
  rights: z.object({
    received: count,
    answered: count,
    answeredInTime: count,
    answeredLate: count,
    /** Median working days from filing to the final answer (PRC working-day calendar); null when none answered. */
    medianWorkingDays: z.number().nullable(),
    receivedByKind: z.record(z.string(), count),
  }),
  feedback: z.object({ received: count, closed: count }),
  incidents: z.object({
    total: count,
    reportedToRegulator: count,
    byGrade: z.array(z.object({ grade: z.string(), total: count, reported: count })),
  }),
  transfers: z.object({
    toThirdParties: count,
    abroad: count,
    refused: count,
    personsAbroad: count,
    personsAbroadSensitive: count,
  }),
  authorityRequests: z.object({
    received: count,
    disclosed: count,
    personsAffected: count,
    byLegalBasis: z.array(z.object({ legalBasis: z.enum(AUTHORITY_LEGAL_BASES), received: count, disclosed: count })),
  }),
  staffAccesses: z.object({
    total: count,
    refused: count,
    byPurpose: z.array(z.object({ purpose: z.string(), count })),
  }),
  consentWithdrawals: count,
  erasures: z.object({ accountsErased: count, recordsDestroyedByRetention: count }),
});
export type TTransparencyFigures = z.infer<typeof ZTransparencyFigures>;

export const ZTransparencyReport = z.object({
  period: ZQuarter,
  /** The quarter's first and last Beijing days (inclusive). */
  from: z.string(),
  to: z.string(),
  status: z.enum(['draft', 'published']),
  generatedAt: z.string(),
  publishedAt: z.string().nullable(),
  figures: ZTransparencyFigures,
});
export type TTransparencyReport = z.infer<typeof ZTransparencyReport>;

export const ZTransparencyReportSummary = ZTransparencyReport.pick({
  period: true,
  from: true,
  to: true,
  status: true,
  generatedAt: true,
  publishedAt: true,
});
export const ZTransparencyReportList = z.object({ reports: z.array(ZTransparencyReportSummary) });
export type TTransparencyReportList = z.infer<typeof ZTransparencyReportList>;

export const ZAuthorityRequest = z.object({
  id: z.string(),
  authority: z.string(),
  legalBasis: z.enum(AUTHORITY_LEGAL_BASES),
  receivedOn: z.string(),
  disclosed: z.boolean(),
  personsAffected: count,
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type TAuthorityRequest = z.infer<typeof ZAuthorityRequest>;

export const ZRecordAuthorityRequest = z.object({
  authority: ZName(120),
  legalBasis: z.enum(AUTHORITY_LEGAL_BASES),
  receivedOn: ZIsoDate({ minYear: 2000, maxYear: 2199 }),
  disclosed: z.boolean(),
  personsAffected: z.number().int().min(0).max(10_000_000),
  note: ZPlainText(1000).optional(),
});
export type TRecordAuthorityRequest = z.infer<typeof ZRecordAuthorityRequest>;

export const ZAuthorityRequestList = z.object({ requests: z.array(ZAuthorityRequest) });
