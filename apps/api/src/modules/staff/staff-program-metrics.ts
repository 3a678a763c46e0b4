import type { TPrivacyMetrics } from '@sealbridge/contracts';
import type { StaffRepo } from './staff-repo.ts';
import { programStatusOf } from './staff-program-status.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The console home's privacy metrics, counted live at `at` (counts only: nothing personal leaves). */
export async function privacyMetrics(repo: StaffRepo, at: Date): Promise<TPrivacyMetrics> {
  const counts = await repo.metricCounts(at.toISOString(), new Date(at.getTime() - 30 * DAY).toISOString());
  let accessReviewCompletion: number | null = null;
  if (counts.campaignId) {
    const items = await repo.itemsOf([counts.campaignId]);
    accessReviewCompletion =
      items.length === 0 ? 100 : Math.round((100 * items.filter((i) => i.decision !== 'pending').length) / items.length);
  }
  let expiringTrainings = 0;
  for (const account of (await repo.listStaffAccounts()).filter((a) => a.status === 'active')) {
    const status = await programStatusOf(repo, account.id, at);
    if (status.modules.some((m) => m.state === 'expiring' || m.state === 'expired')) expiringTrainings += 1;
  }
  return {
    overdueRightsRequests: counts.overdue,
    expiringTrainings,
    openAlerts: counts.alerts,
    accessReviewCompletion,
    consentWithdrawals30d: counts.withdrawals,
  };
}
