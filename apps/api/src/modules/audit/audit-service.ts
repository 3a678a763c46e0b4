import {
  STAFF_ROLES,
  type Role,
  type TAccessLogResponse,
  type TAuditRecord,
  type TCheckpointResponse,
  type TIntegrityResponse,
} from '@sealbridge/contracts';
import type { KeyObject } from 'node:crypto';
import type { AuditLogTable } from '../../db/schema.ts';
import type { AuditEventRegistry } from './audit-events.ts';
import { join } from 'node:path';
import { EvidenceError, loadEvidence } from './audit-evidence.ts';
import { exportRecords } from './audit-export.ts';
import type { AuditRepo, AuditSearch } from './audit-repo.ts';
import { verifyAuditLog, type AuditLogVerifier, type StoredAuditRow, type StoredCheckpoint, type JsonValue } from './integrity/index.ts';

export type AuditServiceDeps = {
  repo: AuditRepo;
  registry: AuditEventRegistry;
  verifier: { publicKey: KeyObject; keyName: string; origin: string; verifierKey: string };
  /** Staff numbers (工号) of accounts, for display; never names. */
  staffNumbers: (accountIds: readonly string[]) => Promise<Map<string, string>>;
  fieldLabel: (key: string) => { 'zh-CN': string; en: string };
  /** AUDIT_EXPORT_DIR: its checkpoints.jsonl is outside evidence for the integrity check. */
  exportDir?: string;
};

