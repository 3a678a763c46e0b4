import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import { actorOf, type AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { createSecurityAlerts } from './security-alerts.ts';
import { createSecurityDashboard } from './security-dashboard.ts';
import { createSecurityIncidents, type ContainmentPort } from './security-incidents.ts';
import { createSecurityMonitor } from './security-monitor.ts';
import { createSecurityRepo } from './security-repo.ts';
import type { Thresholds } from './security-thresholds.ts';

export type SecurityDeps = {
  db: Kysely<Database>;
  audit: Pick<AuditPort, 'append' | 'appendInTransaction'>;
  notifications: Pick<NotificationsPort, 'notifyMany'>;
  containment: ContainmentPort;
  usualClientsOf: (brokerAccountId: string) => Promise<ReadonlySet<string>>;
  isSensitiveField: (fieldKey: string) => boolean;
  fieldLabel: (key: string) => { 'zh-CN': string; en: string };
  /** Active staff holding a role (security_officer, privacy_officer). */
  staffWithRole: (role: string) => Promise<string[]>;
  accountNumbers: (ids: readonly string[]) => Promise<Map<string, string>>;
  contact: string;
  logger: Logger;
  thresholds?: Thresholds;
  now?: () => Date;
};

/** The security module's composition: the monitor (rules + alerts store), the alert queue, incidents, dashboard. */
export function createSecurityService(deps: SecurityDeps) {
  const repo = createSecurityRepo(deps.db);
  const now = deps.now;
  const monitor = createSecurityMonitor({
    repo,
    audit: deps.audit,
    usualClientsOf: deps.usualClientsOf,
    isSensitiveField: deps.isSensitiveField,
    notifyOfficers: async (alert) =>
      deps.notifications.notifyMany(
        (await deps.staffWithRole('security_officer')).map((accountId) => ({
          accountId,
          kind: 'security_alert' as const,
          params: { rule: alert.rule, severity: alert.severity },
          link: '/console/security/alerts',
        })),
      ),
    logger: deps.logger,
    ...(deps.thresholds ? { thresholds: deps.thresholds } : {}),
    ...(now ? { now } : {}),
  });
  const alerts = createSecurityAlerts({
    repo,
    audit: deps.audit,
    notifications: deps.notifications,
    privacyOfficers: () => deps.staffWithRole('privacy_officer'),
    accountNumbers: deps.accountNumbers,
    ...(now ? { now } : {}),
  });
  const incidents = createSecurityIncidents({
    repo,
    audit: deps.audit,
    containment: deps.containment,
    notifications: deps.notifications,
    officers: async () => [
      ...new Set([...(await deps.staffWithRole('security_officer')), ...(await deps.staffWithRole('privacy_officer'))]),
    ],
    fieldLabel: deps.fieldLabel,
    accountExists: async (accountId) => (await deps.accountNumbers([accountId])).has(accountId),
    contact: deps.contact,
    ...(now ? { now } : {}),
  });
  const dashboard = createSecurityDashboard({ repo, accountNumbers: deps.accountNumbers, ...(now ? { now } : {}) });
  return {
    monitor,
    alerts,
    incidents,
    dashboard,
    /** Replays the rules over a range of the trail (a new rule, or history from before monitoring began). */
    async replay(principal: Principal, fromSeq: number, toSeq: number | undefined, requestId?: string) {
      const head = await repo.auditHead();
      const upto = Math.min(toSeq ?? head, head);
      if (fromSeq > upto) throw new AppError('VALIDATION_FAILED', 'nothing to replay in that range');
      const raised = await monitor.replay(fromSeq, upto);
      await deps.audit.append({
        type: 'security.rules_replayed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { fromSeq, toSeq: upto, alerts: raised },
      });
      return { fromSeq, toSeq: upto, alerts: raised };
    },
  };
}

export type SecurityService = ReturnType<typeof createSecurityService>;
