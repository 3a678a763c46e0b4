import type { AlertStatus, DetectionRuleId, SecuritySeverity, TSecurityAlert } from '@sealbridge/contracts';
import type { SecurityAlertsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { actorOf, type AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import { createSecurityRepo, type SecurityRepo } from './security-repo.ts';
import { guardText } from './security-guard.ts';

export type AlertsDeps = {
  repo: SecurityRepo;
  audit: Pick<AuditPort, 'appendInTransaction'>;
  notifications: Pick<NotificationsPort, 'notifyMany'>;
  privacyOfficers: () => Promise<string[]>;
  accountNumbers: (ids: readonly string[]) => Promise<Map<string, string>>;
  now?: () => Date;
};

const DECIDED: Record<'acknowledge' | 'escalate' | 'dismiss', AlertStatus> = {
  acknowledge: 'acknowledged',
  escalate: 'escalated',
  dismiss: 'dismissed',
};

export function alertView(row: SecurityAlertsTable, staffNo: string | null): TSecurityAlert {
  return {
    id: row.id,
    rule: row.rule as DetectionRuleId,
    severity: row.severity as SecuritySeverity,
    status: row.status as AlertStatus,
    actorAccountId: row.actor_account_id,
    actorRole: row.actor_role,
    staffNo,
    firstAt: row.first_at,
    lastAt: row.last_at,
    hits: row.hits,
    evidence: JSON.parse(row.evidence) as number[],
    reason: row.reason,
    incidentId: row.incident_id,
  };
}

/** The security officer's alert queue: list, and acknowledge / escalate / dismiss with a reason (audited). */
export function createSecurityAlerts(deps: AlertsDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    async list(status: AlertStatus | undefined) {
      const rows = await deps.repo.listAlerts(status, 200);
      const numbers = await deps.accountNumbers([...new Set(rows.map((r) => r.actor_account_id).filter((a): a is string => Boolean(a)))]);
      return {
        items: rows.map((r) => alertView(r, r.actor_account_id ? (numbers.get(r.actor_account_id) ?? null) : null)),
        open: await deps.repo.countOpenAlerts(),
      };
    },
    async decide(
      principal: Principal,
      alertId: string,
      decision: 'acknowledge' | 'escalate' | 'dismiss',
      reason: string,
      requestId?: string,
    ) {
      guardText([{ field: 'reason', text: reason }]);
      const alert = await deps.repo.alert(alertId);
      if (!alert) throw new AppError('NOT_FOUND');
      if (alert.status === 'dismissed') throw new AppError('CONFLICT', 'alert already dismissed');
      const at = now().toISOString();
      await deps.repo.transaction(async (trx) => {
        await createSecurityRepo(trx).updateAlert(alert.id, {
          status: DECIDED[decision],
          reason,
          decided_by: principal.accountId,
          decided_at: at,
        });
        await deps.audit.appendInTransaction(trx, {
          type: 'security.alert_decided',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { alertId: alert.id, decision },
        });
      });
      if (decision === 'escalate')
        await deps.notifications.notifyMany(
          (await deps.privacyOfficers()).map((accountId) => ({
            accountId,
            kind: 'security_alert_escalated' as const,
            params: { rule: alert.rule },
            link: '/console/security/alerts',
          })),
        );
      const updated = await deps.repo.alert(alert.id);
      if (!updated) throw new AppError('NOT_FOUND');
      const numbers = updated.actor_account_id ? await deps.accountNumbers([updated.actor_account_id]) : new Map<string, string>();
      return alertView(updated, updated.actor_account_id ? (numbers.get(updated.actor_account_id) ?? null) : null);
    },
  };
}

export type SecurityAlerts = ReturnType<typeof createSecurityAlerts>;
