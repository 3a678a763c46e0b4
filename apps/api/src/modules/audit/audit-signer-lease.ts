import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Logger } from '../../platform/logger/index.ts';

/** The first key of the signer's advisory lock; the second is the schema's hash (test schemas share a database). */
const PG_SIGNER_LOCK = 0x5ea1c4e7;

/**
 * Which instance signs checkpoints on PostgreSQL (ADR 0021): the one holding a session-level advisory lock on a
 * connection it keeps. Only one session can hold it; when its process dies — even by SIGKILL — PostgreSQL ends the
 * session and frees the lock, and the next instance to ask (every checkpoint tick, 1 s) takes over. The held
 * connection is checked on every tick, so a signer whose connection broke stops signing at once.
 */
export type SignerLease = {
  /** True when this instance holds (or just took) the lease. */
  acquire: () => Promise<boolean>;
  release: () => Promise<void>;
};

export function createPgSignerLease(db: Kysely<Database>, logger: Logger): SignerLease {
  let held: { check: () => Promise<void>; release: () => void; done: Promise<void> } | undefined;

  function tryTake(): Promise<boolean> {
    return new Promise<boolean>((answer) => {
      let settled = false;
      const settle = (value: boolean) => {
        if (!settled) answer(value);
        settled = true;
      };
      const done = db
        .connection()
        .execute(async (conn) => {
          const lock = sql`${PG_SIGNER_LOCK}::int, hashtext(current_schema())`;
          const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lock}) as ok`.execute(conn);
          if (!rows[0]?.ok) return settle(false);
          await new Promise<void>((release) => {
            held = { check: async () => void (await sql`select 1`.execute(conn)), release, done };
            settle(true);
          });
          await sql`select pg_advisory_unlock(${lock})`.execute(conn);
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'audit signer lease lost');
          settle(false);
        })
        .finally(() => {
          held = undefined;
        });
    });
  }

  return {
    async acquire() {
      if (held) {
        try {
          await held.check();
          return true;
        } catch (error) {
          logger.warn({ err: error }, 'audit signer lease connection failed; signing stops');
          held.release();
          return false;
        }
      }
      return tryTake();
    },
    async release() {
      const current = held;
      if (!current) return;
      current.release();
      await current.done;
    },
  };
}
