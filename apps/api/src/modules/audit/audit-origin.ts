import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The log's origin — its name in every signed checkpoint and the signing key's name — is fixed the first time the
 * log is opened and stored (`audit_origin`, one append-only row). Deriving it from PORT or PUBLIC_URL on every
 * start made a verifier run with other settings reject an untouched log. A log that already has checkpoints (from
 * before this table existed) keeps the origin its checkpoints carry. Two instances starting at once agree: the
 * first insert wins and both read it back.
 */
export async function fixAuditOrigin(db: Kysely<Database>, proposed: string, now: () => Date = () => new Date()): Promise<string> {
  const stored = await db.selectFrom('audit_origin').select('origin').where('id', '=', 1).executeTakeFirst();
  if (stored) return stored.origin;
  const latest = await db.selectFrom('audit_checkpoints').select('note').orderBy('size', 'desc').limit(1).executeTakeFirst();
  const origin = latest ? (latest.note.split('\n', 1)[0] ?? proposed) : proposed;
  await db
    .insertInto('audit_origin')
    .values({ id: 1, origin, created_at: now().toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await db.selectFrom('audit_origin').select('origin').where('id', '=', 1).executeTakeFirstOrThrow()).origin;
}
