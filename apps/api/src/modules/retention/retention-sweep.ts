import { createHash } from 'node:crypto';
import { addRetentionPeriod, type RetentionRule } from '@sealbridge/contracts';
import type { PersonalDataCopy } from '../vault/index.ts';
import type { HoldRow, RetentionRepo, ScannedRecord } from './retention-repo.ts';

/** How one record stands against its rule at `at`. */
export type RecordStanding = 'running' | 'under_floor' | 'kept' | 'past_ceiling';

/**
 * The record's clock: its own date (`record`), or the later of its date and the account's closing day
 * (`account_end`; an open account's clock has not started). Null: not started, or the copy cannot tell.
 */
export function clockOf(rule: RetentionRule, record: ScannedRecord): Date | null {
  if (!record.clock_at) return null;
  if (rule.clock === 'record') return new Date(record.clock_at);
  if (!record.closed_at) return null;
  return new Date(record.clock_at > record.closed_at ? record.clock_at : record.closed_at);
}

/** Past the ceiling only strictly after it; under the floor until the floor has passed. Floors win over ceilings. */
export function standingOf(rule: RetentionRule, record: ScannedRecord, at: Date): RecordStanding {
  const clock = clockOf(rule, record);
  if (!clock) return 'running';
  if (addRetentionPeriod(clock, rule.floor) > at) return 'under_floor';
  return addRetentionPeriod(clock, rule.ceiling) < at ? 'past_ceiling' : 'kept';
}

/** What a hold protects in one copy: every record (a class hold), or the held accounts' records and subjects. */
export type HoldScope = { wholeClass: boolean; accounts: Set<string>; subjects: Set<string> };

export async function holdScopeOf(
  copy: PersonalDataCopy,
  holds: HoldRow[],
  subjectsOfAccountIn: (copy: PersonalDataCopy, accountId: string) => Promise<string[]>,
): Promise<HoldScope> {
  const accounts = new Set(holds.filter((h) => h.scope === 'account' && h.account_id).map((h) => h.account_id ?? ''));
  const subjects = new Set<string>();
  if (copy.subjectColumn) for (const accountId of accounts) for (const s of await subjectsOfAccountIn(copy, accountId)) subjects.add(s);
  return { wholeClass: holds.some((h) => h.scope === 'class' && h.retention_class === copy.retention), accounts, subjects };
}

export function isHeld(scope: HoldScope, record: ScannedRecord): boolean {
  return (
    scope.wholeClass ||
    (record.account_id !== null && scope.accounts.has(record.account_id)) ||
    (record.subject_id !== null && scope.subjects.has(record.subject_id))
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
      const standing = standingOf(rule, record, at);
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
