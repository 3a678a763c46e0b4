import type { DataCategory, Purpose, TransferReason } from '@sealbridge/contracts';
import type { DataTransfersTable, VendorsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ledgerYear, requiredMechanism, satisfies, type CrossBorder } from './crossborder.ts';
import { addYears, type VendorsRepo } from './vendors-repo.ts';
import { contractInForce, missingClauses, parseList, RECORD_FLOOR_YEARS, type VendorsAudit } from './vendors-shared.ts';

/** One outbound transfer of personal data: to whom, why, about whom, which categories. */
export type TransferRequest = {
  vendorKey: string;
  purpose: Purpose;
  /** Where the hand-off happens (delivery_email, delivery_mobile, api…): stored, for the record. */
  channel: string;
  /**
   * The person whose data leaves: their account when known (consent is looked up for it), else a stable reference
   * such as the delivery address. Only a keyed digest of it is stored.
   */
  subject: { accountId?: string; reference?: string };
  categories: readonly DataCategory[];
  sensitive: boolean;
};

/** The consent guard's answer for a (person, purpose, named recipient). */
export type ConsentCheck = (accountId: string, purpose: Purpose, recipient: string) => Promise<{ allowed: boolean }>;

export type SharingGateway = {
  /** Checks and records the transfer; throws TRANSFER_REFUSED (details: reason, transferId) after recording a refusal. */
  authorize(request: TransferRequest): Promise<{ transferId: string }>;
  /** `authorize`, then the hand-off itself: nothing leaves unless the transfer was allowed and recorded first. */
  send<T>(request: TransferRequest, handOff: () => Promise<T>): Promise<T>;
};

type Verdict = { reason: TransferReason; consentChecked: boolean; assessmentId: string | null; mechanism: string | null };

/**
 * The one sharing gateway (PIPL Arts. 21, 23, 38–40, 55; NDSMR Art. 12). Every outbound transfer of personal data
 * passes here — delivery transports are wrapped by it (gated-delivery.ts) — and is recorded whether allowed or not,
 * with the reason, for at least 3 years. Checks, in order: registered and active recipient; contract in force with
 * every required clause; declared purpose and categories; security assessment not failed; an impact assessment on
 * file for the flow; a separate consent naming the recipient when it is a handler (Art. 23) or abroad (Art. 39);
 * and abroad, the mechanism the year's count of distinct persons requires (row 19).
 */
