import type { DataCategory, Purpose, TContractRequest, TCreateVendorRequest, TVendor } from '@sealbridge/contracts';
import type { VendorsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { assessmentFromTemplate } from './impact-assessments.ts';
import type { VendorsRepo } from './vendors-repo.ts';
import { actorOf, DAY_MS, PROVISIONAL_DAYS, toVendor, type VendorsAudit } from './vendors-shared.ts';

/** A provider the configuration turns on (SMTP_URL, an SMS gateway, an outside identity check): registered on start. */
export type ConfiguredProvider = {
  vendorKey: string;
  service: 'email_delivery' | 'sms_delivery' | 'identity_check';
  name: { 'zh-CN': string; en: string };
  country: string;
  purposes: Purpose[];
  categories: DataCategory[];
  sensitive: boolean;
};

/**
 * The vendor registry (PIPL Art. 21; NDSMR Art. 12): each recipient with its role, the contract and its clause
 * checklist, the security assessment, the review schedule and, when the relationship ends, the deletion attestation.
 * Names and references are stored as written, so they pass the identifier guard first.
 */
export function createVendorRegistry(deps: { repo: VendorsRepo; audit: VendorsAudit; now: () => Date }) {
  const { repo, audit, now } = deps;

  async function mustFind(id: string): Promise<VendorsTable> {
    const row = await repo.findVendor(id);
    if (!row) throw new AppError('NOT_FOUND', 'no such vendor');
    return row;
  }

  async function view(row: VendorsTable): Promise<TVendor> {
    const at = now();
    return toVendor(row, await repo.currentContract(row.id, at.toISOString()), await repo.assessmentsOfVendor(row.id), at);
  }

  async function insert(row: VendorsTable, actor: typeof SYSTEM_ACTOR, extra: { provisional: boolean }) {
    await repo.db.transaction().execute(async (trx) => {
      await repo.insertVendor(row, trx);
      if (extra.provisional) {
        // Configuration is the operator's word that a contract exists; the officer files it within PROVISIONAL_DAYS.
        await repo.insertContract(
          {
            id: newId(),
            vendor_id: row.id,
            kind: 'provisional',
            reference: 'configuration',
            clauses_json: '[]',
            starts_at: row.created_at,
            ends_at: new Date(Date.parse(row.created_at) + PROVISIONAL_DAYS * DAY_MS).toISOString(),
            created_at: row.created_at,
          },
          trx,
        );
        await repo.insertAssessment(assessmentFromTemplate(row, Date.parse(row.created_at)), trx);
      }
      await audit.appendInTransaction(trx, {
        type: 'vendors.registered',
        actor,
        decision: 'allowed',
        data: { vendorId: row.id, vendorKey: row.vendor_key, role: row.role, country: row.country, source: row.source },
      });
    });
  }

  return {
    async list(): Promise<TVendor[]> {
      return Promise.all((await repo.listVendors()).map(view));
    },

    async create(principal: Principal, input: TCreateVendorRequest): Promise<TVendor> {
      assertNoIdentifiers([
        { field: 'name.zh-CN', text: input.name['zh-CN'] },
        { field: 'name.en', text: input.name.en },
      ]);
      if (await repo.findVendorByKey(input.vendorKey)) throw new AppError('CONFLICT', 'a vendor with this key exists');
      const at = now();
      const row: VendorsTable = {
        id: newId(),
        vendor_key: input.vendorKey,
        name_zh: input.name['zh-CN'],
        name_en: input.name.en,
        role: input.role,
        service: input.service,
        country: input.country,
        purposes_json: JSON.stringify(input.purposes),
        categories_json: JSON.stringify(input.categories),
        sensitive: input.sensitive ? 1 : 0,
        source: 'manual',
        security_assessment: null,
        security_assessed_at: null,
        review_interval_days: input.reviewIntervalDays,
        next_review_at: new Date(at.getTime() + input.reviewIntervalDays * DAY_MS).toISOString(),
        status: 'active',
        ended_at: null,
        deletion_attested_at: null,
        deletion_attestation: null,
        created_at: at.toISOString(),
      };
      await insert(row, actorOf(principal), { provisional: false });
      return view(row);
    },

    async recordContract(principal: Principal, vendorId: string, input: TContractRequest): Promise<TVendor> {
      assertNoIdentifiers([{ field: 'reference', text: input.reference }]);
      if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
        throw new AppError('VALIDATION_FAILED', 'the contract ends before it starts');
      const vendor = await mustFind(vendorId);
      const id = newId();
      await repo.db.transaction().execute(async (trx) => {
        await repo.insertContract(
          {
            id,
            vendor_id: vendorId,
            kind: 'signed',
            reference: input.reference,
            clauses_json: JSON.stringify([...new Set(input.clauses)]),
            starts_at: input.startsAt,
            ends_at: input.endsAt,
            created_at: now().toISOString(),
          },
          trx,
        );
        await audit.appendInTransaction(trx, {
          type: 'vendors.contract_recorded',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { vendorId, contractId: id, clauses: input.clauses.length, endsAt: input.endsAt },
        });
      });
      return view(vendor);
    },

    async recordSecurityAssessment(principal: Principal, vendorId: string, result: 'passed' | 'conditional' | 'failed') {
      await mustFind(vendorId);
      const at = now().toISOString();
      await repo.db.transaction().execute(async (trx) => {
        await repo.updateVendor(vendorId, { security_assessment: result, security_assessed_at: at }, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.security_assessed',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { vendorId, result },
        });
      });
      return view(await mustFind(vendorId));
    },

    /** The periodic review is done: the next one is due one interval from now. */
    async markReviewed(principal: Principal, vendorId: string): Promise<TVendor> {
      const vendor = await mustFind(vendorId);
      const next = new Date(now().getTime() + vendor.review_interval_days * DAY_MS).toISOString();
      await repo.db.transaction().execute(async (trx) => {
        await repo.updateVendor(vendorId, { next_review_at: next }, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.reviewed',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { vendorId, nextReviewAt: next },
        });
      });
      return view(await mustFind(vendorId));
    },

    /** Ends the relationship: the gateway refuses every later transfer; a deletion attestation is then owed. */
    async end(principal: Principal | null, vendorId: string, reason: 'by_officer' | 'removed_from_configuration'): Promise<TVendor> {
      const vendor = await mustFind(vendorId);
      if (vendor.status === 'ended') return view(vendor);
      await repo.db.transaction().execute(async (trx) => {
        await repo.updateVendor(vendorId, { status: 'ended', ended_at: now().toISOString() }, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.ended',
          actor: principal ? actorOf(principal) : SYSTEM_ACTOR,
          decision: 'allowed',
          data: { vendorId, reason },
        });
      });
      return view(await mustFind(vendorId));
    },

    /** The recipient's statement that it returned or deleted the data (PIPL Art. 21), on an ended relationship. */
    async attestDeletion(principal: Principal, vendorId: string, statement: string): Promise<TVendor> {
      assertNoIdentifiers([{ field: 'statement', text: statement }]);
      const vendor = await mustFind(vendorId);
      if (vendor.status !== 'ended') throw new AppError('CONFLICT', 'end the relationship before attesting deletion');
      await repo.db.transaction().execute(async (trx) => {
        await repo.updateVendor(vendorId, { deletion_attested_at: now().toISOString(), deletion_attestation: statement }, trx);
        await audit.appendInTransaction(trx, {
          type: 'vendors.deletion_attested',
          actor: actorOf(principal),
          decision: 'allowed',
          data: { vendorId },
        });
      });
      return view(await mustFind(vendorId));
    },

    /**
     * Registers each configured provider not yet known (with a provisional contract and an impact assessment from
     * the template, both for the officer to confirm), and ends configuration vendors no longer configured.
     */
    async registerConfigured(providers: readonly ConfiguredProvider[]): Promise<void> {
      const at = now();
      for (const p of providers) {
        if (await repo.findVendorByKey(p.vendorKey)) continue;
        await insert(
          {
            id: newId(),
            vendor_key: p.vendorKey,
            name_zh: p.name['zh-CN'],
            name_en: p.name.en,
            role: 'entrusted_processor',
            service: p.service,
            country: p.country,
            purposes_json: JSON.stringify(p.purposes),
            categories_json: JSON.stringify(p.categories),
            sensitive: p.sensitive ? 1 : 0,
            source: 'configuration',
            security_assessment: null,
            security_assessed_at: null,
            review_interval_days: 365,
            next_review_at: new Date(at.getTime() + PROVISIONAL_DAYS * DAY_MS).toISOString(),
            status: 'active',
            ended_at: null,
            deletion_attested_at: null,
            deletion_attestation: null,
            created_at: at.toISOString(),
          },
          SYSTEM_ACTOR,
          { provisional: true },
        );
      }
      const configured = new Set(providers.map((p) => p.vendorKey));
      for (const row of await repo.listVendors())
        if (row.source === 'configuration' && row.status === 'active' && !configured.has(row.vendor_key))
          await this.end(null, row.id, 'removed_from_configuration');
    },
  };
}

export type VendorRegistry = ReturnType<typeof createVendorRegistry>;
