import type { Kysely } from 'kysely';
import type { AuditCosignaturesTable, AuditLogTable, Database } from '../../db/schema.ts';

export type AuditSearch = {
  actorAccountId?: string | undefined;
  subjectIds?: readonly string[] | undefined;
  action?: string | undefined;
  purpose?: string | undefined;
  decision?: 'allowed' | 'denied' | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export function createAuditRepo(db: Kysely<Database>) {
  const filtered = (q: AuditSearch) => {
    let query = db.selectFrom('audit_log');
    if (q.actorAccountId) query = query.where('actor_account_id', '=', q.actorAccountId);
    if (q.subjectIds) query = q.subjectIds.length ? query.where('subject_id', 'in', [...q.subjectIds]) : query.where('seq', '<', 0);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.purpose) query = query.where('purpose', '=', q.purpose);
    if (q.decision) query = query.where('decision', '=', q.decision);
    if (q.from) query = query.where('at', '>=', q.from);
    if (q.to) query = query.where('at', '<', q.to);
    return query;
  };
  return {
    search: (q: AuditSearch, offset: number, limit: number) =>
      filtered(q).selectAll().orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
    count: async (q: AuditSearch) =>
      Number(
        (
          await filtered(q)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** A time range in sequence order, for exports. */
    range: (from: string, to: string) => filtered({ from, to }).selectAll().orderBy('seq').execute(),
    /** Rows in sequence order, a page at a time (the verifier streams the whole log). */
    page: (afterSeq: number, limit: number) =>
      db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute(),
    checkpoints: () => db.selectFrom('audit_checkpoints').select(['size', 'note']).orderBy('size').execute(),
    latestCheckpoint: () => db.selectFrom('audit_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst(),
    checkpointAt: (size: number) =>
      db.selectFrom('audit_checkpoints').select(['size', 'root_hash', 'note', 'created_at']).where('size', '=', size).executeTakeFirst(),
    /** Leaf hashes (hex) of records seq in (afterSeq, uptoSeq], in order, a page at a time. */
    leafHashes: (afterSeq: number, uptoSeq: number, limit: number) =>
      db
        .selectFrom('audit_log')
        .select(['seq', 'leaf_hash'])
        .where('seq', '>', afterSeq)
        .where('seq', '<=', uptoSeq)
        .orderBy('seq')
        .limit(limit)
        .execute(),
    insertCosignature: (row: AuditCosignaturesTable) =>
      db
        .insertInto('audit_cosignatures')
        .values(row)
        .onConflict((oc) => oc.columns(['witness_key_id', 'witness_key_name', 'size']).doNothing())
        .execute(),
    /** A witness's cosignature of the largest checkpoint it cosigned. */
    latestCosignature: (keyName: string, keyId: string) =>
      db
        .selectFrom('audit_cosignatures')
        .selectAll()
        .where('witness_key_name', '=', keyName)
        .where('witness_key_id', '=', keyId)
        .orderBy('size', 'desc')
        .limit(1)
        .executeTakeFirst(),
    head: async () =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('m'))
            .executeTakeFirst()
        )?.m ?? 0,
      ),
    /** Accesses to these subjects by anyone other than the subject's own account. */
    accessesTo: (subjectIds: readonly string[], excludeAccountId: string, limit: number) =>
      subjectIds.length === 0
        ? Promise.resolve([] as AuditLogTable[])
        : db
            .selectFrom('audit_log')
            .selectAll()
            .where('subject_id', 'in', [...subjectIds])
            .where((eb) => eb.or([eb('actor_account_id', 'is', null), eb('actor_account_id', '<>', excludeAccountId)]))
            .orderBy('seq', 'desc')
            .limit(limit)
            .execute(),
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
