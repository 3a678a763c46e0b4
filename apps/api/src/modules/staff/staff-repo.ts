import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  StaffAttestationsTable,
  StaffBreakGlassTable,
  StaffMembersTable,
  StaffReassignmentsTable,
  StaffReviewCampaignsTable,
  StaffReviewItemsTable,
} from '../../db/schema.ts';
import { createStaffProgramRepo } from './staff-program-repo.ts';

/**
 * The staff module's tables, plus two read-only views of tables other modules own: `accounts` (identity: which
 * accounts are staff, their number, roles and status) and `client_assignments` (profiles: a broker's clients).
 * Every write to those goes through the owning module's service.
 */
export function createStaffRepo(db: Kysely<Database>) {
  return {
    // The privacy program's tables (issue 19), bound to the same connection or transaction.
    ...createStaffProgramRepo(db),
    /** Runs `work` in one transaction (a change and its audit record); bind a repo with createStaffRepo(trx). */
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(work),

    listStaffAccounts: () =>
      db
        .selectFrom('accounts')
        .select(['id', 'login_name', 'account_no', 'roles', 'status'])
        .where('kind', '=', 'staff')
        .orderBy('account_no')
        .execute(),
    findAccount: (id: string) =>
      db
        .selectFrom('accounts')
        .select(['id', 'kind', 'login_name', 'account_no', 'roles', 'status'])
        .where('id', '=', id)
        .executeTakeFirst(),
    accountNumbers: async (ids: readonly string[]) =>
      new Map(
        ids.length === 0
          ? []
          : (
              await db
                .selectFrom('accounts')
                .select(['id', 'account_no'])
                .where('id', 'in', [...new Set(ids)])
                .execute()
            ).map((r) => [r.id, r.account_no] as const),
      ),
    accountTaken: async (loginName: string, accountNo: string) =>
      (await db
        .selectFrom('accounts')
        .select('id')
        .where((eb) => eb.or([eb('login_name', '=', loginName), eb('account_no', '=', accountNo)]))
        .limit(1)
        .executeTakeFirst()) !== undefined,
    findCustomerByNumber: (accountNo: string) =>
      db.selectFrom('accounts').select('id').where('account_no', '=', accountNo).where('kind', '=', 'customer').executeTakeFirst(),
    clientsOf: async (brokerAccountId: string) =>
      (
        await db
          .selectFrom('client_assignments')
          .select('customer_account_id')
          .where('broker_account_id', '=', brokerAccountId)
          .where('ended_at', 'is', null)
          .execute()
      ).map((r) => r.customer_account_id),

    insertMember: (row: StaffMembersTable) => db.insertInto('staff_members').values(row).execute(),
    listMembers: () => db.selectFrom('staff_members').selectAll().execute(),
    findMember: (accountId: string) => db.selectFrom('staff_members').selectAll().where('account_id', '=', accountId).executeTakeFirst(),
    markOffboarded: (accountId: string, at: string, by: string) =>
      db.updateTable('staff_members').set({ offboarded_at: at, offboarded_by: by }).where('account_id', '=', accountId).execute(),

    insertAttestation: (row: StaffAttestationsTable) => db.insertInto('staff_attestations').values(row).execute(),
    latestAttestations: (accountIds: readonly string[]) =>
      accountIds.length === 0
        ? Promise.resolve([] as StaffAttestationsTable[])
        : db
            .selectFrom('staff_attestations')
            .selectAll()
            .where('account_id', 'in', [...accountIds])
            .orderBy('completed_at', 'desc')
            .execute(),
    hasAttestation: async (accountId: string, kind: StaffAttestationsTable['kind'], course: string, version: string) =>
      (await db
        .selectFrom('staff_attestations')
        .select('id')
        .where('account_id', '=', accountId)
        .where('kind', '=', kind)
        .where('course', '=', course)
        .where('version', '=', version)
        .limit(1)
        .executeTakeFirst()) !== undefined,

    flagForReassignment: (row: StaffReassignmentsTable) =>
      db
        .insertInto('staff_reassignments')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['customer_account_id', 'from_account_id'])
            .doUpdateSet({ flagged_at: row.flagged_at, resolved_at: null, resolved_by: null, to_account_id: null }),
        )
        .execute(),
    openReassignments: () =>
      db.selectFrom('staff_reassignments').selectAll().where('resolved_at', 'is', null).orderBy('flagged_at').execute(),
    resolveReassignment: async (customerAccountId: string, fromAccountId: string, toAccountId: string, at: string, by: string) =>
      Number(
        (
          await db
            .updateTable('staff_reassignments')
            .set({ resolved_at: at, resolved_by: by, to_account_id: toAccountId })
            .where('customer_account_id', '=', customerAccountId)
            .where('from_account_id', '=', fromAccountId)
            .where('resolved_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),

    insertCampaign: (row: StaffReviewCampaignsTable) => db.insertInto('staff_review_campaigns').values(row).execute(),
    insertItems: (rows: StaffReviewItemsTable[]) =>
      rows.length ? db.insertInto('staff_review_items').values(rows).execute() : Promise.resolve([]),
    listCampaigns: (limit: number) =>
      db.selectFrom('staff_review_campaigns').selectAll().orderBy('started_at', 'desc').limit(limit).execute(),
    findCampaign: (id: string) => db.selectFrom('staff_review_campaigns').selectAll().where('id', '=', id).executeTakeFirst(),
    itemsOf: (campaignIds: readonly string[]) =>
      campaignIds.length === 0
        ? Promise.resolve([] as StaffReviewItemsTable[])
        : db
            .selectFrom('staff_review_items')
            .selectAll()
            .where('campaign_id', 'in', [...campaignIds])
            .execute(),
    findItem: (id: string) => db.selectFrom('staff_review_items').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Decides a pending item; 0 when another reviewer (or the expiry job) decided it first. */
    decideItem: async (id: string, decision: StaffReviewItemsTable['decision'], at: string, by: string | null) =>
      Number(
        (
          await db
            .updateTable('staff_review_items')
            .set({ decision, decided_at: at, decided_by: by })
            .where('id', '=', id)
            .where('decision', '=', 'pending')
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    overdueItems: (at: string) =>
      db
        .selectFrom('staff_review_items')
        .innerJoin('staff_review_campaigns', 'staff_review_campaigns.id', 'staff_review_items.campaign_id')
        .selectAll('staff_review_items')
        .where('staff_review_items.decision', '=', 'pending')
        .where('staff_review_campaigns.due_at', '<=', at)
        .execute(),
    countPending: async (campaignId: string) =>
      Number(
        (
          await db
            .selectFrom('staff_review_items')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('campaign_id', '=', campaignId)
            .where('decision', '=', 'pending')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    closeCampaign: (id: string, at: string) =>
      db.updateTable('staff_review_campaigns').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).execute(),
    openCampaigns: () => db.selectFrom('staff_review_campaigns').selectAll().where('closed_at', 'is', null).execute(),

    insertGrant: (row: StaffBreakGlassTable) => db.insertInto('staff_break_glass').values(row).execute(),
    findGrant: (id: string) => db.selectFrom('staff_break_glass').selectAll().where('id', '=', id).executeTakeFirst(),
    listGrants: (filter: { actorAccountId?: string }, limit: number) => {
      let q = db.selectFrom('staff_break_glass').selectAll().orderBy('created_at', 'desc').limit(limit);
      if (filter.actorAccountId) q = q.where('actor_account_id', '=', filter.actorAccountId);
      return q.execute();
    },
    findActiveGrant: (actorAccountId: string, subjectId: string, at: string) =>
      db
        .selectFrom('staff_break_glass')
        .select('id')
        .where('actor_account_id', '=', actorAccountId)
        .where('subject_id', '=', subjectId)
        .where('expires_at', '>', at)
        .where('ended_at', 'is', null)
        .limit(1)
        .executeTakeFirst(),
    endGrantsOf: async (actorAccountId: string, at: string) =>
      (
        await db
          .updateTable('staff_break_glass')
          .set({ ended_at: at })
          .where('actor_account_id', '=', actorAccountId)
          .where('ended_at', 'is', null)
          .where('expires_at', '>', at)
          .returning('id')
          .execute()
      ).map((r) => r.id),
    /** Grants whose time ran out and whose expiry is not yet on record. */
    unrecordedExpiries: (at: string) =>
      db
        .selectFrom('staff_break_glass')
        .selectAll()
        .where('expiry_recorded_at', 'is', null)
        .where('ended_at', 'is', null)
        .where('expires_at', '<=', at)
        .execute(),
    recordExpiry: async (id: string, at: string) =>
      Number(
        (
          await db
            .updateTable('staff_break_glass')
            .set({ expiry_recorded_at: at })
            .where('id', '=', id)
            .where('expiry_recorded_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
    acknowledgeGrant: async (id: string, at: string, by: string) =>
      Number(
        (
          await db
            .updateTable('staff_break_glass')
            .set({ acknowledged_at: at, acknowledged_by: by })
            .where('id', '=', id)
            .where('acknowledged_at', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),
  };
}

export type StaffRepo = ReturnType<typeof createStaffRepo>;
