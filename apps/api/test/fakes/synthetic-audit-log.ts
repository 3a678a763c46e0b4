import { signCheckpoint } from '../../src/modules/audit/integrity/checkpoint.ts';
import { createFrontier } from '../../src/modules/audit/integrity/merkle-frontier.ts';
import {
  GENESIS_PREV_HASH,
  recordLeafHashHex,
  type AuditRecordCore,
  type JsonValue,
} from '../../src/modules/audit/integrity/record-encoding.ts';
import { generateSigningKeySeed, signingKeyFromEnv, type AuditSigningKey } from '../../src/modules/audit/integrity/signing-keys.ts';
import type { StoredAuditRow, StoredCheckpoint } from '../../src/modules/audit/integrity/verify-audit-log.ts';

/**
 * A deterministic, realistic-looking audit log for the integrity tests and the benchmark — never used by the
 * running app. Identifiers are made up; no personal data appears (fields are listed by name only).
 */
export type SyntheticAuditLog = {
  rows: StoredAuditRow[];
  checkpoints: StoredCheckpoint[];
  key: AuditSigningKey;
  verifier: { publicKey: AuditSigningKey['publicKey']; keyName: string; origin: string };
};

export const SYNTHETIC_ORIGIN = 'sealbridge.test/audit';

const EVENTS = [
  { type: 'vault.field_revealed', action: 'reveal', fields: ['mobile'], purpose: 'deal_contact' },
  { type: 'vault.field_revealed', action: 'reveal', fields: ['idNumber', 'legalName'], purpose: 'kyc_review' },
  { type: 'listing.updated', action: 'update', fields: [], purpose: null },
  { type: 'identity.signed_in', action: 'sign_in', fields: [], purpose: null },
  { type: 'consent.withdrawn', action: 'withdraw', fields: ['email'], purpose: 'marketing' },
  { type: 'rights.export_delivered', action: 'export', fields: ['mobile', 'email', 'idNumber'], purpose: 'rights_request' },
] as const;
const ROLES = ['broker', 'privacy_officer', 'seller', 'buyer', 'auditor', null] as const;

export function buildSyntheticAuditLog(options: {
  size: number;
  checkpointEvery: number;
  seed?: number;
  key?: AuditSigningKey;
}): SyntheticAuditLog {
  const random = mulberry32(options.seed ?? 20261128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const id = (prefix: string) =>
    `${prefix}_${Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0')}${Math.floor(random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0')}`;
  const start = Date.UTC(2026, 10, 28, 1, 0, 0);
  const records: AuditRecordCore[] = [];
  for (let seq = 1; seq <= options.size; seq++) {
    const event = pick(EVENTS);
    const role = pick(ROLES);
    // Payloads carry identifiers and codes; about one in five also carries a short staff note, often in Chinese.
    const data: { [k: string]: JsonValue } = {
      listingId: id('lst'),
      channel: pick(['web', 'api', 'console']),
      count: Math.floor(random() * 5),
      flags: { masked: random() < 0.5, breakGlass: random() < 0.05 },
    };
    if (random() < 0.2) data.note = pick(['客户要求回电确认转让意向', 'routine review', '尽职调查资料已核对', 'deal room opened']);
    records.push({
      seq,
      at: new Date(start + seq * 1234).toISOString(),
      type: event.type,
      actorAccountId: role ? id('acc') : null,
      actorRole: role,
      actorSession: role ? id('ses') : null,
      purpose: event.purpose,
      action: event.action,
      decision: random() < 0.9 ? 'allowed' : 'denied',
      subjectId: event.fields.length ? id('sub') : null,
      fields: [...event.fields],
      requestId: id('req'),
      data,
      prevHash: '',
    });
  }
  const rows = sealRecords(records);
  const key = options.key ?? signingKeyFromEnv(generateSigningKeySeed(), SYNTHETIC_ORIGIN);
  return {
    rows,
    checkpoints: signCheckpointsEvery(rows, options.checkpointEvery, key, SYNTHETIC_ORIGIN),
    key,
    verifier: { publicKey: key.publicKey, keyName: key.keyName, origin: SYNTHETIC_ORIGIN },
  };
}

/** Sets prevHash and leafHash of every record in order, as the writer does (and as an attacker could). */
export function sealRecords(records: readonly AuditRecordCore[], prevHash = GENESIS_PREV_HASH): StoredAuditRow[] {
  let prev = prevHash;
  return records.map((record) => {
    const sealed = { ...record, prevHash: prev };
    const leafHash = recordLeafHashHex(sealed);
    prev = leafHash;
    return { ...sealed, leafHash };
  });
}

/** Signed checkpoints at every `every` records (sizes every, 2·every, …, up to rows.length). */
export function signCheckpointsEvery(
  rows: readonly StoredAuditRow[],
  every: number,
  key: AuditSigningKey,
  origin: string,
): StoredCheckpoint[] {
  const frontier = createFrontier();
  const checkpoints: StoredCheckpoint[] = [];
  for (const row of rows) {
    frontier.appendHex(row.leafHash);
    if (frontier.size % every === 0) {
      checkpoints.push({ size: frontier.size, note: signCheckpoint(key, { origin, size: frontier.size, rootHash: frontier.root() }) });
    }
  }
  return checkpoints;
}

/** Small fast deterministic PRNG (public-domain mulberry32): fixtures must not change between runs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
