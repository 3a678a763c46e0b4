import type { Services } from '../../src/services.ts';

/**
 * Records the confidentiality agreement and privacy training for staff accounts (as the member would from the
 * console): without both, the vault refuses every staff reveal and lookup (STAFF_TRAINING_REQUIRED).
 */
export async function completeStaffTraining(services: Pick<Services, 'staff'>, ...accountIds: string[]): Promise<void> {
  for (const id of accountIds) await services.staff.training.recordCompletions(id);
}
