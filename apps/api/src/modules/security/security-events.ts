import type { AuditLogTable } from '../../db/schema.ts';

/** One audit record as the detection rules see it: metadata only (the log never holds a personal value). */
export type MonitoredEvent = {
  seq: number;
  /** Milliseconds since the epoch (parsed once; the rules compare times a lot). */
  atMs: number;
  type: string;
  action: string;
  decision: 'allowed' | 'denied';
  actorAccountId: string | null;
  actorRole: string | null;
  purpose: string | null;
  subjectId: string | null;
  fields: readonly string[];
  data: Readonly<Record<string, unknown>>;
};

/** Reads a stored audit row without changing or re-verifying it (the verifier does that). */
export function monitoredEventOf(row: AuditLogTable): MonitoredEvent {
  return {
    seq: Number(row.seq),
    atMs: Date.parse(row.at),
    type: row.type,
    action: row.action,
    decision: row.decision === 'denied' ? 'denied' : 'allowed',
    actorAccountId: row.actor_account_id,
    actorRole: row.actor_role,
    purpose: row.purpose,
    subjectId: row.subject_id,
    fields: safeJson<string[]>(row.fields, []),
    data: safeJson<Record<string, unknown>>(row.data, {}),
  };
}

function safeJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
