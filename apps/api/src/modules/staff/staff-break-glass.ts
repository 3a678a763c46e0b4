import type { ProfileField, TBreakGlassGrant, TBreakGlassRequest } from '@sealbridge/contracts';
import type { StaffBreakGlassTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { identifiersIn } from '../../platform/free-text/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { createStaffRepo } from './staff-repo.ts';
import { auditActorOf, parseRoles, type StaffDeps } from './staff-types.ts';

/**
 * Break-glass: a privacy or security officer, who otherwise sees metadata only, opens time-boxed access to one
 * customer's personal data with a written justification. Every privacy officer is alerted (console list and a
 * message through the delivery outbox); the grant, each use (the vault's reveal record with purpose break_glass),
 * the expiry and the acknowledgement are audited. The vault's gate checks the grant on every reveal.
 */
export function createStaffBreakGlass(deps: StaffDeps) {
  const { repo, audit, vault } = deps;
  const now = deps.now ?? (() => new Date());

  async function toDto(rows: StaffBreakGlassTable[]): Promise<TBreakGlassGrant[]> {
    const numbers = await repo.accountNumbers(rows.flatMap((r) => [r.actor_account_id, r.customer_account_id]));
    const at = now().toISOString();
    return rows.map((r) => ({
      id: r.id,
      requesterAccountId: r.actor_account_id,
      requesterStaffNo: numbers.get(r.actor_account_id) ?? '',
      customerAccountId: r.customer_account_id,
      customerAccountNo: numbers.get(r.customer_account_id) ?? '',
      justification: r.justification,
      minutes: r.minutes,
      createdAt: r.created_at,
      expiresAt: r.ended_at && r.ended_at < r.expires_at ? r.ended_at : r.expires_at,
      active: r.ended_at === null && r.expires_at > at,
      acknowledgedAt: r.acknowledged_at,
    }));
  }

  /** Sends the alert to every active privacy officer with a work e-mail; returns how many were queued. */
  async function alertPrivacyOfficers(staffNo: string, customerNo: string, minutes: number): Promise<number> {
    const [accounts, members] = await Promise.all([repo.listStaffAccounts(), repo.listMembers()]);
    const officers = new Set(
      accounts.filter((a) => a.status === 'active' && parseRoles(a.roles).includes('privacy_officer')).map((a) => a.id),
    );
    let sent = 0;
    for (const member of members.filter((m) => officers.has(m.account_id) && m.work_email_ct)) {
      // The officer's own address, opened by the platform to send them a message (audited, purpose checked).
      const opened = await vault.reveal({
        actor: { accountId: member.account_id, roles: [], kind: 'staff', sessionId: null },
        own: false,
        forSubject: true,
        subjectId: member.subject_id,
        table: 'staff_members',
        recordId: member.account_id,
        row: member as unknown as Record<string, unknown>,
        fields: ['work_email'],
        purpose: 'account_service',
      });
      const email = opened['work_email'];
      if (email?.state !== 'revealed') continue;
      await deps.delivery.send({
        channel: 'email',
        to: email.value,
        template: 'break_glass_alert',
        params: { staffNo, customerNo, minutes },
      });
      sent += 1;
    }
    return sent;
  }

  async function refuse(
    principal: Principal,
    data: Record<string, string>,
    requestId: string | undefined,
    code: 'NOT_FOUND' | 'FREE_TEXT_IDENTIFIERS' | 'BREAK_GLASS_REQUIRED',
    message: string,
    details?: Record<string, unknown>,
  ): Promise<never> {
    await audit.append({
      type: 'staff.break_glass_refused',
      actor: auditActorOf(principal),
      decision: 'denied',
      purpose: 'break_glass',
      requestId: requestId ?? null,
      data,
    });
    throw new AppError(code, message, details);
  }

  return {
    async request(principal: Principal, body: TBreakGlassRequest, requestId?: string): Promise<TBreakGlassGrant> {
      const customerAccountId = body.customerAccountId ?? (await repo.findCustomerByNumber(body.customerAccountNo ?? ''))?.id ?? '';
      const input = { ...body, customerAccountId };
      // The justification is kept in plaintext for reviewers, so it must not itself carry an identifier.
      const findings = identifiersIn([{ field: 'justification', text: input.justification }]);
      if (findings.length > 0) {
        return refuse(
          principal,
          { customerAccountId: input.customerAccountId, reason: 'identifier_in_justification' },
          requestId,
          'FREE_TEXT_IDENTIFIERS',
          'identifier in justification',
          { findings },
        );
      }
      const subjectId = await deps.subjectOf(input.customerAccountId);
      if (!subjectId)
        return refuse(
          principal,
          { customerAccountId: input.customerAccountId, reason: 'no_profile' },
          requestId,
          'NOT_FOUND',
          'customer has no profile',
        );
      const created = now();
      const row: StaffBreakGlassTable = {
        id: newId(),
        actor_account_id: principal.accountId,
        customer_account_id: input.customerAccountId,
        subject_id: subjectId,
        justification: input.justification,
        minutes: input.minutes,
        created_at: created.toISOString(),
        expires_at: new Date(created.getTime() + input.minutes * 60_000).toISOString(),
        ended_at: null,
        expiry_recorded_at: null,
        acknowledged_at: null,
        acknowledged_by: null,
      };
      const numbers = await repo.accountNumbers([principal.accountId, input.customerAccountId]);
      // The alert goes out before the grant exists: if it cannot be queued, there is no grant.
      const alerted = await alertPrivacyOfficers(
        numbers.get(principal.accountId) ?? '',
        numbers.get(input.customerAccountId) ?? '',
        input.minutes,
      );
      await repo.transaction(async (trx) => {
        await createStaffRepo(trx).insertGrant(row);
        await audit.appendInTransaction(trx, {
          type: 'staff.break_glass_granted',
          actor: auditActorOf(principal),
          decision: 'allowed',
          purpose: 'break_glass',
          subjectId,
          requestId: requestId ?? null,
          data: { grantId: row.id, customerAccountId: input.customerAccountId, minutes: input.minutes, expiresAt: row.expires_at, alerted },
        });
      });
      const [dto] = await toDto([row]);
      if (!dto) throw new AppError('INTERNAL', 'grant not listed');
      return dto;
    },

    /** Reveals fields of the grant's customer, purpose break_glass; the vault gate re-checks the grant's time box. */
    async reveal(principal: Principal, grantId: string, fields: readonly ProfileField[], requestId?: string) {
      const grant = await repo.findGrant(grantId);
      if (!grant || grant.actor_account_id !== principal.accountId) {
        return refuse(principal, { grantId, reason: 'not_own_grant' }, requestId, 'NOT_FOUND', 'no such grant of this actor');
      }
      return deps.profiles.revealForStaff(principal, grant.customer_account_id, fields, 'break_glass', requestId);
    },

    mine: async (principal: Principal) => ({ items: await toDto(await repo.listGrants({ actorAccountId: principal.accountId }, 50)) }),
    alerts: async () => ({ items: await toDto(await repo.listGrants({}, 100)) }),

    async acknowledge(principal: Principal, grantId: string, requestId?: string) {
      const grant = await repo.findGrant(grantId);
      if (!grant) throw new AppError('NOT_FOUND', 'no such grant');
      if (grant.actor_account_id === principal.accountId) throw new AppError('FORBIDDEN', 'own grant');
      await repo.transaction(async (trx) => {
        if ((await createStaffRepo(trx).acknowledgeGrant(grantId, now().toISOString(), principal.accountId)) === 0)
          throw new AppError('CONFLICT', 'already acknowledged');
        await audit.appendInTransaction(trx, {
          type: 'staff.break_glass_acknowledged',
          actor: auditActorOf(principal),
          decision: 'allowed',
          purpose: 'break_glass',
          subjectId: grant.subject_id,
          requestId: requestId ?? null,
          data: { grantId, customerAccountId: grant.customer_account_id },
        });
      });
    },

    /** The scheduled sweep: puts each run-out grant's expiry on record once. Returns how many. */
    async recordExpiries(at: Date = now()): Promise<number> {
      let count = 0;
      for (const grant of await repo.unrecordedExpiries(at.toISOString())) {
        await repo.transaction(async (trx) => {
          if ((await createStaffRepo(trx).recordExpiry(grant.id, at.toISOString())) === 0) return;
          await audit.appendInTransaction(trx, {
            type: 'staff.break_glass_expired',
            actor: SYSTEM_ACTOR,
            decision: 'allowed',
            purpose: 'break_glass',
            subjectId: grant.subject_id,
            data: { grantId: grant.id, customerAccountId: grant.customer_account_id },
          });
          count += 1;
        });
      }
      return count;
    },
  };
}
