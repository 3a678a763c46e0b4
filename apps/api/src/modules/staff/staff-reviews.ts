import type { TReviewCampaign } from '@sealbridge/contracts';
import type { StaffReviewItemsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import { createStaffRepo } from './staff-repo.ts';
import { auditActorOf, parseRoles, type StaffDeps } from './staff-types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Access review campaigns: one item per active staff member with roles, holding the roles under review. A reviewer
 * (staff.review) recertifies or revokes each item; what is still pending at the due date expires: the roles are
 * removed and the sessions ended. Nobody reviews their own access.
 */
export function createStaffReviews(deps: Pick<StaffDeps, 'repo' | 'audit' | 'identity' | 'now'>) {
  const { repo, audit, identity } = deps;
  const now = deps.now ?? (() => new Date());

  async function removeAccess(
    item: StaffReviewItemsTable,
    decision: 'revoked' | 'expired',
    actor: AuditActor,
    at: string,
    requestId?: string,
  ) {
    if ((await repo.decideItem(item.id, decision, at, actor.accountId)) === 0) throw new AppError('CONFLICT', 'item already decided');
    await identity.setRoles(item.account_id, []);
    const sessionsEnded = await identity.endAllSessions(item.account_id);
    await audit.append({
      type: decision === 'revoked' ? 'staff.access_revoked' : 'staff.access_expired',
      actor,
      decision: 'allowed',
      requestId: requestId ?? null,
      data: {
        staffAccountId: item.account_id,
        campaignId: item.campaign_id,
        itemId: item.id,
        roles: parseRoles(item.roles),
        sessionsEnded,
      },
    });
    await closeIfDone(item.campaign_id, at);
  }

  async function closeIfDone(campaignId: string, at: string) {
    if ((await repo.countPending(campaignId)) === 0) await repo.closeCampaign(campaignId, at);
  }

  return {
    /** Starts a campaign over every active staff member holding roles (by an admin, or by the schedule: null). */
    async start(principal: Principal | null, dueInDays: number, requestId?: string): Promise<string> {
      const at = now();
      const id = newId();
      const dueAt = new Date(at.getTime() + dueInDays * DAY_MS).toISOString();
      const staff = (await repo.listStaffAccounts()).filter((a) => a.status === 'active' && parseRoles(a.roles).length > 0);
      await repo.transaction(async (trx) => {
        const tx = createStaffRepo(trx);
        await tx.insertCampaign({
          id,
          started_at: at.toISOString(),
          started_by: principal?.accountId ?? null,
          due_at: dueAt,
          closed_at: null,
        });
        await tx.insertItems(
          staff.map((a) => ({
            id: newId(),
            campaign_id: id,
            account_id: a.id,
            roles: a.roles,
            decision: 'pending' as const,
            decided_at: null,
            decided_by: null,
          })),
        );
        await audit.appendInTransaction(trx, {
          type: 'staff.review_started',
          actor: principal ? auditActorOf(principal) : SYSTEM_ACTOR,
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { campaignId: id, items: staff.length, dueAt },
        });
      });
      if (staff.length === 0) await repo.closeCampaign(id, at.toISOString());
      return id;
    },

    /** The latest campaigns with their items (staff numbers only). */
    async list(limit = 10): Promise<{ items: TReviewCampaign[] }> {
      const campaigns = await repo.listCampaigns(limit);
      const items = await repo.itemsOf(campaigns.map((c) => c.id));
      const numbers = await repo.accountNumbers(items.flatMap((i) => [i.account_id, ...(i.decided_by ? [i.decided_by] : [])]));
      return {
        items: campaigns.map((c) => ({
          id: c.id,
          startedAt: c.started_at,
          dueAt: c.due_at,
          closedAt: c.closed_at,
          items: items
            .filter((i) => i.campaign_id === c.id)
            .sort((a, b) => (numbers.get(a.account_id) ?? '').localeCompare(numbers.get(b.account_id) ?? ''))
            .map((i) => ({
              id: i.id,
              accountId: i.account_id,
              staffNo: numbers.get(i.account_id) ?? '',
              roles: parseRoles(i.roles),
              decision: i.decision,
              decidedAt: i.decided_at,
              decidedByStaffNo: i.decided_by ? (numbers.get(i.decided_by) ?? null) : null,
            })),
        })),
      };
    },

    async decide(principal: Principal, itemId: string, decision: 'recertify' | 'revoke', requestId?: string) {
      const item = await repo.findItem(itemId);
      if (!item) throw new AppError('NOT_FOUND', 'no such review item');
      const data = { staffAccountId: item.account_id, campaignId: item.campaign_id, itemId, roles: parseRoles(item.roles) };
      if (item.account_id === principal.accountId) {
        await audit.append({
          type: decision === 'recertify' ? 'staff.access_recertified' : 'staff.access_revoked',
          actor: auditActorOf(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data,
        });
        throw new AppError('FORBIDDEN', 'own access review');
      }
      if (item.decision !== 'pending') throw new AppError('CONFLICT', 'item already decided');
      const at = now().toISOString();
      if (decision === 'revoke') return removeAccess(item, 'revoked', auditActorOf(principal), at, requestId);
      await repo.transaction(async (trx) => {
        if ((await createStaffRepo(trx).decideItem(itemId, 'recertified', at, principal.accountId)) === 0)
          throw new AppError('CONFLICT', 'item already decided');
        await audit.appendInTransaction(trx, {
          type: 'staff.access_recertified',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data,
        });
      });
      await closeIfDone(item.campaign_id, at);
    },

    /** The scheduled sweep: items still pending at their campaign's due date expire. Returns how many. */
    async expireOverdue(at: Date = now()): Promise<number> {
      const overdue = await repo.overdueItems(at.toISOString());
      let expired = 0;
      for (const item of overdue) {
        await removeAccess(item, 'expired', SYSTEM_ACTOR, at.toISOString()).then(
          () => (expired += 1),
          (error: unknown) => {
            if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
          },
        );
      }
      return expired;
    },
  };
}
