import type { SecuritySeverity, TSecurityDashboard } from '@sealbridge/contracts';
import type { SecurityRepo } from './security-repo.ts';

const DAY = 86_400_000;

/** Counts from the audit trail for the security dashboard: numbers only, never a personal value. */
export function createSecurityDashboard(deps: {
  repo: SecurityRepo;
  accountNumbers: (ids: readonly string[]) => Promise<Map<string, string>>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return async function dashboard(days: number): Promise<TSecurityDashboard> {
    const start = new Date(Math.floor(now().getTime() / DAY) * DAY - (days - 1) * DAY);
    const from = start.toISOString();
    const dayList = Array.from({ length: days }, (_, i) => new Date(start.getTime() + i * DAY).toISOString().slice(0, 10));
    const [byPurpose, byRole, refused, failures, open, top] = await Promise.all([
      deps.repo.dailyCounts(from, { action: 'reveal', decision: 'allowed' }, 'purpose'),
      deps.repo.dailyCounts(from, { action: 'reveal', decision: 'allowed' }, 'actor_role'),
      deps.repo.dailyCounts(from, { action: 'reveal', decision: 'denied' }, null),
      deps.repo.dailyCounts(from, { type: 'identity.sign_in_failed' }, null),
      deps.repo.openAlertsBySeverity(),
      deps.repo.topRevealers(from, 10),
    ]);
    const numbers = await deps.accountNumbers(top.map((t) => t.actor_account_id).filter((a): a is string => Boolean(a)));
    return {
      days: dayList,
      revealsByPurpose: byPurpose.map((r) => ({ day: r.day, purpose: r.k ?? 'none', count: r.n })),
      revealsByRole: byRole.map((r) => ({ day: r.day, role: r.k ?? 'none', count: r.n })),
      refused: refused.map((r) => ({ day: r.day, count: r.n })),
      signInFailures: failures.map((r) => ({ day: r.day, count: r.n })),
      openAlerts: open.map((o) => ({ severity: o.severity as SecuritySeverity, count: Number(o.n) })),
      topActors: top.map((t) => ({
        accountId: t.actor_account_id as string,
        staffNo: numbers.get(t.actor_account_id as string) ?? null,
        role: t.actor_role,
        count: Number(t.n),
      })),
    };
  };
}