export function createSharingGateway(deps: {
  repo: VendorsRepo;
  audit: VendorsAudit;
  crossBorder: Pick<CrossBorder, 'kindsInForce'>;
  consent: ConsentCheck;
  digest: (value: string) => string;
  now: () => Date;
}): SharingGateway {
  const { repo, audit, now } = deps;

  async function consentGiven(accountId: string | undefined, purpose: Purpose, recipient: string): Promise<boolean> {
    if (!accountId) return false;
    // A purpose that offers no such consent cannot be given one: refused like a missing consent.
    return deps.consent(accountId, purpose, recipient).then(
      (d) => d.allowed,
      () => false,
    );
  }

  async function judge(vendor: VendorsTable | undefined, request: TransferRequest, digest: string, at: Date): Promise<Verdict> {
    const verdict: Verdict = { reason: 'allowed', consentChecked: false, assessmentId: null, mechanism: null };
    const refuse = (reason: TransferReason) => ({ ...verdict, reason });
    if (!vendor) return refuse('unregistered_recipient');
    if (vendor.status !== 'active') return refuse('recipient_ended');
    const contract = await repo.currentContract(vendor.id, at.toISOString());
    if (!contract || !contractInForce(contract, at)) return refuse('no_contract_in_force');
    if (contract.kind === 'signed' && missingClauses(contract).length > 0) return refuse('contract_clauses_missing');
    if (!parseList<Purpose>(vendor.purposes_json).includes(request.purpose)) return refuse('purpose_not_declared');
    const categories = parseList<DataCategory>(vendor.categories_json);
    if (request.categories.some((c) => !categories.includes(c)) || (request.sensitive && vendor.sensitive !== 1))
      return refuse('category_not_declared');
    if (vendor.security_assessment === 'failed') return refuse('security_assessment_failed');
    const assessment = (await repo.assessmentsOfVendor(vendor.id)).find((a) =>
      parseList<Purpose>(a.purposes_json).includes(request.purpose),
    );
    if (!assessment) return refuse('no_impact_assessment');
    verdict.assessmentId = assessment.id;
    const abroad = vendor.country !== 'CN';
    if (vendor.role !== 'entrusted_processor' || abroad) {
      verdict.consentChecked = true;
      if (
        vendor.role !== 'entrusted_processor' &&
        !(await consentGiven(request.subject.accountId, request.purpose, `vendor:${vendor.vendor_key}`))
      )
        return refuse('consent_missing');
      if (abroad && !(await consentGiven(request.subject.accountId, request.purpose, `destination:${vendor.vendor_key}`)))
        return refuse('consent_missing');
    }
    if (abroad) {
      const year = ledgerYear(at);
      const [persons, self, kinds] = await Promise.all([
        repo.crossBorderPersons(year),
        repo.crossBorderSubject(year, digest),
        deps.crossBorder.kindsInForce(at),
      ]);
      // Counted as this transfer would leave the ledger: a new person, or a known one now carrying sensitive data.
      const after = { ...persons };
      if (!self.counted) after[request.sensitive ? 'sensitive' : 'nonSensitive'] += 1;
      else if (request.sensitive && !self.sensitive) {
        after.sensitive += 1;
        after.nonSensitive -= 1;
      }
      const required = requiredMechanism(after);
      if (!satisfies(required, kinds))
        return refuse(required === 'security_assessment' ? 'mechanism_missing_security_assessment' : 'mechanism_missing_standard_contract');
      verdict.mechanism = required === 'exempt' ? 'exempt' : (kinds.find((k) => k === 'security_assessment') ?? kinds[0] ?? null);
    }
    return verdict;
  }

  async function authorize(request: TransferRequest): Promise<{ transferId: string }> {
    const at = now();
    const vendor = await repo.findVendorByKey(request.vendorKey);
    const digest = deps.digest(
      request.subject.accountId ? `account:${request.subject.accountId}` : `ref:${request.subject.reference ?? ''}`,
    );
    const verdict = await judge(vendor, request, digest, at);
    const row: DataTransfersTable = {
      id: newId(),
      vendor_key: request.vendorKey,
      vendor_id: vendor?.id ?? null,
      purpose: request.purpose,
      channel: request.channel,
      subject_digest: digest,
      categories_json: JSON.stringify(request.categories),
      sensitive: request.sensitive ? 1 : 0,
      country: vendor?.country ?? 'ZZ',
      cross_border: vendor && vendor.country !== 'CN' ? 1 : 0,
      consent_checked: verdict.consentChecked ? 1 : 0,
      impact_assessment_id: verdict.assessmentId,
      mechanism: verdict.mechanism,
      outcome: verdict.reason === 'allowed' ? 'allowed' : 'refused',
      reason: verdict.reason,
      year: ledgerYear(at),
      created_at: at.toISOString(),
      retain_until: new Date(addYears(at.getTime(), RECORD_FLOOR_YEARS)).toISOString(),
    };
    if (row.outcome === 'allowed') {
      await repo.insertTransfer(row);
      return { transferId: row.id };
    }
    await repo.db.transaction().execute(async (trx) => {
      await repo.insertTransfer(row, trx);
      await audit.appendInTransaction(trx, {
        type: 'vendors.transfer_refused',
        actor: SYSTEM_ACTOR,
        decision: 'denied',
        purpose: request.purpose,
        data: { transferId: row.id, vendorKey: request.vendorKey, reason: verdict.reason, channel: request.channel },
      });
    });
    throw new AppError('TRANSFER_REFUSED', `transfer to ${request.vendorKey} refused: ${verdict.reason}`, {
      reason: verdict.reason,
      transferId: row.id,
    });
  }

  return {
    authorize,
    async send(request, handOff) {
      await authorize(request);
      return handOff();
    },
  };
}
