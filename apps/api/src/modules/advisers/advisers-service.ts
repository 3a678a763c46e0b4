import type { z } from 'zod';
import type { ZAdviserAssignments, ZAdviserRuleInput, ZAdvisersOverview, ZMyAdviser } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import type { AuditPort } from '../audit/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import type { AdvisersRepo } from './advisers-repo.ts';

type Overview = z.infer<typeof ZAdvisersOverview>;
type Assignments = z.infer<typeof ZAdviserAssignments>;
type RuleInput = z.infer<typeof ZAdviserRuleInput>;

/** Where the customer's business is, to match assignment rules: the listing that prompted the assignment. */
export type AdviserHint = { provinceCode: string | null; industry: string | null };

type Deps = {
  repo: AdvisersRepo;
  audit: Pick<AuditPort, 'append'>;
  /** Starts an assignment and ends the customer's previous one (profiles). */
  assignClient: (customerAccountId: string, brokerAccountId: string, assignedBy: string) => Promise<void>;
  /** Moves the seller's listings to their current adviser (listings). */
  moveSellerListings: (sellerAccountId: string, brokerAccountId: string) => Promise<void>;
  notifications: NotificationsPort;
  now?: () => Date;
};

export type AdvisersService = ReturnType<typeof createAdvisersService>;

const actorOf = (p: Principal) => ({ accountId: p.accountId, role: p.roles.join(',') || null, sessionId: p.sessionId });
const SYSTEM = { accountId: null, role: 'system', sessionId: null };

/**
 * Advisers for everyone (issue 11 item 1): a customer gets a broker at their first listing or first inquiry, by the
 * most specific matching rule (province and industry, then either, then none) and, among equals, the lightest load.
 * The customer sees the adviser's staff number and reaches them through the platform, never a personal number.
 */
