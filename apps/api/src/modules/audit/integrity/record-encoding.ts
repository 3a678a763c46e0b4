import { hash } from 'node:crypto';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { EncodeFailure, toIntegrityError, writer } from './canonical-json.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/** What is hashed for one audit record (never personal data values — only names of fields). */
export type AuditRecordCore = {
  /** Gapless, starts at 1. */
  seq: number;
  /** ISO-8601 UTC with milliseconds. */
  at: string;
  /** E.g. 'vault.field_revealed'. */
  type: string;
  actorAccountId: string | null;
  actorRole: string | null;
  actorSession: string | null;
  purpose: string | null;
  action: string;
  decision: 'allowed' | 'denied';
  subjectId: string | null;
  fields: string[];
  requestId: string | null;
  /** The event's own typed payload. */
  data: { [k: string]: JsonValue };
  /** Hex leaf hash of record seq-1; 64 zeros for seq 1. */
  prevHash: string;
};

/** prevHash of the first record. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** Version of the record encoding, hashed into every record as member "v". */
export const RECORD_ENCODING_VERSION = 1;

/** The record's members in RFC 8785 order (UTF-16 code units); a test checks this against a sort. */
export const ENCODED_MEMBER_ORDER = [
  'action',
  'actorAccountId',
  'actorRole',
  'actorSession',
  'at',
  'data',
  'decision',
  'fields',
  'prevHash',
  'purpose',
  'requestId',
  'seq',
  'subjectId',
  'type',
  'v',
] as const;

/**
 * Canonical bytes of a record: the UTF-8 of the RFC 8785 (JCS) serialization of the object
 * `{ ...record, v: 1 }` — its 14 members plus the encoding version, no others. Deterministic and independent of
 * the property order of `record` and of `record.data`.
 *
 * The fixed shape is written member by member in the order above (the verifier's hot path: no generic walk, no
 * key sort, no intermediate string); only `data` goes through the generic JCS writer. A property test checks the
 * bytes against an independent JCS reference on random records. Throws `record_not_encodable` on a value JCS
 * cannot carry (see canonical-json.ts) or a member of the wrong type; the message names the member, never a value.
 */
export function encodeRecord(r: AuditRecordCore): Buffer {
  writeRecord(r, undefined);
  return Buffer.from(writer.view());
}

/** leafHash(encodeRecord(r)). */
export function recordLeafHash(r: AuditRecordCore): Buffer {
  return Buffer.from(recordLeafHashHex(r), 'hex');
}

/** Hex of leafHash(encodeRecord(r)) = SHA-256(0x00 ‖ canonical bytes), written and hashed in place. */
export function recordLeafHashHex(r: AuditRecordCore): string {
  writeRecord(r, 0x00);
  return hash('sha256', writer.view(), 'hex');
}

function writeRecord(r: AuditRecordCore, prefixByte: number | undefined): void {
  writer.reset(prefixByte);
  try {
    writer.ascii('{"action":');
    str(r.action);
    writer.ascii(',"actorAccountId":');
    strOrNull(r.actorAccountId);
    writer.ascii(',"actorRole":');
    strOrNull(r.actorRole);
    writer.ascii(',"actorSession":');
    strOrNull(r.actorSession);
    writer.ascii(',"at":');
    str(r.at);
    writer.ascii(',"data":');
    if (r.data === null || typeof r.data !== 'object' || Array.isArray(r.data)) throw new EncodeFailure('is not an object');
    writer.value(r.data, 'data', 0);
    writer.ascii(',"decision":');
    str(r.decision);
    writer.ascii(',"fields":[');
    if (!Array.isArray(r.fields)) throw new EncodeFailure('is not an array');
    for (let i = 0; i < r.fields.length; i++) {
      if (i > 0) writer.ascii(',');
      str(r.fields[i]);
    }
    writer.ascii('],"prevHash":');
    str(r.prevHash);
    writer.ascii(',"purpose":');
    strOrNull(r.purpose);
    writer.ascii(',"requestId":');
    strOrNull(r.requestId);
    writer.ascii(',"seq":');
    if (!Number.isSafeInteger(r.seq) || r.seq < 0) throw new EncodeFailure('is not a non-negative safe integer');
    writer.ascii(String(r.seq));
    writer.ascii(',"subjectId":');
    strOrNull(r.subjectId);
    writer.ascii(',"type":');
    str(r.type);
    writer.ascii(`,"v":${RECORD_ENCODING_VERSION}}`);
  } catch (error) {
    throw error instanceof EncodeFailure ? diagnose(r) : error;
  }
}

function str(value: unknown): void {
  if (typeof value !== 'string') throw new EncodeFailure('is not a string');
  writer.string(value);
}

function strOrNull(value: unknown): void {
  if (value === null) writer.ascii('null');
  else str(value);
}

/**
 * Slow path, only after a refusal: encodes member by member to name the one at fault (the hot path keeps no
 * member bookkeeping).
 */
function diagnose(r: AuditRecordCore): AuditIntegrityError {
  const nullable = new Set(['actorAccountId', 'actorRole', 'actorSession', 'purpose', 'subjectId', 'requestId']);
  for (const member of ENCODED_MEMBER_ORDER) {
    if (member === 'v') continue;
    const value: unknown = r[member];
    try {
      writer.reset();
      if (member === 'seq') {
        if (!Number.isSafeInteger(value) || (value as number) < 0) throw new EncodeFailure('is not a non-negative safe integer');
      } else if (member === 'data') {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new EncodeFailure('is not an object');
        writer.value(value, 'data', 0);
      } else if (member === 'fields') {
        if (!Array.isArray(value)) throw new EncodeFailure('is not an array');
        value.forEach((item: unknown, i) => {
          try {
            str(item);
          } catch (error) {
            if (error instanceof EncodeFailure) error.segments.unshift(`[${i}]`);
            throw error;
          }
        });
      } else if (!(nullable.has(member) && value === null)) str(value);
    } catch (error) {
      return toIntegrityError(error, member) as AuditIntegrityError;
    }
  }
  return new AuditIntegrityError('record_not_encodable', 'record cannot be encoded');
}
