import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { Services } from '../../src/services.ts';

/**
 * Records the confidentiality agreement, privacy training, the modules and the code of conduct for staff accounts (as
 * the member would from the console): without them, the vault refuses every staff reveal and lookup
 * (STAFF_TRAINING_REQUIRED).
 */
export async function completeStaffTraining(services: Pick<Services, 'staff'>, ...accountIds: string[]): Promise<void> {
  for (const id of accountIds) await services.staff.training.recordCompletions(id);
}

/**
 * Staff accounts for tests that act with a bare actor (no sign-in): the gate only clears an existing staff account,
 * and assigns the training modules by its roles.
 */
export async function createStaffAccounts(db: Kysely<Database>, ...actors: { accountId: string; roles: readonly string[] }[]) {
  const at = new Date().toISOString();
  for (const { accountId, roles } of actors)
    await db
      .insertInto('accounts')
      .values({
        id: accountId,
        kind: 'staff',
        login_name: accountId,
        account_no: accountId,
        roles: roles.join(','),
        password_hash: 'x',
        status: 'active',
        created_at: at,
        updated_at: at,
      })
      .execute();
}
