import {
  AGREEMENT_VERSION,
  TRAINING_COURSE,
  TRAINING_QUIZ,
  TRAINING_VERSION,
  type TComplianceStatus,
  type TrainingQuestion,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/index.ts';
import { AGREEMENT_COURSE } from './staff-gate.ts';
import { createStaffProgram } from './staff-program.ts';
import { expiryOf, programStatusOf } from './staff-program-status.ts';
import { createStaffRepo } from './staff-repo.ts';
import { auditActorOf, type StaffDeps } from './staff-types.ts';

/** The quiz's answer key (the questions and options are in the web locales, course `privacy-basics` 2026-11). */
const ANSWERS: Record<TrainingQuestion, number> = { q1: 1, q2: 0, q3: 2, q4: 1 };

export function createStaffTraining(deps: Pick<StaffDeps, 'repo' | 'audit' | 'now' | 'notify'>) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const program = createStaffProgram(deps);
  /** A base-course completion counts for 12 months; after that the member takes the course again. */
  const current = (completedAt: string | null) => completedAt !== null && expiryOf(completedAt) > now();

  async function status(accountId: string): Promise<TComplianceStatus> {
    const rows = await repo.latestAttestations([accountId]);
    const agreement = rows.find((r) => r.kind === 'agreement' && r.course === AGREEMENT_COURSE && r.version === AGREEMENT_VERSION);
    const training = rows.find((r) => r.kind === 'training' && r.course === TRAINING_COURSE && r.version === TRAINING_VERSION);
    return {
      agreement: { version: AGREEMENT_VERSION, acceptedAt: agreement?.completed_at ?? null },
      training: { course: TRAINING_COURSE, version: TRAINING_VERSION, completedAt: training?.completed_at ?? null },
      // The whole gate: also the assigned modules, their 12-month validity and the current code of conduct.
      cleared: (await programStatusOf(repo, accountId, now())).cleared,
    };
  }

  async function record(accountId: string, kind: 'agreement' | 'training', actor: AuditActor, correct: number | null, requestId?: string) {
    const total = Object.keys(TRAINING_QUIZ).length;
    await repo.transaction(async (trx) => {
      await createStaffRepo(trx).insertAttestation({
        id: newId(),
        account_id: accountId,
        kind,
        course: kind === 'agreement' ? AGREEMENT_COURSE : TRAINING_COURSE,
        version: kind === 'agreement' ? AGREEMENT_VERSION : TRAINING_VERSION,
        score: correct,
        completed_at: now().toISOString(),
      });
      await audit.appendInTransaction(
        trx,
        kind === 'agreement'
          ? {
              type: 'staff.agreement_accepted',
              actor,
              decision: 'allowed',
              requestId: requestId ?? null,
              data: { version: AGREEMENT_VERSION },
            }
          : {
              type: 'staff.training_completed',
              actor,
              decision: 'allowed',
              requestId: requestId ?? null,
              data: { course: TRAINING_COURSE, version: TRAINING_VERSION, correct: correct ?? total, total },
            },
      );
    });
  }

  return {
    status: (principal: Principal) => status(principal.accountId),

    /** The member accepts the current version of the confidentiality agreement themself. */
    async acceptAgreement(principal: Principal, version: string, requestId?: string) {
      if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'staff only');
      if (version !== AGREEMENT_VERSION) throw new AppError('CONFLICT', 'agreement version is not current');
      const current = await status(principal.accountId);
      if (!current.agreement.acceptedAt) await record(principal.accountId, 'agreement', auditActorOf(principal), null, requestId);
      return status(principal.accountId);
    },

    /** Grades the quiz on the server; every question right records the completion, otherwise a denied attempt. */
    async completeTraining(
      principal: Principal,
      input: { course: string; version: string; answers: Record<string, number> },
      requestId?: string,
    ) {
      if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'staff only');
      if (input.course !== TRAINING_COURSE || input.version !== TRAINING_VERSION)
        throw new AppError('CONFLICT', 'course version is not current');
      const questions = Object.keys(ANSWERS) as TrainingQuestion[];
      const correct = questions.filter((q) => input.answers[q] === ANSWERS[q]).length;
      const passed = correct === questions.length;
      if (passed) {
        if (!current((await status(principal.accountId)).training.completedAt))
          await record(principal.accountId, 'training', auditActorOf(principal), correct, requestId);
      } else {
        await audit.append({
          type: 'staff.training_completed',
          actor: auditActorOf(principal),
          decision: 'denied',
          requestId: requestId ?? null,
          data: { course: TRAINING_COURSE, version: TRAINING_VERSION, correct, total: questions.length },
        });
      }
      return { passed, correct, total: questions.length, status: await status(principal.accountId) };
    },

    /** Records both completions for an account (the demo seed: its staff are trained); audited as the system. */
    async recordCompletions(accountId: string) {
      const before = await status(accountId);
      const actor = { ...SYSTEM_ACTOR, accountId };
      if (!before.agreement.acceptedAt) await record(accountId, 'agreement', actor, null);
      if (!current(before.training.completedAt)) await record(accountId, 'training', actor, null);
      await program.recordCompletions(accountId);
    },
  };
}