export function toStoredRow(row: AuditLogTable): StoredAuditRow {
  return {
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    actorAccountId: row.actor_account_id,
    actorRole: row.actor_role,
    actorSession: row.actor_session,
    purpose: row.purpose,
    action: row.action,
    decision: row.decision,
    subjectId: row.subject_id,
    fields: JSON.parse(row.fields) as string[],
    requestId: row.request_id,
    data: JSON.parse(row.data) as Record<string, JsonValue>,
    prevHash: row.prev_hash,
    leafHash: row.leaf_hash,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function counterpartyOf(data: Record<string, unknown>): { alias: string; listingCode: string; ndaSignatureId: string | null } | null {
  const recipient = data['recipient'] as { alias?: unknown; listingCode?: unknown; ndaSignatureId?: unknown } | undefined;
  if (!recipient || typeof recipient.alias !== 'string' || typeof recipient.listingCode !== 'string') return null;
  return {
    alias: recipient.alias,
    listingCode: recipient.listingCode,
    ndaSignatureId: typeof recipient.ndaSignatureId === 'string' ? recipient.ndaSignatureId : null,
  };
}

export function createAuditService(deps: AuditServiceDeps) {
  const { repo, registry } = deps;

  async function toRecords(rows: readonly AuditLogTable[]): Promise<TAuditRecord[]> {
    const staff = await deps.staffNumbers([...new Set(rows.map((r) => r.actor_account_id).filter((id): id is string => id !== null))]);
    return rows.map((row) => {
      const stored = toStoredRow(row);
      const parsed = registry.get(stored.type)?.data.safeParse(stored.data);
      return {
        seq: stored.seq,
        at: stored.at,
        type: stored.type,
        action: stored.action,
        decision: stored.decision,
        actor: {
          accountId: stored.actorAccountId,
          role: stored.actorRole,
          staffNo: stored.actorAccountId ? (staff.get(stored.actorAccountId) ?? null) : null,
        },
        purpose: stored.purpose,
        subjectId: stored.subjectId,
        fields: stored.fields,
        requestId: stored.requestId,
        data: parsed?.success ? (parsed.data as Record<string, unknown>) : stored.data,
        dataValid: parsed?.success ?? false,
        prevHash: stored.prevHash,
        leafHash: stored.leafHash,
      };
    });
  }

  async function* allRows(): AsyncGenerator<StoredAuditRow> {
    let after = 0;
    for (;;) {
      const rows = await repo.page(after, 5000);
      if (rows.length === 0) return;
      for (const row of rows) yield toStoredRow(row);
      after = Number(rows.at(-1)?.seq ?? after);
    }
  }

  return {
    /** The checkpoints exported to AUDIT_EXPORT_DIR/checkpoints.jsonl (none when the file is absent). */
    async exportedCheckpoints(): Promise<StoredCheckpoint[]> {
      if (!deps.exportDir) return [];
      try {
        return await loadEvidence({ kind: 'file', location: join(deps.exportDir, 'checkpoints.jsonl') });
      } catch (error) {
        if (error instanceof EvidenceError) return [];
        throw error;
      }
    },

    async search(query: AuditSearch, page: number, pageSize: number) {
      const [rows, total] = await Promise.all([repo.search(query, (page - 1) * pageSize, pageSize), repo.count(query)]);
      return { items: await toRecords(rows), total, page, pageSize };
    },

    /**
     * Chain, leaf hashes, Merkle roots at every signed checkpoint, signatures, truncation — against the checkpoints
     * in the database and the `external` ones (the export, a witness's state): a log shorter than, or inconsistent
     * with, any of them fails. `verifierKey` pins the key (a vkey kept outside) instead of the local signing key.
     */
    async verify(
      options: { external?: readonly StoredCheckpoint[]; verifier?: Pick<AuditLogVerifier, 'publicKey' | 'keyName'> } = {},
    ): Promise<TIntegrityResponse> {
      const internal = (await repo.checkpoints()).map((c) => ({ size: Number(c.size), note: c.note, source: 'database' }));
      const external = options.external ?? [];
      const verifier = { ...deps.verifier, ...(options.verifier ?? {}) };
      const result = await verifyAuditLog(allRows(), [...internal, ...external], verifier);
      const latest = await repo.latestCheckpoint();
      return {
        ok: result.ok,
        // The log's size as stored (the verifier's count stops at the first failure).
        size: Math.max(await repo.head(), result.ok ? result.size : 0),
        checkedRecords: result.checkedRecords,
        checkedCheckpoints: result.checkedCheckpoints,
        ...(result.firstBadSeq !== undefined ? { firstBadSeq: result.firstBadSeq } : {}),
        ...(result.reason ? { reason: result.reason } : {}),
        latestCheckpoint: latest ? { size: Number(latest.size), createdAt: latest.created_at } : null,
        externalCheckpoints: external.length,
        ...(result.detail ? { detail: result.detail } : {}),
      };
    },

    async exportRange(from: string, to: string, format: 'csv' | 'json') {
      const records = await toRecords(await repo.range(from, to));
      return { body: exportRecords(records, format), count: records.length };
    },

    async latestCheckpoint(): Promise<TCheckpointResponse | null> {
      const latest = await repo.latestCheckpoint();
      if (!latest) return null;
      return {
        origin: deps.verifier.origin,
        size: Number(latest.size),
        rootHash: latest.root_hash,
        createdAt: latest.created_at,
        note: latest.note,
        verifierKey: deps.verifier.verifierKey,
      };
    },

    /** What a customer sees: every access to their data by anyone else — when, role, staff number, fields, purpose. */
    async accessLog(subjectIds: readonly string[], ownAccountId: string): Promise<TAccessLogResponse> {
      const rows = await repo.accessesTo(subjectIds, ownAccountId, 500);
      const records = await toRecords(rows);
      return {
        entries: records.map((r) => ({
          seq: r.seq,
          at: r.at,
          actorRole: r.actor.role,
          // Staff are named by staff number; another customer only by the alias of the grant they read under.
          staffNo: r.actor.role && r.actor.role.split(',').some((role) => STAFF_ROLES.includes(role as Role)) ? r.actor.staffNo : null,
          counterparty: counterpartyOf(r.data),
          action: r.action,
          decision: r.decision,
          purpose: r.purpose,
          fields: r.fields.map((key) => ({ key, label: deps.fieldLabel(key) })),
        })),
      };
    },
  };
}
