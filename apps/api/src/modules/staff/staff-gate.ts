import { AGREEMENT_VERSION, TRAINING_COURSE, TRAINING_VERSION } from '@sealbridge/contracts';
import type { RevealGate } from '../vault/index.ts';
import type { StaffRepo } from './staff-repo.ts';

export const AGREEMENT_COURSE = 'confidentiality-agreement';

/** Whether a staff member has accepted the current agreement and completed the current training. */
export async function isCleared(repo: Pick<StaffRepo, 'hasAttestation'>, accountId: string): Promise<boolean> {
  const [agreement, training] = await Promise.all([
    repo.hasAttestation(accountId, 'agreement', AGREEMENT_COURSE, AGREEMENT_VERSION),
    repo.hasAttestation(accountId, 'training', TRAINING_COURSE, TRAINING_VERSION),
  ]);
  return agreement && training;
}

/**
 * The vault's staff gate (wired in services.ts): a staff member reveals or looks up nothing before the agreement
 * and training are on record; the `break_glass` purpose also needs an active grant of this actor for this subject.
 * Customers are never gated here (the vault does not ask for a subject's own data).
 */
export function createRevealGate(deps: { repo: Pick<StaffRepo, 'hasAttestation' | 'findActiveGrant'>; now?: () => Date }): RevealGate {
  const now = deps.now ?? (() => new Date());
  return async ({ actor, subjectId, purpose }) => {
    if (actor.kind !== 'staff') return 'ok';
    if (!(await isCleared(deps.repo, actor.accountId))) return 'training_required';
    if (purpose === 'break_glass' && !(await deps.repo.findActiveGrant(actor.accountId, subjectId, now().toISOString())))
      return 'no_break_glass_grant';
    return 'ok';
  };
}
