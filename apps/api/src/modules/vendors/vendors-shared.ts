import { CONTRACT_CLAUSES, type ContractClause, type TVendor } from '@sealbridge/contracts';
import type { ImpactAssessmentsTable, VendorContractsTable, VendorsTable } from '../../db/schema.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { Principal } from '../../platform/http/index.ts';

export const DAY_MS = 86_400_000;
/** Sharing and entrustment records and impact assessments are kept at least 3 years (NDSMR Art. 12; PIPL Art. 56). */
export const RECORD_FLOOR_YEARS = 3;
/** A provider registered from configuration may be used this long before its signed contract must be on file. */
export const PROVISIONAL_DAYS = 30;
/** Review reminders start this many days before a vendor's review date. */
export const REVIEW_REMINDER_DAYS = 14;

export type VendorsAudit = Pick<AuditPort, 'append' | 'appendInTransaction'>;

export const actorOf = (p: Pick<Principal, 'accountId' | 'roles' | 'sessionId'>): AuditActor => ({
  accountId: p.accountId,
  role: p.roles.join(',') || null,
  sessionId: p.sessionId,
});

export function parseList<T extends string>(json: string): T[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'string') as T[]) : [];
}

export function contractInForce(contract: Pick<VendorContractsTable, 'starts_at' | 'ends_at'> | undefined, at: Date): boolean {
  return !!contract && Date.parse(contract.starts_at) <= at.getTime() && at.getTime() < Date.parse(contract.ends_at);
}

/** Required clauses a signed contract lacks; a provisional one (configuration) lacks them all until replaced. */
export function missingClauses(contract: Pick<VendorContractsTable, 'clauses_json'>): ContractClause[] {
  const present = new Set(parseList<ContractClause>(contract.clauses_json));
  return CONTRACT_CLAUSES.filter((c) => !present.has(c));
}

export function toVendor(
  row: VendorsTable,
  contract: VendorContractsTable | undefined,
  assessments: readonly Pick<ImpactAssessmentsTable, 'id'>[],
  at: Date,
): TVendor {
  return {
    id: row.id,
    vendorKey: row.vendor_key,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    role: row.role,
    service: row.service as TVendor['service'],
    country: row.country,
    purposes: parseList(row.purposes_json),
    categories: parseList(row.categories_json),
    sensitive: row.sensitive === 1,
    source: row.source,
    securityAssessment: row.security_assessment,
    securityAssessedAt: row.security_assessed_at,
    reviewIntervalDays: row.review_interval_days,
    nextReviewAt: row.next_review_at,
    reviewDue: row.status === 'active' && Date.parse(row.next_review_at) - REVIEW_REMINDER_DAYS * DAY_MS <= at.getTime(),
    status: row.status,
    endedAt: row.ended_at,
    deletionAttestedAt: row.deletion_attested_at,
    deletionAttestation: row.deletion_attestation,
    contract: contract
      ? {
          id: contract.id,
          kind: contract.kind,
          reference: contract.reference,
          clauses: parseList(contract.clauses_json),
          missingClauses: missingClauses(contract),
          startsAt: contract.starts_at,
          endsAt: contract.ends_at,
          inForce: contractInForce(contract, at),
        }
      : null,
    impactAssessmentIds: assessments.map((a) => a.id),
    createdAt: row.created_at,
  };
}
