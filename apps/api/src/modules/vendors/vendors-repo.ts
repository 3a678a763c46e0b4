import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  CrossborderMechanismsTable,
  DataTransfersTable,
  Database,
  ImpactAssessmentsTable,
  VendorContractsTable,
  VendorsTable,
} from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The vendor registry, contracts, impact assessments, cross-border mechanisms and the transfer record. No rules here. */
export function createVendorsRepo(db: Kysely<Database>) {
  return {
    db,
    insertVendor: (row: VendorsTable, trx: Db = db) => trx.insertInto('vendors').values(row).execute(),
    updateVendor: (id: string, patch: Partial<VendorsTable>, trx: Db = db) =>
      trx.updateTable('vendors').set(patch).where('id', '=', id).execute(),
    findVendor: (id: string) => db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst(),
    findVendorByKey: (key: string) => db.selectFrom('vendors').selectAll().where('vendor_key', '=', key).executeTakeFirst(),
    listVendors: () => db.selectFrom('vendors').selectAll().orderBy('created_at').orderBy('vendor_key').execute(),

    insertContract: (row: VendorContractsTable, trx: Db = db) => trx.insertInto('vendor_contracts').values(row).execute(),
    /** The contract that governs now: the latest one started, whether or not it has ended (an expired one says why). */
    currentContract: (vendorId: string, at: string) =>
      db
        .selectFrom('vendor_contracts')
        .selectAll()
        .where('vendor_id', '=', vendorId)
        .where('starts_at', '<=', at)
        .orderBy('ends_at', 'desc')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    contractsOf: (vendorIds: readonly string[]) =>
      vendorIds.length === 0
        ? Promise.resolve([] as VendorContractsTable[])
        : db.selectFrom('vendor_contracts').selectAll().where('vendor_id', 'in', vendorIds).orderBy('ends_at', 'desc').execute(),

    insertAssessment: (row: ImpactAssessmentsTable, trx: Db = db) => trx.insertInto('impact_assessments').values(row).execute(),
    listAssessments: () => db.selectFrom('impact_assessments').selectAll().orderBy('assessed_at', 'desc').execute(),
    assessmentsOfVendor: (vendorId: string) =>
      db.selectFrom('impact_assessments').selectAll().where('vendor_id', '=', vendorId).orderBy('assessed_at', 'desc').execute(),

    insertMechanism: (row: CrossborderMechanismsTable, trx: Db = db) => trx.insertInto('crossborder_mechanisms').values(row).execute(),
    updateMechanism: (id: string, patch: Partial<CrossborderMechanismsTable>, trx: Db = db) =>
      trx.updateTable('crossborder_mechanisms').set(patch).where('id', '=', id).execute(),
    findMechanism: (id: string) => db.selectFrom('crossborder_mechanisms').selectAll().where('id', '=', id).executeTakeFirst(),
    listMechanisms: () => db.selectFrom('crossborder_mechanisms').selectAll().orderBy('effective_at', 'desc').execute(),

    insertTransfer: (row: DataTransfersTable, trx: Db = db) => trx.insertInto('data_transfers').values(row).execute(),
    /** Many rows at once (imports and load tests of the ledger); chunks keep under SQLite's variable limit. */
    async insertTransfers(rows: readonly DataTransfersTable[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('data_transfers')
          .values(rows.slice(i, i + 500))
          .execute();
    },
    listTransfers: (filter: { outcome?: 'allowed' | 'refused' }, limit: number, offset: number) =>
      db
        .selectFrom('data_transfers')
        .selectAll()
        .$if(filter.outcome !== undefined, (q) => q.where('outcome', '=', filter.outcome ?? 'allowed'))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute(),
    async countTransfers(filter: { outcome?: 'allowed' | 'refused' }): Promise<number> {
      const row = await db
        .selectFrom('data_transfers')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .$if(filter.outcome !== undefined, (q) => q.where('outcome', '=', filter.outcome ?? 'allowed'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Distinct persons sent abroad in a year, split by whether any of their transfers carried sensitive data. */
    async crossBorderPersons(year: number): Promise<{ sensitive: number; nonSensitive: number }> {
      const rows = await db
        .selectFrom('data_transfers')
        .select(['subject_digest'])
        .select((eb) => eb.fn.max('sensitive').as('s'))
        .where('year', '=', year)
        .where('cross_border', '=', 1)
        .where('outcome', '=', 'allowed')
        .groupBy('subject_digest')
        .execute();
      const sensitive = rows.filter((r) => Number(r.s) === 1).length;
      return { sensitive, nonSensitive: rows.length - sensitive };
    },
    /** Whether this person already counts in the year's ledger (and whether as a sensitive-data subject). */
    async crossBorderSubject(year: number, digest: string): Promise<{ counted: boolean; sensitive: boolean }> {
      const row = await db
        .selectFrom('data_transfers')
        .select((eb) => eb.fn.max('sensitive').as('s'))
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('year', '=', year)
        .where('cross_border', '=', 1)
        .where('outcome', '=', 'allowed')
        .where('subject_digest', '=', digest)
        .executeTakeFirst();
      return { counted: Number(row?.n ?? 0) > 0, sensitive: Number(row?.s ?? 0) === 1 };
    },
    crossBorderDestinations: (year: number) =>
      db
        .selectFrom('data_transfers')
        .select(['country', 'vendor_key'])
        .select(sql<string | number>`count(distinct subject_digest)`.as('persons'))
        .where('year', '=', year)
        .where('cross_border', '=', 1)
        .where('outcome', '=', 'allowed')
        .groupBy(['country', 'vendor_key'])
        .orderBy('country')
        .execute(),
    async crossBorderRefusals(year: number): Promise<number> {
      const row = await db
        .selectFrom('data_transfers')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('year', '=', year)
        .where('cross_border', '=', 1)
        .where('outcome', '=', 'refused')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Allowed transfers per vendor and purpose (the flows in use), for the obligations map. */
    flowsInUse: () =>
      db
        .selectFrom('data_transfers')
        .select(['vendor_id', 'purpose'])
        .select((eb) => eb.fn.max('consent_checked').as('consent'))
        .select((eb) => eb.fn.min('consent_checked').as('consent_min'))
        .where('outcome', '=', 'allowed')
        .where('vendor_id', 'is not', null)
        .groupBy(['vendor_id', 'purpose'])
        .execute(),
    /** Transfer records kept for less than the floor (NDSMR Art. 12: ≥ 3 years), which must be none. */
    async transfersBelowFloor(): Promise<number> {
      const rows = await db.selectFrom('data_transfers').select(['created_at', 'retain_until']).execute();
      return rows.filter((r) => Date.parse(r.retain_until) < addYears(Date.parse(r.created_at), 3)).length;
    },
    async oldestTransferAt(): Promise<string | null> {
      const row = await db
        .selectFrom('data_transfers')
        .select((eb) => eb.fn.min('created_at').as('at'))
        .executeTakeFirst();
      return (row?.at as string | null | undefined) ?? null;
    },
  };
}

export type VendorsRepo = ReturnType<typeof createVendorsRepo>;

/** `at` plus whole calendar years (UTC), for retention floors. */
export function addYears(at: number, years: number): number {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}
