import {
  type TModuleResult,
  type TProgramStatus,
  type TRecordViolationRequest,
  type TTrainingModule,
  type TTrainingModuleAdmin,
  type TTrainingModuleInput,
  type TViolation,
} from '@sealbridge/contracts';
import type { StaffTrainingModulesTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/free-text-guard.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { NotifyInput } from '../notifications/index.ts';
import { createStaffRepo } from './staff-repo.ts';
import { CONDUCT_COURSE, programStatusOf } from './staff-program-status.ts';
import { privacyMetrics } from './staff-program-metrics.ts';
import { programStanding } from './staff-program-standing.ts';
import { auditActorOf, parseRoles, type StaffDeps } from './staff-types.ts';

type Question = { prompt: string; options: string[]; answer: number };
const questionsOf = (row: StaffTrainingModulesTable) => JSON.parse(row.questions) as Question[];

function adminView(row: StaffTrainingModulesTable): TTrainingModuleAdmin {
  return {
    code: row.code,
    revision: row.revision,
    title: row.title,
    body: row.body,
    questions: questionsOf(row),
    passMark: row.pass_mark,
    roles: parseRoles(row.roles),
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

function staffOnly(principal: Principal) {
  if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'staff only');
}

/**
 * The privacy program (issue 19): training modules with quizzes that expire after 12 months, reminders, the
 * versioned code of conduct and the record of violations. The gate itself is in staff-gate.ts.
 */
export function createStaffProgram(deps: Pick<StaffDeps, 'repo' | 'audit' | 'now' | 'notify'>) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const status = (accountId: string, at = now()): Promise<TProgramStatus> => programStatusOf(repo, accountId, at);

  async function attest(
    accountId: string,
    kind: 'module' | 'conduct',
    course: string,
    version: string,
    score: number | null,
    event: Parameters<typeof audit.appendInTransaction>[1],
  ) {
    await repo.transaction(async (trx) => {
      await createStaffRepo(trx).insertAttestation({
        id: newId(),
        account_id: accountId,
        kind,
        course,
        version,
        score,
        completed_at: now().toISOString(),
      });
      await audit.appendInTransaction(trx, event);
    });
  }

  return {
    status: (principal: Principal) => status(principal.accountId),

    /** Live privacy metrics for the console home (every staff member sees the same counts). */
    metrics: (at: Date = now()) => privacyMetrics(repo, at),

    /** A module assigned to the member, without the answer key. */
    async module(principal: Principal, code: string): Promise<TTrainingModule> {
      staffOnly(principal);
      const row = await repo.findModule(code);
      if (!row || row.active !== 1) throw new AppError('NOT_FOUND', 'no such module');
      return {
        code: row.code,
        revision: row.revision,
        title: row.title,
        body: row.body,
        questions: questionsOf(row).map((q) => ({ prompt: q.prompt, options: q.options })),
        passMark: row.pass_mark,
      };
    },

    /** Grades a module's quiz on the server; reaching the pass mark records a completion valid for 12 months. */
    async submit(
      principal: Principal,
      code: string,
      input: { revision: number; answers: number[] },
      requestId?: string,
    ): Promise<TModuleResult> {
      staffOnly(principal);
      const row = await repo.findModule(code);
      if (!row || row.active !== 1) throw new AppError('NOT_FOUND', 'no such module');
      if (row.revision !== input.revision) throw new AppError('CONFLICT', 'the module was edited; reload it');
      const questions = questionsOf(row);
      const correct = questions.filter((q, i) => input.answers[i] === q.answer).length;
      const passed = correct * 100 >= row.pass_mark * questions.length;
      const data = { course: code, revision: row.revision, correct, total: questions.length, passMark: row.pass_mark };
      const event = { type: 'staff.module_completed', actor: auditActorOf(principal), requestId: requestId ?? null, data };
      if (passed)
        await attest(principal.accountId, 'module', code, String(row.revision), Math.round((correct * 100) / questions.length), {
          ...event,
          decision: 'allowed',
        });
      else await audit.append({ ...event, decision: 'denied' });
      return { passed, correct, total: questions.length, passMark: row.pass_mark, status: await status(principal.accountId) };
    },

    async conduct() {
      const row = await repo.latestConduct();
      return { current: row ? { version: row.version, title: row.title, body: row.body, publishedAt: row.published_at } : null };
    },

    /** The member acknowledges the current code of conduct (an older version is refused). */
    async acknowledgeConduct(principal: Principal, version: number, requestId?: string): Promise<TProgramStatus> {
      staffOnly(principal);
      const current = await repo.latestConduct();
      if (!current || current.version !== version) throw new AppError('CONFLICT', 'not the current code of conduct');
      if ((await status(principal.accountId)).conduct?.acknowledgedAt == null)
        await attest(principal.accountId, 'conduct', CONDUCT_COURSE, String(version), null, {
          type: 'staff.conduct_acknowledged',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { version },
        });
      return status(principal.accountId);
    },

    // The privacy officer's side.
    /** Where every active staff member stands: per module counts, the code of conduct's acknowledgements. */
    standing: (at: Date = now()) => programStanding(repo, at),
    listModules: async () => ({ items: (await repo.listModules()).map(adminView) }),

    /** Creates or edits a module; every edit is a new revision (a quiz in progress must be reloaded). */
    async saveModule(principal: Principal, code: string, input: TTrainingModuleInput, requestId?: string) {
      assertNoIdentifiers([
        { field: 'title', text: input.title },
        { field: 'body', text: input.body },
        ...input.questions.flatMap((q, i) => [
          { field: `questions[${i}].prompt`, text: q.prompt },
          ...q.options.map((o, j) => ({ field: `questions[${i}].options[${j}]`, text: o })),
        ]),
      ]);
      const existing = await repo.findModule(code);
      const row: StaffTrainingModulesTable = {
        code,
        revision: (existing?.revision ?? 0) + 1,
        title: input.title,
        body: input.body,
        questions: JSON.stringify(input.questions),
        pass_mark: input.passMark,
        roles: input.roles.join(','),
        active: input.active ? 1 : 0,
        updated_at: now().toISOString(),
        updated_by: principal.accountId,
      };
      await repo.transaction(async (trx) => {
        const r = createStaffRepo(trx);
        await (existing ? r.updateModule(row) : r.insertModule(row));
        await audit.appendInTransaction(trx, {
          type: 'staff.module_updated',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { course: code, revision: row.revision, active: input.active },
        });
      });
      return adminView(row);
    },

    /** Publishes a new version of the code of conduct: every staff member's gate closes until they acknowledge it. */
    async publishConduct(principal: Principal, input: { title: string; body: string }, requestId?: string) {
      assertNoIdentifiers([
        { field: 'title', text: input.title },
        { field: 'body', text: input.body },
      ]);
      const version = ((await repo.latestConduct())?.version ?? 0) + 1;
      const publishedAt = now().toISOString();
      await repo.transaction(async (trx) => {
        await createStaffRepo(trx).insertConduct({ version, ...input, published_at: publishedAt, published_by: principal.accountId });
        await audit.appendInTransaction(trx, {
          type: 'staff.conduct_published',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { version },
        });
      });
      return { version, ...input, publishedAt };
    },

    /** 违规处理: records a violation, its handling decision and the audit records (by number) it rests on. */
    async recordViolation(principal: Principal, input: TRecordViolationRequest, requestId?: string): Promise<{ id: string }> {
      assertNoIdentifiers([
        { field: 'description', text: input.description },
        { field: 'decisionNote', text: input.decisionNote },
      ]);
      const target = await repo.findAccount(input.staffAccountId);
      if (target?.kind !== 'staff') throw new AppError('NOT_FOUND', 'no such staff member');
      if (input.staffAccountId === principal.accountId) throw new AppError('FORBIDDEN', 'nobody records their own violation');
      const seqs = [...new Set(input.auditSeqs)].sort((a, b) => a - b);
      if ((await repo.countAuditRecords(seqs)) !== seqs.length) throw new AppError('NOT_FOUND', 'an audit record number does not exist');
      const id = newId();
      await repo.transaction(async (trx) => {
        await createStaffRepo(trx).insertViolation({
          id,
          staff_account_id: input.staffAccountId,
          conduct_version: (await createStaffRepo(trx).latestConduct())?.version ?? null,
          description: input.description,
          audit_seqs: seqs.join(','),
          decision: input.decision,
          decision_note: input.decisionNote ?? null,
          recorded_by: principal.accountId,
          recorded_at: now().toISOString(),
        });
        await audit.appendInTransaction(trx, {
          type: 'staff.violation_recorded',
          actor: auditActorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { violationId: id, staffAccountId: input.staffAccountId, decision: input.decision, auditSeqs: seqs },
        });
      });
      return { id };
    },

    async violations(): Promise<{ items: TViolation[] }> {
      const rows = await repo.listViolations(200);
      const numbers = await repo.accountNumbers(rows.flatMap((r) => [r.staff_account_id, r.recorded_by]));
      return {
        items: rows.map((r) => ({
          id: r.id,
          staffAccountId: r.staff_account_id,
          staffNo: numbers.get(r.staff_account_id) ?? '',
          conductVersion: r.conduct_version,
          description: r.description,
          auditSeqs: r.audit_seqs.split(',').map(Number),
          decision: r.decision as TViolation['decision'],
          decisionNote: r.decision_note,
          recordedByStaffNo: numbers.get(r.recorded_by) ?? '',
          recordedAt: r.recorded_at,
        })),
      };
    },

    /**
     * The reminder sweep (job `staff.remind-training`, daily): each active staff member hears once when a completion
     * is 30 days from running out and once when it has. Returns how many reminders went out.
     */
    async remindTraining(at: Date = now()): Promise<{ expiring: number; expired: number }> {
      const counts = { expiring: 0, expired: 0 };
      const notices: NotifyInput[] = [];
      for (const account of await repo.listStaffAccounts()) {
        if (account.status !== 'active') continue;
        for (const m of (await status(account.id, at)).modules) {
          if ((m.state !== 'expiring' && m.state !== 'expired') || !m.expiresAt) continue;
          const fresh = await repo.insertReminder({
            account_id: account.id,
            course: m.code,
            expires_at: m.expiresAt,
            kind: m.state,
            sent_at: at.toISOString(),
          });
          if (!fresh) continue;
          counts[m.state] += 1;
          notices.push(
            m.state === 'expiring'
              ? {
                  accountId: account.id,
                  kind: 'training_expiring',
                  params: { course: m.title, date: m.expiresAt.slice(0, 10) },
                  link: '/console/my/training',
                }
              : { accountId: account.id, kind: 'training_expired', params: { course: m.title }, link: '/console/my/training' },
          );
        }
      }
      if (notices.length > 0) {
        await deps.notify?.(notices);
        await audit.append({ type: 'staff.training_reminded', actor: SYSTEM_ACTOR, decision: 'allowed', requestId: null, data: counts });
      }
      return counts;
    },

    /** Records every active module (passed in full) and the current code of conduct for an account (the demo seed and test helpers). */
    async recordCompletions(accountId: string) {
      const current = await status(accountId);
      const actor = { ...SYSTEM_ACTOR, accountId };
      // Every active module, whatever the roles today (a role added later must not close the gate of a seeded account).
      for (const m of (await repo.listModules()).filter((row) => row.active === 1)) {
        if (current.modules.some((s) => s.code === m.code && (s.state === 'valid' || s.state === 'expiring'))) continue;
        const total = questionsOf(m).length;
        await attest(accountId, 'module', m.code, String(m.revision), 100, {
          type: 'staff.module_completed',
          actor,
          decision: 'allowed',
          requestId: null,
          data: { course: m.code, revision: m.revision, correct: total, total, passMark: m.pass_mark },
        });
      }
      if (current.conduct && !current.conduct.acknowledgedAt)
        await attest(accountId, 'conduct', CONDUCT_COURSE, String(current.conduct.version), null, {
          type: 'staff.conduct_acknowledged',
          actor,
          decision: 'allowed',
          requestId: null,
          data: { version: current.conduct.version },
        });
    },
  };
}
