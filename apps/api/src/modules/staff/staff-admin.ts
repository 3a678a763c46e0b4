import { randomInt } from 'node:crypto';
import type { Role, TCreateStaffRequest, TOffboardResponse, TReassignmentsResponse, TStaffMember } from '@sealbridge/contracts';
import type { StaffAttestationsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { personalField } from '../vault/index.ts';
import { AGREEMENT_COURSE } from './staff-gate.ts';
import { createStaffRepo } from './staff-repo.ts';
import { auditActorOf, maskLoginName, parseRoles, type StaffDeps } from './staff-types.ts';
import { AGREEMENT_VERSION, TRAINING_COURSE, TRAINING_VERSION } from '@sealbridge/contracts';

const TABLE = 'staff_members';
/** No 0/O, 1/l/I: the admin reads it out or writes it down. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random initial password (about 114 bits), issued once; the member changes it after the first sign-in. */
export function initialPassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}-${group()}`;
}

export function createStaffAdmin(deps: StaffDeps) {
  const { repo, identity, vault, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function staffAccount(accountId: string) {
    const account = await repo.findAccount(accountId);
    if (!account || account.kind !== 'staff') throw new AppError('NOT_FOUND', 'no such staff account');
    return account;
  }

  function refuseSelf(principal: Principal, accountId: string, what: string) {
    // Separation of duties: nobody changes, offboards or recertifies their own access.
    if (principal.accountId === accountId) throw new AppError('FORBIDDEN', `${what} of one's own account`);
  }

  return {
    async list(): Promise<{ items: TStaffMember[] }> {
      const [accounts, members] = await Promise.all([repo.listStaffAccounts(), repo.listMembers()]);
      const byId = new Map(members.map((m) => [m.account_id, m]));
      const attestations = await repo.latestAttestations(accounts.map((a) => a.id));
      const has = (id: string, kind: StaffAttestationsTable['kind'], course: string, version: string) =>
        attestations.some((a) => a.account_id === id && a.kind === kind && a.course === course && a.version === version);
      const items = await Promise.all(
        accounts.map(async (a) => {
          const member = byId.get(a.id);
          const email = member
            ? (await vault.maskFields(member.subject_id, TABLE, a.id, member as unknown as Record<string, unknown>, ['work_email']))[
                'work_email'
              ]
            : undefined;
          return {
            accountId: a.id,
            staffNo: a.account_no,
            loginName: maskLoginName(a.login_name),
            roles: parseRoles(a.roles),
            status: a.status === 'active' ? ('active' as const) : ('disabled' as const),
            workEmail: email ?? { state: 'absent' as const },
            agreementAccepted: has(a.id, 'agreement', AGREEMENT_COURSE, AGREEMENT_VERSION),
            trainingCompleted: has(a.id, 'training', TRAINING_COURSE, TRAINING_VERSION),
            offboardedAt: member?.offboarded_at ?? null,
          };
        }),
      );
      return { items };
    },

    /** Creates the account with a random initial password, returned once; the work e-mail is sealed by the vault. */
    async create(principal: Principal, input: TCreateStaffRequest, requestId?: string) {
      const loginName = input.loginName.trim().toLowerCase();
      // Checked before anything is written, so bad input leaves nothing half-created.
      if (input.workEmail && personalField(`${TABLE}.work_email`).normalize(input.workEmail) === null) {
        throw new AppError('INVALID_IDENTIFIER', 'invalid work e-mail', { fields: ['workEmail'] });
      }
      if (await repo.accountTaken(loginName, input.staffNo)) throw new AppError('CONFLICT', 'login name or staff number taken');
      const subject = await vault.createSubject('staff');
      const password = initialPassword();
      const account = await identity.createAccount({ kind: 'staff', loginName, accountNo: input.staffNo, roles: input.roles, password });
      const sealed = input.workEmail ? await vault.sealFields(subject, TABLE, account.id, { work_email: input.workEmail }) : {};
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        await createStaffRepo(trx).insertMember({
          account_id: account.id,
          subject_id: subject.subjectId,
          work_email_ct: sealed['work_email_ct'] ?? null,
          created_at: at,
          created_by: principal.accountId,
          offboarded_at: null,
          offboarded_by: null,
        });
        await audit.appendInTransaction(trx, {
          type: 'staff.account_created',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { staffAccountId: account.id, roles: input.roles },
        });
      });
      const member = (await this.list()).items.find((m) => m.accountId === account.id);
      if (!member) throw new AppError('INTERNAL', 'created staff member not listed');
      return { member, initialPassword: password };
    },

    /** Gives an account created outside this module (the demo seed) its staff record, with an optional work e-mail. */
    async attachRecord(accountId: string, workEmail?: string) {
      if (await repo.findMember(accountId)) return;
      const subject = await vault.createSubject('staff');
      const sealed = workEmail ? await vault.sealFields(subject, TABLE, accountId, { work_email: workEmail }) : {};
      await repo.insertMember({
        account_id: accountId,
        subject_id: subject.subjectId,
        work_email_ct: sealed['work_email_ct'] ?? null,
        created_at: now().toISOString(),
        created_by: null,
        offboarded_at: null,
        offboarded_by: null,
      });
    },

    /** Replaces a member's roles; effective on their next request on every instance. */
    async setRoles(principal: Principal, accountId: string, roles: readonly Role[], requestId?: string) {
      const account = await staffAccount(accountId);
      const from = parseRoles(account.roles);
      if (principal.accountId === accountId) {
        await audit.append({
          type: 'staff.roles_changed',
          actor: auditActorOf(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: { staffAccountId: accountId, from, to: [...roles] },
        });
      }
      refuseSelf(principal, accountId, 'role change');
      if (account.status !== 'active') throw new AppError('CONFLICT', 'account is disabled');
      await identity.setRoles(accountId, roles);
      await audit.append({
        type: 'staff.roles_changed',
        actor: auditActorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: { staffAccountId: accountId, from, to: [...roles] },
      });
    },

    /**
     * Offboarding: the account is disabled (every session resolves to nothing on its next request, on every
     * instance, since each request re-reads its session and account), its sessions are ended, its open break-glass
     * grants end, and its clients are flagged for reassignment.
     */
    async offboard(principal: Principal, accountId: string, requestId?: string): Promise<TOffboardResponse> {
      await staffAccount(accountId);
      refuseSelf(principal, accountId, 'offboarding');
      const at = now().toISOString();
      await identity.setAccountStatus(accountId, 'disabled');
      const sessionsEnded = await identity.endAllSessions(accountId);
      const clients = await repo.clientsOf(accountId);
      let grantsEnded = 0;
      await repo.transaction(async (trx) => {
        const tx = createStaffRepo(trx);
        for (const customer of clients)
          await tx.flagForReassignment({
            customer_account_id: customer,
            from_account_id: accountId,
            flagged_at: at,
            resolved_at: null,
            resolved_by: null,
            to_account_id: null,
          });
        if (await tx.findMember(accountId)) await tx.markOffboarded(accountId, at, principal.accountId);
        else {
          // Accounts created before the staff module (the demo seed) get their record at offboarding.
          await tx.insertMember({
            account_id: accountId,
            subject_id: '',
            work_email_ct: null,
            created_at: at,
            created_by: null,
            offboarded_at: at,
            offboarded_by: principal.accountId,
          });
        }
        grantsEnded = (await tx.endGrantsOf(accountId, at)).length;
        await audit.appendInTransaction(trx, {
          type: 'staff.offboarded',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { staffAccountId: accountId, sessionsEnded, clientsFlagged: clients.length, grantsEnded },
        });
      });
      return { sessionsEnded, clientsFlagged: clients.length, grantsEnded };
    },

    async reassignments(): Promise<TReassignmentsResponse> {
      const rows = await repo.openReassignments();
      const numbers = await repo.accountNumbers(rows.flatMap((r) => [r.customer_account_id, r.from_account_id]));
      return {
        items: rows.map((r) => ({
          customerAccountId: r.customer_account_id,
          customerAccountNo: numbers.get(r.customer_account_id) ?? '',
          fromAccountId: r.from_account_id,
          fromStaffNo: numbers.get(r.from_account_id) ?? '',
          flaggedAt: r.flagged_at,
        })),
      };
    },

    /** Assigns a flagged client to an active broker and clears the flag. */
    async reassign(
      principal: Principal,
      input: { customerAccountId: string; fromAccountId: string; toAccountId: string },
      requestId?: string,
    ) {
      const to = await staffAccount(input.toAccountId);
      if (to.status !== 'active' || !parseRoles(to.roles).includes('broker'))
        throw new AppError('VALIDATION_FAILED', 'target is not an active broker', { fields: ['toAccountId'] });
      const open = (await repo.openReassignments()).some(
        (r) => r.customer_account_id === input.customerAccountId && r.from_account_id === input.fromAccountId,
      );
      if (!open) throw new AppError('NOT_FOUND', 'no open reassignment');
      await deps.profiles.assignClient(input.customerAccountId, input.toAccountId, principal.accountId);
      const at = now().toISOString();
      await repo.transaction(async (trx) => {
        await createStaffRepo(trx).resolveReassignment(
          input.customerAccountId,
          input.fromAccountId,
          input.toAccountId,
          at,
          principal.accountId,
        );
        await audit.appendInTransaction(trx, {
          type: 'staff.client_reassigned',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { ...input },
        });
      });
    },
  };
}
