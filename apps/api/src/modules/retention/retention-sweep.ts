import { createHash } from 'node:crypto';
import { addRetentionPeriod, type RetentionRule } from '@sealbridge/contracts';
import type { DealPath, PersonalDataCopy } from '../vault/index.ts';
import type { HoldRow, RetentionRepo, ScannedRecord } from './retention-repo.ts';

/** How one record stands against its rule at `at`. */
export type RecordStanding = 'running' | 'under_floor' | 'kept' | 'past_ceiling';

const latest = (...dates: (string | null | undefined)[]) =>
  dates.filter((d): d is string => Boolean(d)).reduce((a, b) => (new Date(b) > new Date(a) ? b : a));

/**
 * The record's clock: its own date (`record`); the later of its date and the account's closing day (`account_end`;
 * an open account's clock has not started); or the later of its date and its deal's end (`deal_end`: never while a
 * deal of the record runs; a record without a deal counts from its listing's end; a person's own record — `party`
 * path — from the later of the account's closure and the end of the last deal). Null: not started, or the copy
 * cannot tell (a deal-life copy without a `dealPath` is never swept; the drift test forbids it).
 */
export function clockOf(rule: RetentionRule, record: ScannedRecord, path?: DealPath): Date | null {
  if (!record.clock_at) return null;
  if (rule.clock === 'record') return new Date(record.clock_at);
  if (rule.clock === 'account_end') {
    if (!record.closed_at) return null;
    return new Date(latest(record.clock_at, record.closed_at));
  }
  if (!path || Number(record.deal_running ?? 0) === 1) return null;
  if (path.via === 'party') return record.closed_at ? new Date(latest(record.clock_at, record.closed_at, record.deal_end_at)) : null;
  return record.deal_end_at ? new Date(latest(record.clock_at, record.deal_end_at)) : null;
}

/** Whether the sweep can compute a clock for a copy under its rule (the drift test and the swept list use this). */
export function hasComputableClock(rule: RetentionRule, copy: PersonalDataCopy): boolean {
  if (!copy.clockColumn) return false;
  if (rule.clock === 'account_end') return Boolean(copy.accountColumn);
  if (rule.clock === 'deal_end') return Boolean(copy.dealPath);
  return true;
}

/** Past the ceiling only strictly after it; under the floor until the floor has passed. Floors win over ceilings. */
export function standingOf(rule: RetentionRule, record: ScannedRecord, at: Date, path?: DealPath): RecordStanding {
  const clock = clockOf(rule, record, path);
  if (!clock) return 'running';
  if (addRetentionPeriod(clock, rule.floor) > at) return 'under_floor';
  return addRetentionPeriod(clock, rule.ceiling) < at ? 'past_ceiling' : 'kept';
}

/** A held deal as the hold scope needs it: its listing and its parties. */
export type HeldDeal = { id: string; listing_id: string; buyer_account_id: string; seller_account_id: string };

/**
 * What a hold protects in one copy: every record (a class hold), the held accounts' records and subjects, and in a
 * deal-life copy every record of a held deal (by deal, or by its listing and buyer; a `party` record of its buyer or
 * seller) or of a held listing.
 */
export type HoldScope = {
  wholeClass: boolean;
  accounts: Set<string>;
  subjects: Set<string>;
  deals: Set<string>;
  dealInterests: Set<string>;
  dealParties: Set<string>;
  listings: Set<string>;
};

export async function holdScopeOf(
  copy: PersonalDataCopy,
  holds: HoldRow[],
  subjectsOfAccountIn: (copy: PersonalDataCopy, accountId: string) => Promise<string[]>,
  heldDeals: HeldDeal[] = [],
): Promise<HoldScope> {
  const accounts = new Set(holds.filter((h) => h.scope === 'account' && h.account_id).map((h) => h.account_id ?? ''));
  const subjects = new Set<string>();
  if (copy.subjectColumn) for (const accountId of accounts) for (const s of await subjectsOfAccountIn(copy, accountId)) subjects.add(s);
  const dealLife = Boolean(copy.dealPath);
  const deals = dealLife ? heldDeals : [];
  return {
    wholeClass: holds.some((h) => h.scope === 'class' && h.retention_class === copy.retention),
    accounts,
    subjects,
    deals: new Set(deals.map((d) => d.id)),
    dealInterests: new Set(deals.map((d) => `${d.listing_id} ${d.buyer_account_id}`)),
    dealParties: new Set(copy.dealPath?.via === 'party' ? deals.flatMap((d) => [d.buyer_account_id, d.seller_account_id]) : []),
    listings: new Set(dealLife ? holds.filter((h) => h.scope === 'listing' && h.listing_id).map((h) => h.listing_id ?? '') : []),
  };
}

export function isHeld(scope: HoldScope, record: ScannedRecord): boolean {
  return (
    scope.wholeClass ||
    (record.account_id !== null && (scope.accounts.has(record.account_id) || scope.dealParties.has(record.account_id))) ||
    (record.subject_id !== null && scope.subjects.has(record.subject_id)) ||
    (Boolean(record.deal_id) && scope.deals.has(record.deal_id ?? '')) ||
    (Boolean(record.listing_id) && scope.listings.has(record.listing_id ?? '')) ||
    (Boolean(record.listing_id && record.buyer_id) && scope.dealInterests.has(`${record.listing_id} ${record.buyer_id}`))
  );
}

export type CopyTally = {
  scanned: number;
  pastCeiling: number;
  held: number;
  underFloor: number;
  due: ScannedRecord[];
};

/** Reads one copy page by page and sorts its records: due (past the ceiling, not held), held, under the floor. */
export async function tallyCopy(repo: RetentionRepo, copy: PersonalDataCopy, rule: RetentionRule, scope: HoldScope, at: Date) {
  const tally: CopyTally = { scanned: 0, pastCeiling: 0, held: 0, underFloor: 0, due: [] };
  let after = '';
  for (;;) {
    const page = await repo.scanPage(copy, after, 2000);
    for (const record of page) {
      tally.scanned += 1;
      const standing = standingOf(rule, record, at, copy.dealPath);
      if (standing === 'under_floor') tally.underFloor += 1;
      if (standing !== 'past_ceiling') continue;
      tally.pastCeiling += 1;
      if (isHeld(scope, record)) tally.held += 1;
      else tally.due.push(record);
    }
    if (page.length < 2000) return tally;
    after = page[page.length - 1]!.id;
  }
}

/** SHA-256 over the sorted ids of the destroyed records: the certificate binds them without listing them. */
export function recordsDigest(ids: string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
}
