import type { TModuleStanding, TProgramStanding } from '@sealbridge/contracts';
import type { StaffRepo } from './staff-repo.ts';
import { modulesFor, programStatusOf, type ProgramRepo } from './staff-program-status.ts';
import { maskLoginName, parseRoles } from './staff-types.ts';

/**
 * The privacy officer's overview (issue 19): every active staff member's standing, computed by the one gate rule
 * (`programStatusOf`) over data read once — four queries whatever the number of staff.
 */
export async function programStanding(repo: StaffRepo, at: Date): Promise<TProgramStanding> {
  const accounts = (await repo.listStaffAccounts()).filter((a) => a.status === 'active');
  const [attestations, modules, conduct] = await Promise.all([
    repo.latestAttestations(accounts.map((a) => a.id)),
    repo.listModules(),
    repo.latestConduct(),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, { ...a, kind: 'staff' as const }]));
  const preloaded: ProgramRepo = {
    findAccount: async (id) => byId.get(id),
    latestAttestations: async (ids) => attestations.filter((r) => ids.includes(r.account_id)),
    listModules: async () => modules,
    latestConduct: async () => conduct,
  };
  const counts = new Map<string, TModuleStanding>(
    modules.map((m) => [m.code, { code: m.code, assigned: 0, valid: 0, expiring: 0, expired: 0, missing: 0 }]),
  );
  const staff = [];
  for (const account of accounts) {
    const status = await programStatusOf(preloaded, account.id, at);
    const assigned = new Set(modulesFor(modules, parseRoles(account.roles)).map((m) => m.code));
    for (const m of status.modules) {
      const row = assigned.has(m.code) ? counts.get(m.code) : undefined;
      if (!row) continue;
      row.assigned += 1;
      row[m.state] += 1;
    }
    staff.push({
      accountId: account.id,
      staffNo: account.account_no,
      loginName: maskLoginName(account.login_name),
      roles: parseRoles(account.roles),
      conductAcknowledgedAt: status.conduct?.acknowledgedAt ?? null,
      overdue: status.modules.filter((m) => m.state === 'missing' || m.state === 'expired').map((m) => m.code),
      cleared: status.cleared,
    });
  }
  return { modules: [...counts.values()], conductVersion: conduct?.version ?? null, staff };
}
