import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { toStoredRow } from '../../src/modules/audit/audit-service.ts';
import {
  createFrontier,
  GENESIS_PREV_HASH,
  recordLeafHashHex,
  signCheckpoint,
  type AuditSigningKey,
} from '../../src/modules/audit/integrity/index.ts';

/**
 * What an attacker with file access does once the server is stopped: lift the append-only triggers and edit the
 * tables directly. Used by the outside-evidence tests only.
 */
export async function unlockAuditTables(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  for (const table of ['audit_log', 'audit_checkpoints']) {
    if (dialect === 'postgres') {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_change ON ${table}`).execute(db);
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`).execute(db);
    } else {
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_update`).execute(db);
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`).execute(db);
    }
  }
}

/** Deletes every record above `keep` and every checkpoint above it (keep 0 wipes the log). */
export async function cutLog(db: Kysely<Database>, keep: number): Promise<void> {
  await db.deleteFrom('audit_log').where('seq', '>', keep).execute();
  await db.deleteFrom('audit_checkpoints').where('size', '>', keep).execute();
}

/**
 * Edits one record and recomputes every leaf hash, the chain and every checkpoint — signed with the key the server
 * keeps in DATA_DIR, which a file-level attacker has too. Internally the log then verifies.
 */
export async function rewriteLog(db: Kysely<Database>, key: AuditSigningKey, origin: string, editSeq: number): Promise<void> {
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map(toStoredRow);
  const sizes = (await db.selectFrom('audit_checkpoints').select('size').execute()).map((r) => Number(r.size));
  await db.deleteFrom('audit_checkpoints').execute();
  const frontier = createFrontier();
  let prev = GENESIS_PREV_HASH;
  for (const row of rows) {
    const data = row.seq === editSeq ? { ...row.data, rewritten: true } : row.data;
    const record = { ...row, data, prevHash: prev };
    const leaf = recordLeafHashHex(record);
    await db
      .updateTable('audit_log')
      .set({ data: JSON.stringify(data), prev_hash: prev, leaf_hash: leaf })
      .where('seq', '=', row.seq)
      .execute();
    prev = leaf;
    frontier.appendHex(leaf);
    if (sizes.includes(row.seq)) {
      const rootHash = frontier.root();
      await db
        .insertInto('audit_checkpoints')
        .values({
          size: row.seq,
          root_hash: rootHash.toString('hex'),
          note: signCheckpoint(key, { origin, size: row.seq, rootHash }),
          frontier: JSON.stringify(frontier.snapshot()),
          created_at: new Date().toISOString(),
        })
        .execute();
    }
  }
}

/** Appends `n` well-formed records after the last one and signs a checkpoint over the whole log with `key`. */
export async function appendAndSign(db: Kysely<Database>, key: AuditSigningKey, origin: string, n: number): Promise<number> {
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map(toStoredRow);
  const frontier = createFrontier();
  for (const row of rows) frontier.appendHex(row.leafHash);
  let prev = rows.at(-1)?.leafHash ?? GENESIS_PREV_HASH;
  let seq = rows.length;
  for (let i = 0; i < n; i++) {
    seq += 1;
    const record = {
      seq,
      at: new Date().toISOString(),
      type: 'audit.integrity_checked',
      actorAccountId: null,
      actorRole: 'system',
      actorSession: null,
      purpose: null,
      action: 'verify',
      decision: 'allowed' as const,
      subjectId: null,
      fields: [],
      requestId: null,
      data: { ok: true, size: seq },
      prevHash: prev,
    };
    const leaf = recordLeafHashHex(record);
    await db
      .insertInto('audit_log')
      .values({
        seq,
        at: record.at,
        type: record.type,
        actor_account_id: null,
        actor_role: 'system',
        actor_session: null,
        purpose: null,
        action: 'verify',
        decision: 'allowed',
        subject_id: null,
        fields: '[]',
        request_id: null,
        data: JSON.stringify(record.data),
        prev_hash: prev,
        leaf_hash: leaf,
      })
      .execute();
    frontier.appendHex(leaf);
    prev = leaf;
  }
  const rootHash = frontier.root();
  await db
    .insertInto('audit_checkpoints')
    .values({
      size: seq,
      root_hash: rootHash.toString('hex'),
      note: signCheckpoint(key, { origin, size: seq, rootHash }),
      frontier: JSON.stringify(frontier.snapshot()),
      created_at: new Date().toISOString(),
    })
    .execute();
  return seq;
}
