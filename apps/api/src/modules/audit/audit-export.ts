import type { TAuditRecord } from '@sealbridge/contracts';

const CSV_COLUMNS = [
  'seq',
  'at',
  'type',
  'action',
  'decision',
  'actor_account_id',
  'actor_role',
  'staff_no',
  'purpose',
  'subject_id',
  'fields',
  'request_id',
  'data',
  'prev_hash',
  'leaf_hash',
] as const;

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** JSON with sorted keys at every level: the same records always give the same bytes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Exports are reproducible byte for byte: records in sequence order, fixed columns, canonical JSON, LF line ends,
 * no generation time inside. Each row carries its hashes, so a recipient can check it against a checkpoint.
 */
export function exportRecords(records: readonly TAuditRecord[], format: 'csv' | 'json'): string {
  if (format === 'json') return `${canonicalJson(records.map((r) => ({ ...r, dataValid: undefined })))}\n`;
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      [
        r.seq,
        r.at,
        r.type,
        r.action,
        r.decision,
        r.actor.accountId,
        r.actor.role,
        r.actor.staffNo,
        r.purpose,
        r.subjectId,
        r.fields.join(' '),
        r.requestId,
        canonicalJson(r.data),
        r.prevHash,
        r.leafHash,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
