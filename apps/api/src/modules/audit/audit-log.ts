import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuditEventInput, AuditEventRegistry } from './audit-events.ts';
import { createPgSignerLease, type SignerLease } from './audit-signer-lease.ts';
import {
  canonicalJson,
  createFrontier,
  GENESIS_PREV_HASH,
  recordLeafHash,
  signCheckpoint,
  type AuditRecordCore,
  type AuditSigningKey,
  type JsonValue,
  type MerkleFrontier,
} from './integrity/index.ts';

export type AuditLogOptions = {
  db: Kysely<Database>;
  dialect: DialectName;
  logger: Logger;
  registry: AuditEventRegistry;
  signingKey: AuditSigningKey;
  /** The log's name in signed checkpoints, e.g. "sealbridge.example.cn/audit". */
  origin: string;
  /** Where signed checkpoints are appended for shipping to write-once storage. */
  exportDir: string;
  /** Group commit: flush after this many ms or this many queued events, whichever comes first. */
  flushMs?: number;
  maxBatch?: number;
  /** A checkpoint is signed at least this often while the log grows, and after this many new entries. */
  checkpointEveryMs?: number;
  checkpointEveryEntries?: number;
  now?: () => Date;
};

/** Any number unique to this lock; held for the duration of one append transaction on PostgreSQL. */
const PG_APPEND_LOCK = 0x5ea1b1d6;

type Prepared = { input: AuditEventInput; action: string; data: Record<string, JsonValue>; dataText: string };
type Pending = { event: Prepared; resolve: () => void; reject: (error: unknown) => void };

export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * The append-only log. `append` groups concurrent events into one transaction (group commit) and resolves only
 * once they are durably committed, so a caller can refuse to answer until its access is on record; a failed
 * write rejects every waiting caller. `appendInTransaction` writes inside the caller's own transaction, so a
 * change and its audit event commit or roll back together.
 */
