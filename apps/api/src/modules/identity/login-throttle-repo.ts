import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type LoginThrottleRepo = ReturnType<typeof createLoginThrottleRepo>;

export function createLoginThrottleRepo(db: Kysely<Database>) {
  return {
    find: (keyHash: string) => db.selectFrom('identity_login_throttle').selectAll().where('key_hash', '=', keyHash).executeTakeFirst(),
    /**
     * Counts one failure atomically (so concurrent attempts on several instances all count) and returns the new
     * total; a count whose last failure is older than `forgetBefore` starts again from one.
     */
    recordFailure: async (keyHash: string, at: string, forgetBefore: string): Promise<number> => {
      const row = await db
        .insertInto('identity_login_throttle')
        .values({ key_hash: keyHash, failures: 1, locked_until: null, last_failure_at: at })
        .onConflict((oc) =>
          oc.column('key_hash').doUpdateSet({
            failures: sql<number>`case when identity_login_throttle.last_failure_at < ${forgetBefore} then 1 else identity_login_throttle.failures + 1 end`,
            last_failure_at: at,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(row.failures);
    },
    lockUntil: (keyHash: string, until: string) =>
      db.updateTable('identity_login_throttle').set({ locked_until: until }).where('key_hash', '=', keyHash).execute(),
    clear: (keyHash: string) => db.deleteFrom('identity_login_throttle').where('key_hash', '=', keyHash).execute(),
    /** Rows whose last failure and lock both ended before `cutoff`. */
    deleteStale: async (cutoff: string) => {
      const result = await db
        .deleteFrom('identity_login_throttle')
        .where('last_failure_at', '<', cutoff)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
