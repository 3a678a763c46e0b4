import type { Kysely } from 'kysely';
import type { AdviserRulesTable, Database } from '../../db/schema.ts';

/**
 * Reads of accounts, staff records and assignments for adviser selection, and the rules table. Assignments are
 * written through the profiles module (its `assignClient` ends the previous one); this repo only reads them.
 */
export function createAdvisersRepo(db: Kysely<Database>) {
  return {
    /** Active, not offboarded brokers with their current number of clients. */
    async activeBrokers(): Promise<{ accountId: string; staffNo: string; load: number }[]> {
      const rows = await db
        .selectFrom('accounts as a')
        .leftJoin('staff_members as m', 'm.account_id', 'a.id')
        .select(['a.id', 'a.account_no', 'a.roles'])
        .select((eb) =>
          eb
            .selectFrom('client_assignments as c')
            .select((e) => e.fn.countAll<string | number>().as('n'))
            .whereRef('c.broker_account_id', '=', 'a.id')
            .where('c.ended_at', 'is', null)
            .as('load'),
        )
        .where('a.kind', '=', 'staff')
        .where('a.status', '=', 'active')
        .where('m.offboarded_at', 'is', null)
        .orderBy('a.account_no')
        .execute();
      return rows
        .filter((r) => r.roles.split(',').includes('broker'))
        .map((r) => ({ accountId: r.id, staffNo: r.account_no, load: Number(r.load ?? 0) }));
    },
    currentAssignment: (customerAccountId: string) =>
      db
        .selectFrom('client_assignments as c')
        .innerJoin('accounts as b', 'b.id', 'c.broker_account_id')
        .select(['c.broker_account_id', 'c.assigned_at', 'b.account_no', 'b.status'])
        .where('c.customer_account_id', '=', customerAccountId)
        .where('c.ended_at', 'is', null)
        .orderBy('c.assigned_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    findAccount: (accountId: string) =>
      db.selectFrom('accounts').select(['id', 'kind', 'account_no', 'roles', 'status']).where('id', '=', accountId).executeTakeFirst(),

    rules: () =>
      db
        .selectFrom('adviser_rules as r')
        .innerJoin('accounts as b', 'b.id', 'r.broker_account_id')
        .selectAll('r')
        .select('b.account_no as broker_staff_no')
        .orderBy('r.created_at')
        .execute(),
    insertRule: (row: AdviserRulesTable) => db.insertInto('adviser_rules').values(row).execute(),
    deleteRule: async (id: string) => Number((await db.deleteFrom('adviser_rules').where('id', '=', id).executeTakeFirst()).numDeletedRows),

    /** Customers with their current adviser, newest accounts first. */
    async customers(offset: number, limit: number, accountNo?: string) {
      let q = db
        .selectFrom('accounts as a')
        .leftJoin('client_assignments as c', (j) => j.onRef('c.customer_account_id', '=', 'a.id').on('c.ended_at', 'is', null))
        .leftJoin('accounts as b', 'b.id', 'c.broker_account_id')
        .select(['a.id', 'a.account_no', 'a.roles', 'c.broker_account_id', 'c.assigned_at', 'b.account_no as broker_staff_no'])
        .where('a.kind', '=', 'customer');
      if (accountNo) q = q.where('a.account_no', '=', accountNo);
      const [rows, total] = await Promise.all([
        q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(limit).offset(offset).execute(),
        (() => {
          let c = db
            .selectFrom('accounts')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('kind', '=', 'customer');
          if (accountNo) c = c.where('account_no', '=', accountNo);
          return c.executeTakeFirst();
        })(),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },
  };
}

export type AdvisersRepo = ReturnType<typeof createAdvisersRepo>;
