import type { RevealGate } from '../vault/index.ts';
import type { StaffRepo } from './staff-repo.ts';
import { programStatusOf, type ProgramRepo } from './staff-program-status.ts';

export { AGREEMENT_COURSE } from './staff-program-status.ts';

/**
 * Whether a staff member may see personal data at `at`: the current agreement, the base course and every training
 * module assigned to their roles completed within the last 12 months, and the current code of conduct acknowledged.
 * An expired completion closes the gate exactly like a missing one.
 */
export async function isCleared(repo: ProgramRepo, accountId: string, at: Date = new Date()): Promise<boolean> {
  return (await programStatusOf(repo, accountId, at)).cleared;
}

/**
 * The vault's staff gate (wired in services.ts): a staff member reveals or looks up nothing before the agreement,
 * training and code of conduct are on record and current; the `break_glass` purpose also needs an active grant of
 * this actor for this subject. Customers are never gated here (the vault does not ask for a subject's own data).
 */
export function createRevealGate(deps: { repo: ProgramRepo & Pick<StaffRepo, 'findActiveGrant'>; now?: () => Date }): RevealGate {
  const now = deps.now ?? (() => new Date());
  return async ({ actor, subjectId, purpose }) => {
    if (actor.kind !== 'staff') return 'ok';
    if (!(await isCleared(deps.repo, actor.accountId, now()))) return 'training_required';
    if (purpose === 'break_glass' && !(await deps.repo.findActiveGrant(actor.accountId, subjectId, now().toISOString())))
      return 'no_break_glass_grant';
    return 'ok';
  };
}
