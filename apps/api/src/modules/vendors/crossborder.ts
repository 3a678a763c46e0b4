import type { CrossBorderMechanism, TCrossBorderLedger, TMechanismRequest } from '@sealbridge/contracts';
import type { CrossborderMechanismsTable } from '../../db/schema.ts';
import { chinaDay, endOfChinaDay, type WorkingDayCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { addYears, type VendorsRepo } from './vendors-repo.ts';
import { actorOf, type VendorsAudit } from './vendors-shared.ts';

/**
 * Thresholds of the 2024 Provisions on cross-border data flows (PRIVACY-LAW.md row 19), counted in distinct persons
 * since 1 January (Beijing): below 100k non-sensitive and no sensitive → exempt; 100k–1M non-sensitive or any
 * sensitive below 10k → standard contract or certification; ≥ 1M non-sensitive or ≥ 10k sensitive → CAC assessment.
 */
export const CROSS_BORDER_THRESHOLDS = { nonSensitiveContract: 100_000, nonSensitiveAssessment: 1_000_000, sensitiveAssessment: 10_000 };
/** A standard contract is filed with the provincial CAC within 10 working days of taking effect (SCC Measures Art. 7). */
export const STANDARD_CONTRACT_FILING_WORKING_DAYS = 10;
/** A CAC security assessment is valid for 3 years (2024 Provisions Art. 8). */
export const SECURITY_ASSESSMENT_YEARS = 3;

export type RequiredMechanism = 'exempt' | 'standard_contract' | 'security_assessment';

export function requiredMechanism(persons: { sensitive: number; nonSensitive: number }, t = CROSS_BORDER_THRESHOLDS): RequiredMechanism {
  if (persons.nonSensitive >= t.nonSensitiveAssessment || persons.sensitive >= t.sensitiveAssessment) return 'security_assessment';
  if (persons.nonSensitive >= t.nonSensitiveContract || persons.sensitive >= 1) return 'standard_contract';
  return 'exempt';
}

export function mechanismInForce(m: Pick<CrossborderMechanismsTable, 'effective_at' | 'valid_until'>, at: Date): boolean {
  return Date.parse(m.effective_at) <= at.getTime() && (m.valid_until === null || at.getTime() < Date.parse(m.valid_until));
}

export function satisfies(required: RequiredMechanism, kinds: readonly CrossBorderMechanism[]): boolean {
  if (required === 'exempt') return true;
  if (required === 'security_assessment') return kinds.includes('security_assessment');
  return kinds.length > 0;
}

export const ledgerYear = (at: Date) => Number(chinaDay(at).slice(0, 4));

/** The cross-border ledger and the mechanisms on file, with the standard contract's filing clock. */
export function createCrossBorder(deps: { repo: VendorsRepo; audit: VendorsAudit; calendar: WorkingDayCalendar; now: () => Date }) {
  const { repo, audit, calendar, now } = deps;

  function toView(m: CrossborderMechanismsTable, at: Date) {
    return {
      id: m.id,
      kind: m.kind,
      reference: m.reference,
      effectiveAt: m.effective_at,
      validUntil: m.valid_until,
      filingDueAt: m.filing_due_at,
      filedAt: m.filed_at,
      filingOverdue: m.filing_due_at !== null && m.filed_at === null && Date.parse(m.filing_due_at) < at.getTime(),
      inForce: mechanismInForce(m, at),
    };
  }

  return {
    /** Kinds of mechanism in force now. */
    async kindsInForce(at: Date): Promise<CrossBorderMechanism[]> {
      return (await repo.listMechanisms()).filter((m) => mechanismInForce(m, at)).map((m) => m.kind);
    },

    async ledger(year = ledgerYear(now())): Promise<TCrossBorderLedger> {
      const at = now();
      const [persons, destinations, refusals, mechanisms] = await Promise.all([
        repo.crossBorderPersons(year),
        repo.crossBorderDestinations(year),
        repo.crossBorderRefusals(year),
        repo.listMechanisms(),
      ]);
      const required = requiredMechanism(persons);
      return {
        year,
        sensitivePersons: persons.sensitive,
        nonSensitivePersons: persons.nonSensitive,
        required,
        satisfied: satisfies(
          required,
          mechanisms.filter((m) => mechanismInForce(m, at)).map((m) => m.kind),
        ),
        thresholds: CROSS_BORDER_THRESHOLDS,
        destinations: destinations.map((d) => ({ country: d.country, vendorKey: d.vendor_key, persons: Number(d.persons) })),
        refusals,
        mechanisms: mechanisms.map((m) => toView(m, at)),
      };
    },

    async record(principal: Principal, input: TMechanismRequest) {
      assertNoIdentifiers([{ field: 'reference', text: input.reference }]);
      const effective = Date.parse(input.effectiveAt);
      if (input.validUntil && Date.parse(input.validUntil) <= effective)
        throw new AppError('VALIDATION_FAILED', 'valid until precedes effect');
      const row: CrossborderMechanismsTable = {
        id: newId(),
        kind: input.kind,
        reference: input.reference,
        effective_at: input.effectiveAt,
        valid_until:
          input.validUntil ??
          (input.kind === 'security_assessment' ? new Date(addYears(effective, SECURITY_ASSESSMENT_YEARS)).toISOString() : null),
        // The filing clock counts PRC working days (调休 included) from the day the contract takes effect.
        filing_due_at:
          input.kind === 'standard_contract'
            ? endOfChinaDay(calendar.addWorkingDays(new Date(effective), STANDARD_CONTRACT_FILING_WORKING_DAYS)).toISOString()
            : null,
        filed_at: null,
        created_at: now().toISOString(),
      };
      await repo.db.transaction().execute(async (trx) => {
        await repo.insertMechanism(row, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.mechanism_recorded',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { mechanismId: row.id, kind: row.kind, effectiveAt: row.effective_at, filingDueAt: row.filing_due_at },
        });
      });
      return toView(row, now());
    },

    async markFiled(principal: Principal, id: string) {
      const row = await repo.findMechanism(id);
      if (!row) throw new AppError('NOT_FOUND', 'no such mechanism');
      if (row.kind !== 'standard_contract' || row.filed_at) throw new AppError('CONFLICT', 'nothing to file');
      const filedAt = now().toISOString();
      await repo.db.transaction().execute(async (trx) => {
        await repo.updateMechanism(id, { filed_at: filedAt }, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.mechanism_filed',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { mechanismId: id, filedAt, onTime: row.filing_due_at === null || Date.parse(filedAt) <= Date.parse(row.filing_due_at) },
        });
      });
      return toView({ ...row, filed_at: filedAt }, now());
    },
  };
}

export type CrossBorder = ReturnType<typeof createCrossBorder>;