export function createAdvisersService(deps: Deps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  async function choose(hint: AdviserHint): Promise<{ brokerAccountId: string; ruleId: string | null } | null> {
    const brokers = await repo.activeBrokers();
    if (brokers.length === 0) return null;
    const load = new Map(brokers.map((b) => [b.accountId, b.load]));
    const matching = (await repo.rules())
      .filter((r) => load.has(r.broker_account_id))
      .filter(
        (r) => (r.province_code === null || r.province_code === hint.provinceCode) && (r.industry === null || r.industry === hint.industry),
      )
      .map((r) => ({ rule: r, specificity: (r.province_code ? 2 : 0) + (r.industry ? 1 : 0) }));
    if (matching.length) {
      const best = Math.max(...matching.map((m) => m.specificity));
      const pick = matching
        .filter((m) => m.specificity === best)
        .sort(
          (a, b) =>
            (load.get(a.rule.broker_account_id) ?? 0) - (load.get(b.rule.broker_account_id) ?? 0) ||
            a.rule.created_at.localeCompare(b.rule.created_at),
        )[0];
      if (pick) return { brokerAccountId: pick.rule.broker_account_id, ruleId: pick.rule.id };
    }
    const lightest = [...brokers].sort((a, b) => a.load - b.load || a.staffNo.localeCompare(b.staffNo))[0];
    return lightest ? { brokerAccountId: lightest.accountId, ruleId: null } : null;
  }

  return {
    /**
     * The customer's adviser, assigned now if they have none (and there is an active broker at all). Returns the
     * broker's account id, or null when no broker exists yet.
     */
    async ensureAdviser(customerAccountId: string, hint: AdviserHint, trigger: 'first_listing' | 'first_inquiry'): Promise<string | null> {
      const current = await repo.currentAssignment(customerAccountId);
      if (current && current.status === 'active') return current.broker_account_id;
      const chosen = await choose(hint);
      if (!chosen) return current?.broker_account_id ?? null;
      await deps.assignClient(customerAccountId, chosen.brokerAccountId, 'system');
      await deps.moveSellerListings(customerAccountId, chosen.brokerAccountId);
      await deps.audit.append({
        type: 'advisers.assigned',
        actor: SYSTEM,
        decision: 'allowed',
        data: { customerAccountId, brokerAccountId: chosen.brokerAccountId, ruleId: chosen.ruleId, trigger },
      });
      await deps.notifications.notifyMany([
        { accountId: customerAccountId, kind: 'adviser_assigned', params: {}, link: '/account/adviser' },
        { accountId: chosen.brokerAccountId, kind: 'client_assigned', params: {}, link: '/console/customers' },
      ]);
      return chosen.brokerAccountId;
    },

    async myAdviser(principal: Principal): Promise<z.infer<typeof ZMyAdviser>> {
      const current = await repo.currentAssignment(principal.accountId);
      return current
        ? { assigned: true, staffNo: current.account_no, since: current.assigned_at }
        : { assigned: false, staffNo: null, since: null };
    },

    async assignments(page: number, pageSize: number, customerNo?: string): Promise<Assignments> {
      const { rows, total } = await repo.customers((page - 1) * pageSize, pageSize, customerNo);
      return {
        items: rows.map((r) => ({
          customerAccountId: r.id,
          customerNo: r.account_no,
          roles: r.roles.split(',').filter(Boolean),
          brokerAccountId: r.broker_account_id ?? null,
          brokerStaffNo: r.broker_staff_no ?? null,
          since: r.assigned_at ?? null,
        })),
        total,
        page,
        pageSize,
      };
    },

    /** An admin moves a customer to another active broker; the old assignment ends, the customer is told. */
    async reassign(principal: Principal, customerAccountId: string, brokerAccountId: string, requestId?: string): Promise<void> {
      const customer = await repo.findAccount(customerAccountId);
      if (!customer || customer.kind !== 'customer')
        throw new AppError('VALIDATION_FAILED', 'not a customer account', { fields: ['customerAccountId'] });
      if (!(await repo.activeBrokers()).some((b) => b.accountId === brokerAccountId))
        throw new AppError('VALIDATION_FAILED', 'not an active broker', { fields: ['brokerAccountId'] });
      const current = await repo.currentAssignment(customerAccountId);
      if (current?.broker_account_id === brokerAccountId) return;
      await deps.assignClient(customerAccountId, brokerAccountId, principal.accountId);
      await deps.moveSellerListings(customerAccountId, brokerAccountId);
      await deps.audit.append({
        type: 'advisers.reassigned',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { customerAccountId, fromAccountId: current?.broker_account_id ?? null, toAccountId: brokerAccountId },
      });
      await deps.notifications.notifyMany([
        { accountId: customerAccountId, kind: 'adviser_changed', params: {}, link: '/account/adviser' },
        { accountId: brokerAccountId, kind: 'client_assigned', params: {}, link: '/console/customers' },
      ]);
    },

    async overview(): Promise<Overview> {
      const [rules, brokers] = await Promise.all([repo.rules(), repo.activeBrokers()]);
      return {
        rules: rules.map((r) => ({
          id: r.id,
          provinceCode: r.province_code,
          industry: r.industry,
          brokerAccountId: r.broker_account_id,
          brokerStaffNo: r.broker_staff_no,
          createdAt: r.created_at,
        })),
        brokers,
      };
    },

    async createRule(principal: Principal, input: RuleInput, requestId?: string): Promise<Overview> {
      if (!input.provinceCode && !input.industry)
        throw new AppError('VALIDATION_FAILED', 'a rule names a province, an industry or both', { fields: ['provinceCode', 'industry'] });
      assertNoIdentifiers([{ field: 'industry', text: input.industry }]);
      if (!(await repo.activeBrokers()).some((b) => b.accountId === input.brokerAccountId))
        throw new AppError('VALIDATION_FAILED', 'not an active broker', { fields: ['brokerAccountId'] });
      const id = newId();
      await repo.insertRule({
        id,
        province_code: input.provinceCode,
        industry: input.industry,
        broker_account_id: input.brokerAccountId,
        created_at: now().toISOString(),
        created_by: principal.accountId,
      });
      await deps.audit.append({
        type: 'advisers.rule_changed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { ruleId: id, change: 'created', provinceCode: input.provinceCode, industry: input.industry },
      });
      return this.overview();
    },

    async deleteRule(principal: Principal, id: string, requestId?: string): Promise<Overview> {
      const rule = (await repo.rules()).find((r) => r.id === id);
      if (!rule || (await repo.deleteRule(id)) === 0) throw new AppError('NOT_FOUND');
      await deps.audit.append({
        type: 'advisers.rule_changed',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { ruleId: id, change: 'deleted', provinceCode: rule.province_code, industry: rule.industry },
      });
      return this.overview();
    },
  };
}
