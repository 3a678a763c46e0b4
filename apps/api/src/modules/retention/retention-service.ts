import {
  RETENTION_SCHEDULE,
  type RetentionClass,
  type RetentionRule,
  type TDestructionCertificate,
  type TLegalHold,
  type TPlaceLegalHold,
  type TRetentionOverview,
  type TRetentionRun,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { ErasureService } from '../lifecycle/index.ts';
import type { Actor } from '../vault/index.ts';
import { certificateText, parseCertificateText, type CertificateSigner } from './certificate-signing.ts';
import type { CertificateRow, HoldRow, RetentionRepo, RunRow } from './retention-repo.ts';
import { hasComputableClock, holdScopeOf, recordsDigest, tallyCopy } from './retention-sweep.ts';

export type RetentionService = ReturnType<typeof createRetentionService>;

/** The job's actor: erasures it causes are recorded as the retention job's, not a person's. */
export const RETENTION_JOB_ACTOR: Actor = { accountId: 'job:retention', roles: ['system'], kind: 'staff', sessionId: null };

/** A rule as it is named on a certificate: class, version, ceiling and clock. */
export function ruleName(rule: RetentionRule): string {
  return `${rule.retentionClass}/v${rule.version} ceiling ${rule.ceiling.years}y${rule.ceiling.days}d from ${rule.clock}`;
}

/**
 * Retention (issue 14 item 6): the schedule (contracts RETENTION_SCHEDULE) applied to every declared copy with a clock
 * (vault PERSONAL_DATA_COPIES). The daily job destroys records past their ceiling through the erasure service — never a
 * record under its floor or under a legal hold — and issues one signed destruction certificate per class and table.
 * A dry run reports the same counts and destroys nothing. Only counts, classes and table names leave this module.
 */
export function createRetentionService(deps: {
  repo: RetentionRepo;
  erasure: Pick<ErasureService, 'eraseRecords' | 'subjectsOfAccountIn' | 'declaredCopies'>;
  audit: AuditPort;
  signer: CertificateSigner;
  now?: () => Date;
  schedule?: Record<RetentionClass, RetentionRule>;
}) {
  const { repo, erasure, signer } = deps;
  const now = deps.now ?? (() => new Date());
  const schedule = deps.schedule ?? RETENTION_SCHEDULE;
  const sweptCopies = () => erasure.declaredCopies().filter((c) => c.action !== 'retain' && hasComputableClock(schedule[c.retention], c));
  const auditActor = (p: Principal | null) =>
    p ? { accountId: p.accountId, role: p.roles.join(','), sessionId: p.sessionId } : { accountId: null, role: 'system', sessionId: null };

  async function holdViews(rows: HoldRow[]): Promise<TLegalHold[]> {
    const numbers = await repo.accountNumbers([
      ...new Set(rows.flatMap((r) => [r.account_id, r.placed_by, r.lifted_by]).filter((x): x is string => Boolean(x))),
    ]);
    const deals = new Map(
      (await repo.dealsByIds([...new Set(rows.flatMap((r) => (r.deal_id ? [r.deal_id] : [])))])).map((d) => [d.id, d.code]),
    );
    const listings = await repo.listingCodes([...new Set(rows.flatMap((r) => (r.listing_id ? [r.listing_id] : [])))]);
    return rows.map((r) => ({
      id: r.id,
      scope: r.scope,
      accountNo: r.account_id ? (numbers.get(r.account_id) ?? null) : null,
      dealNo: r.deal_id ? (deals.get(r.deal_id) ?? null) : null,
      listingCode: r.listing_id ? (listings.get(r.listing_id) ?? null) : null,
      retentionClass: (r.retention_class as RetentionClass | null) ?? null,
      reason: r.reason,
      placedAt: r.placed_at,
      placedByNo: r.placed_by ? (numbers.get(r.placed_by) ?? null) : null,
      liftedAt: r.lifted_at,
      liftedByNo: r.lifted_by ? (numbers.get(r.lifted_by) ?? null) : null,
      liftReason: r.lift_reason,
    }));
  }
  const runView = (r: RunRow): TRetentionRun => ({
    id: r.id,
    dryRun: r.dry_run === 1,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    by: r.by_kind,
    scanned: r.scanned,
    destroyed: r.destroyed,
    counts: JSON.parse(r.counts_json) as TRetentionRun['counts'],
  });
  const certificateView = (r: CertificateRow): TDestructionCertificate => ({
    id: r.id,
    certificateNo: r.certificate_no,
    runId: r.run_id,
    retentionClass: r.retention_class as RetentionClass,
    table: r.table_name,
    action: r.action,
    count: r.count,
    rule: r.rule,
    destroyedAt: r.destroyed_at,
    note: r.note,
  });

  /** One pass over every swept copy; destroys and certifies unless `dryRun`. */
  async function sweep(dryRun: boolean, by: Principal | null): Promise<TRetentionRun> {
    const startedAt = now();
    const runId = newId();
    const holds = await repo.activeHolds();
    const heldDeals = await repo.dealsByIds(holds.flatMap((h) => (h.scope === 'deal' && h.deal_id ? [h.deal_id] : [])));
    const counts: TRetentionRun['counts'] = [];
    const certificates: { row: CertificateRow }[] = [];
    for (const copy of sweptCopies()) {
      const rule = schedule[copy.retention];
      const scope = await holdScopeOf(copy, holds, (c, accountId) => erasure.subjectsOfAccountIn(c, accountId), heldDeals);
      const tally = await tallyCopy(repo, copy, rule, scope, startedAt);
      const action = copy.action as 'shred' | 'anonymize' | 'delete';
      const destroyed = dryRun
        ? 0
        : await erasure.eraseRecords(
            copy,
            tally.due.map((r) => ({ id: r.id, subjectId: r.subject_id })),
            RETENTION_JOB_ACTOR,
            `retention-${copy.retention}`,
          );
      counts.push({
        retentionClass: copy.retention,
        table: copy.table,
        action,
        scanned: tally.scanned,
        pastCeiling: tally.pastCeiling,
        held: tally.held,
        underFloor: tally.underFloor,
        destroyed: dryRun ? tally.due.length : destroyed,
      });
      if (!dryRun && destroyed > 0) {
        const destroyedAt = now().toISOString();
        const certificateNo = `DC-${destroyedAt.slice(0, 10).replaceAll('-', '')}-${newId().slice(-8).toUpperCase()}`;
        const facts = {
          certificateNo,
          runId,
          retentionClass: copy.retention,
          rule: ruleName(rule),
          table: copy.table,
          action,
          count: destroyed,
          recordsDigest: recordsDigest(tally.due.map((r) => r.id)),
          destroyedAt,
        };
        certificates.push({
          row: {
            id: newId(),
            certificate_no: certificateNo,
            run_id: runId,
            retention_class: copy.retention,
            table_name: copy.table,
            action,
            count: destroyed,
            rule: facts.rule,
            destroyed_at: destroyedAt,
            note: signer.sign(certificateText(facts)),
          },
        });
      }
    }
    const run: RunRow = {
      id: runId,
      dry_run: dryRun ? 1 : 0,
      started_at: startedAt.toISOString(),
      finished_at: now().toISOString(),
      by_kind: by ? 'officer' : 'job',
      scanned: counts.reduce((n, c) => n + c.scanned, 0),
      destroyed: counts.reduce((n, c) => n + c.destroyed, 0),
      counts_json: JSON.stringify(counts),
    };
    const audited = counts.map((c) => ({
      retentionClass: c.retentionClass,
      table: c.table,
      pastCeiling: c.pastCeiling,
      held: c.held,
      destroyed: c.destroyed,
    }));
    await repo.transaction(async (tx, trx) => {
      await tx.insertRun(run);
      for (const c of certificates) await tx.insertCertificate(c.row);
      await deps.audit.appendInTransaction(trx, {
        type: dryRun ? 'retention.dry_run' : 'retention.swept',
        actor: auditActor(by),
        decision: 'allowed',
        purpose: 'legal_compliance',
        subjectId: null,
        requestId: null,
        data: dryRun
          ? { runId, scanned: run.scanned, wouldDestroy: run.destroyed, counts: audited }
          : {
              runId,
              scanned: run.scanned,
              destroyed: run.destroyed,
              counts: audited,
              certificates: certificates.map((c) => c.row.certificate_no),
            },
      });
    });
    return runView(run);
  }

  return {
    schedule: () =>
      Object.values(schedule).map((rule) => ({
        ...rule,
        tables: sweptCopies()
          .filter((c) => c.retention === rule.retentionClass)
          .map((c) => `${c.module}.${c.table}`),
      })),

    async overview(): Promise<TRetentionOverview> {
      return {
        schedule: this.schedule(),
        holds: await holdViews(await repo.listHolds()),
        runs: (await repo.listRuns()).map(runView),
        certificates: (await repo.listCertificates()).map(certificateView),
        verifierKey: signer.vkey,
      };
    },

    /** The daily job: destroys what passed its ceiling (never under a floor or a hold) and certifies it. */
    run: () => sweep(false, null),
    /** What the job would destroy now: counts per class and table, nothing destroyed, recorded and audited. */
    dryRun: (principal: Principal) => sweep(true, principal),

    async placeHold(principal: Principal, input: TPlaceLegalHold, requestId?: string): Promise<TLegalHold> {
      assertNoIdentifiers([{ field: 'reason', text: input.reason }]);
      let accountId: string | null = null;
      if (input.scope === 'account') {
        const account = await repo.accountByNo(input.accountNo);
        if (!account || account.kind !== 'customer') throw new AppError('NOT_FOUND', 'no such customer account');
        accountId = account.id;
      }
      let dealId: string | null = null;
      if (input.scope === 'deal') {
        const deal = await repo.dealByNo(input.dealNo);
        if (!deal) throw new AppError('NOT_FOUND', 'no such deal');
        dealId = deal.id;
      }
      let listingId: string | null = null;
      if (input.scope === 'listing') {
        const listing = await repo.listingByCode(input.listingCode);
        if (!listing) throw new AppError('NOT_FOUND', 'no such listing');
        listingId = listing.id;
      }
      const row: HoldRow = {
        id: newId(),
        scope: input.scope,
        account_id: accountId,
        retention_class: input.scope === 'class' ? input.retentionClass : null,
        deal_id: dealId,
        listing_id: listingId,
        reason: input.reason,
        placed_at: now().toISOString(),
        placed_by: principal.accountId,
        lifted_at: null,
        lifted_by: null,
        lift_reason: null,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insertHold(row);
        await deps.audit.appendInTransaction(trx, {
          type: 'retention.hold_placed',
          actor: auditActor(principal),
          decision: 'allowed',
          purpose: 'legal_compliance',
          subjectId: null,
          requestId: requestId ?? null,
          data: {
            holdId: row.id,
            scope: row.scope,
            retentionClass: row.retention_class,
            dealNo: input.scope === 'deal' ? input.dealNo : null,
            listingCode: input.scope === 'listing' ? input.listingCode : null,
          },
        });
      });
      return (await holdViews([row]))[0]!;
    },

    async liftHold(principal: Principal, id: string, reason: string, requestId?: string): Promise<TLegalHold> {
      assertNoIdentifiers([{ field: 'reason', text: reason }]);
      const hold = await repo.findHold(id);
      if (!hold) throw new AppError('NOT_FOUND', 'no such hold');
      await repo.transaction(async (tx, trx) => {
        if (!(await tx.liftHold(id, now().toISOString(), principal.accountId, reason))) throw new AppError('RETENTION_HOLD_LIFTED');
        await deps.audit.appendInTransaction(trx, {
          type: 'retention.hold_lifted',
          actor: auditActor(principal),
          decision: 'allowed',
          purpose: 'legal_compliance',
          subjectId: null,
          requestId: requestId ?? null,
          data: { holdId: id, scope: hold.scope },
        });
      });
      return (await holdViews([(await repo.findHold(id))!]))[0]!;
    },

    /**
     * A certificate verifies when its signed note carries a valid signature by the retention key and every fact the
     * note certifies matches the stored certificate (a changed count, class, table or date fails).
     */
    async verifyCertificate(id: string): Promise<{ certificateNo: string; valid: boolean; reason: string | null }> {
      const row = await repo.findCertificate(id);
      if (!row) throw new AppError('NOT_FOUND', 'no such certificate');
      const result = (valid: boolean, reason: string | null) => ({ certificateNo: row.certificate_no, valid, reason });
      let text: string;
      try {
        text = signer.open(row.note);
      } catch {
        return result(false, 'signature_invalid');
      }
      const facts = parseCertificateText(text);
      if (!facts) return result(false, 'not_a_certificate');
      const expected: Record<string, string> = {
        certificate: row.certificate_no,
        run: row.run_id,
        class: row.retention_class,
        rule: row.rule,
        table: row.table_name,
        action: row.action,
        count: String(row.count),
        'destroyed-at': row.destroyed_at,
      };
      const differs = Object.entries(expected).find(([k, v]) => facts[k] !== v);
      return differs ? result(false, `mismatch_${differs[0]}`) : result(true, null);
    },
  };
}