export function createAuditLog(options: AuditLogOptions) {
  const { db, logger, registry, signingKey, origin } = options;
  const now = options.now ?? (() => new Date());
  const flushMs = options.flushMs ?? 2;
  const maxBatch = options.maxBatch ?? 512;
  const checkpointEveryEntries = options.checkpointEveryEntries ?? 1000;
  const queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let checkpointTimer: NodeJS.Timeout | undefined;
  let sinceCheckpoint = 0;
  let checkpointing: Promise<{ size: number; note: string } | undefined> | undefined;
  let cached: { size: number; frontier: MerkleFrontier } | undefined;
  const appendedListeners = new Set<() => void>();

  /** Tells listeners (the security monitor) that records were written; a listener that throws is only logged. */
  function announceAppended() {
    for (const listener of appendedListeners) {
      try {
        listener();
      } catch (error) {
        logger.error({ err: error }, 'audit append listener failed');
      }
    }
  }
  // Scale-out: the periodic checkpoint is signed by one instance at a time (explicit checkpointNow calls are not gated).
  const lease: SignerLease | undefined = options.dialect === 'postgres' ? createPgSignerLease(db, logger) : undefined;

  /** Validated once, when the caller hands the event over. */
  function prepare(input: AuditEventInput): Prepared {
    const definition = registry.get(input.type);
    if (!definition) throw new Error(`audit event type ${input.type} is not declared`);
    const data = definition.data.parse(input.data ?? {}) as Record<string, JsonValue>;
    // Encoding here rejects an unencodable payload (NaN, lone surrogates) for its own caller only, before it can
    // fail a whole group-commit batch; the canonical text is also what is stored, so outsiders can hash the column.
    return { input, action: definition.action, data, dataText: canonicalJson(data) };
  }

  async function appendRows(trx: Transaction<Database>, events: readonly Prepared[]): Promise<void> {
    if (options.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PG_APPEND_LOCK})`.execute(trx);
    // The head is read inside the transaction every time: other processes (operator commands) append too.
    const head = await trx.selectFrom('audit_log').select(['seq', 'leaf_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = Number(head?.seq ?? 0);
    let prevHash = head?.leaf_hash ?? GENESIS_PREV_HASH;
    const at = now().toISOString();
    const rows = events.map(({ input, action, data, dataText }) => {
      seq += 1;
      const record: AuditRecordCore = {
        seq,
        at,
        type: input.type,
        actorAccountId: input.actor.accountId,
        actorRole: input.actor.role,
        actorSession: input.actor.sessionId,
        purpose: input.purpose ?? null,
        action,
        decision: input.decision,
        subjectId: input.subjectId ?? null,
        fields: [...(input.fields ?? [])],
        requestId: input.requestId ?? null,
        data,
        prevHash,
      };
      const leaf = recordLeafHash(record).toString('hex');
      prevHash = leaf;
      return {
        seq,
        at,
        type: record.type,
        actor_account_id: record.actorAccountId,
        actor_role: record.actorRole,
        actor_session: record.actorSession,
        purpose: record.purpose,
        action: record.action,
        decision: record.decision,
        subject_id: record.subjectId,
        fields: JSON.stringify(record.fields),
        request_id: record.requestId,
        data: dataText,
        prev_hash: record.prevHash,
        leaf_hash: leaf,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('audit_log')
        .values(rows.slice(i, i + 200))
        .execute();
    sinceCheckpoint += rows.length;
  }

  async function flush(): Promise<void> {
    timer = undefined;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await db.transaction().execute((trx) =>
          appendRows(
            trx,
            batch.map((p) => p.event),
          ),
        );
        for (const p of batch) p.resolve();
        announceAppended();
      } catch (error) {
        logger.error({ err: error, events: batch.length }, 'audit write failed');
        const failure = new AppError('SERVICE_UNAVAILABLE', 'audit trail unavailable');
        for (const p of batch) p.reject(failure);
      }
    }
    if (sinceCheckpoint >= checkpointEveryEntries) void checkpointAsSigner();
  }

  function scheduleFlush() {
    if (flushing) return;
    if (queue.length >= maxBatch) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      flushing = flush().finally(() => {
        flushing = undefined;
        if (queue.length) scheduleFlush();
      });
    } else if (!timer) {
      timer = setTimeout(() => {
        flushing = flush().finally(() => {
          flushing = undefined;
          if (queue.length) scheduleFlush();
        });
      }, flushMs);
    }
  }

  async function loadFrontier(): Promise<{ size: number; frontier: MerkleFrontier }> {
    const latest = await db.selectFrom('audit_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    const size = Number(latest?.size ?? 0);
    if (cached && cached.size >= size) return cached;
    return { size, frontier: createFrontier(latest ? (JSON.parse(latest.frontier) as string[]) : [], size) };
  }

  /** Signs a checkpoint over everything appended so far, when the log grew since the last one. */
  async function checkpointNow(): Promise<{ size: number; note: string } | undefined> {
    const state = await loadFrontier();
    const frontier = state.frontier;
    const startSize = frontier.size;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .select(['seq', 'leaf_hash'])
        .where('seq', '>', frontier.size)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (Number(row.seq) !== frontier.size + 1) {
          logger.error({ expected: frontier.size + 1, found: Number(row.seq) }, 'audit log has a gap; checkpoint withheld');
          return undefined;
        }
        frontier.append(Buffer.from(row.leaf_hash, 'hex'));
      }
    }
    cached = { size: frontier.size, frontier };
    if (frontier.size === startSize && startSize > 0) return undefined;
    if (frontier.size === 0) return undefined;
    const rootHash = frontier.root();
    const note = signCheckpoint(signingKey, { origin, size: frontier.size, rootHash });
    const createdAt = now().toISOString();
    const inserted = await db
      .insertInto('audit_checkpoints')
      .values({
        size: frontier.size,
        root_hash: rootHash.toString('hex'),
        note,
        frontier: JSON.stringify(frontier.snapshot()),
        created_at: createdAt,
      })
      .onConflict((oc) => oc.column('size').doNothing())
      .executeTakeFirst();
    sinceCheckpoint = 0;
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await mkdir(options.exportDir, { recursive: true });
      await appendFile(
        join(options.exportDir, 'checkpoints.jsonl'),
        `${JSON.stringify({ size: frontier.size, rootHash: rootHash.toString('hex'), createdAt, note })}\n`,
      );
    }
    return { size: frontier.size, note };
  }

  function checkpointSoon() {
    checkpointing ??= checkpointNow()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'audit checkpoint failed');
        return undefined;
      })
      .finally(() => {
        checkpointing = undefined;
      });
    return checkpointing;
  }

  /** The periodic checkpoint: on PostgreSQL only the instance holding the signer lease signs. */
  async function checkpointAsSigner() {
    if (lease && !(await lease.acquire())) return;
    await checkpointSoon();
  }

  return {
    origin,
    signingKey,
    /** Resolves when the event is committed; rejects (SERVICE_UNAVAILABLE) when the write failed. */
    append(input: AuditEventInput): Promise<void> {
      let event: Prepared;
      try {
        event = prepare(input);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<void>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        scheduleFlush();
      });
    },
    /** Appends inside the caller's transaction: the change and its record commit together or not at all. */
    async appendInTransaction(trx: Transaction<Database>, input: AuditEventInput | readonly AuditEventInput[]): Promise<void> {
      const inputs = Array.isArray(input) ? (input as readonly AuditEventInput[]) : [input as AuditEventInput];
      await appendRows(trx, inputs.map(prepare));
      // Not committed yet: a listener reads committed records only, and polls for the ones it missed.
      announceAppended();
    },
    /**
     * Registers a listener called after records are appended (the hook of the security monitor). It must only
     * schedule work: it runs in the append path, and what it throws is logged, never passed to the appender.
     */
    onAppended(listener: () => void): () => void {
      appendedListeners.add(listener);
      return () => appendedListeners.delete(listener);
    },
    checkpointNow: () => checkpointSoon(),
    /** Waits for queued events to be written (for shutdown). */
    async drain() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        flushing ??= flush().finally(() => (flushing = undefined));
      }
      await flushing;
    },
    start() {
      checkpointTimer ??= setInterval(() => void checkpointAsSigner(), options.checkpointEveryMs ?? 1000);
      checkpointTimer.unref();
    },
    async stop() {
      if (checkpointTimer) clearInterval(checkpointTimer);
      checkpointTimer = undefined;
      await this.drain();
      await checkpointing;
      await lease?.release();
    },
  };
}
