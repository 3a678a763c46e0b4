import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { signCheckpoint } from './checkpoint.ts';
import type { AuditRecordCore } from './record-encoding.ts';
import { generateSigningKeySeed, signingKeyFromEnv } from './signing-keys.ts';
import { buildSyntheticAuditLog, sealRecords, signCheckpointsEvery, SYNTHETIC_ORIGIN } from '../../../../test/fakes/synthetic-audit-log.ts';
import { verifyAuditLog, type StoredAuditRow, type VerifyResult } from './verify-audit-log.ts';

const SIZE = 300;
const EVERY = 50; // checkpoints at 50, 100, …, 300
const log = buildSyntheticAuditLog({ size: SIZE, checkpointEvery: EVERY });
const { checkpoints, verifier } = log;
const pristine: readonly StoredAuditRow[] = log.rows;

const verify = (rows: Iterable<StoredAuditRow> | AsyncIterable<StoredAuditRow>, cps = checkpoints) => verifyAuditLog(rows, cps, verifier);

/** One-byte edit of a string: the character at `at` moves to its neighbour code (stays ASCII if it was). */
function editString(s: string, at: number): string {
  const i = at % s.length;
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
}
/** One hex digit changed, the hash stays well-formed hex. */
function editHex(hex: string, at: number): string {
  const i = at % hex.length;
  return hex.slice(0, i) + ((parseInt(hex[i] as string, 16) + 1) % 16).toString(16) + hex.slice(i + 1);
}

type Field = keyof StoredAuditRow;
const FIELDS: Field[] = [
  'seq',
  'at',
  'type',
  'actorAccountId',
  'actorRole',
  'actorSession',
  'purpose',
  'action',
  'decision',
  'subjectId',
  'fields',
  'requestId',
  'data',
  'prevHash',
  'leafHash',
];

/** The row with one byte of one field changed (a null becomes a one-character string). */
function mutate(row: StoredAuditRow, field: Field, salt: number): StoredAuditRow {
  const value = row[field];
  switch (field) {
    case 'seq': {
      const digits = String(row.seq);
      const i = salt % digits.length;
      return { ...row, seq: Number(digits.slice(0, i) + ((Number(digits[i]) + 1) % 10) + digits.slice(i + 1)) };
    }
    case 'prevHash':
    case 'leafHash':
      return { ...row, [field]: editHex(value as string, salt) };
    case 'fields':
      return {
        ...row,
        fields: row.fields.length ? row.fields.map((f, i) => (i === salt % row.fields.length ? editString(f, salt) : f)) : ['x'],
      };
    case 'data': {
      const data = JSON.parse(JSON.stringify(row.data)) as Record<string, unknown> & {
        flags: { masked: boolean };
        count: number;
        listingId: string;
      };
      const kind = salt % 4;
      if (kind === 0) data.listingId = editString(data.listingId, salt);
      else if (kind === 1) data.count += 1;
      else if (kind === 2) data.flags.masked = !data.flags.masked;
      else {
        data.chbnnel = data.channel; // a member name edited by one byte
        delete data.channel;
      }
      return { ...row, data: data as AuditRecordCore['data'] };
    }
    default:
      return { ...row, [field]: value === null ? 'n' : editString(value as string, salt) };
  }
}

const pick = (r: VerifyResult) => ({ reason: r.reason, firstBadSeq: r.firstBadSeq });

function tally(label: string, detected: number, total: number): void {
  console.log(`${label}: detected ${detected}/${total}`);
  assert.equal(detected, total, label);
}

async function* slowly(rows: readonly StoredAuditRow[], closed: { value: boolean }) {
  try {
    for (const row of rows) {
      await Promise.resolve();
      yield row;
    }
  } finally {
    closed.value = true;
  }
}

describe('verifyAuditLog', () => {
  it('accepts an untouched log of 300 records with six signed checkpoints, from an array or an async cursor', async () => {
    const expected: VerifyResult = { ok: true, checkedRecords: SIZE, checkedCheckpoints: SIZE / EVERY, size: SIZE };
    assert.deepEqual(await verify(pristine), expected);
    assert.deepEqual(await verify(slowly(pristine, { value: false })), expected);
    assert.deepEqual(await verifyAuditLog([], [], verifier), { ok: true, checkedRecords: 0, checkedCheckpoints: 0, size: 0 });
  });

  it('detects a one-byte edit of every field of every record and locates it at that record', async () => {
    const rows = [...pristine];
    let detected = 0;
    let total = 0;
    const reasons = new Map<string, number>();
    for (let k = 1; k <= SIZE; k++) {
      for (const [f, field] of FIELDS.entries()) {
        rows[k - 1] = mutate(pristine[k - 1] as StoredAuditRow, field, k * 7 + f);
        const result = await verify(rows);
        rows[k - 1] = pristine[k - 1] as StoredAuditRow;
        total += 1;
        if (!result.ok && result.firstBadSeq === k) detected += 1;
        else assert.fail(`edit of ${field} in record ${k} gave ${JSON.stringify(result)}`);
        reasons.set(`${field}:${result.reason}`, (reasons.get(`${field}:${result.reason}`) ?? 0) + 1);
      }
    }
    tally('one-byte field edits', detected, total);
    for (const field of FIELDS.filter((f) => f !== 'seq')) assert.equal(reasons.get(`${field}:leaf_hash_mismatch`), SIZE, field);
  });

  it('detects the deletion of every record at its sequence number', async () => {
    let detected = 0;
    for (let k = 1; k <= SIZE; k++) {
      const result = await verify(pristine.filter((r) => r.seq !== k));
      const want = k === SIZE ? 'truncated_below_checkpoint' : 'sequence_gap';
      if (!result.ok && result.firstBadSeq === k && result.reason === want) detected += 1;
      else assert.fail(`deleting ${k} gave ${JSON.stringify(result)}`);
    }
    tally('deleted records', detected, SIZE);
  });

  it('detects every swapped pair of adjacent records at the first moved one', async () => {
    let detected = 0;
    for (let k = 1; k < SIZE; k++) {
      const rows = [...pristine];
      [rows[k - 1], rows[k]] = [rows[k] as StoredAuditRow, rows[k - 1] as StoredAuditRow];
      const result = await verify(rows);
      if (!result.ok && result.firstBadSeq === k && result.reason === 'sequence_order') detected += 1;
      else assert.fail(`swapping ${k} and ${k + 1} gave ${JSON.stringify(result)}`);
    }
    tally('swapped adjacent pairs', detected, SIZE - 1);
  });

  it('detects every truncation below the newest checkpoint at the first missing record', async () => {
    let detected = 0;
    for (let length = 0; length < SIZE; length++) {
      const result = await verify(pristine.slice(0, length));
      if (!result.ok && result.firstBadSeq === length + 1 && result.reason === 'truncated_below_checkpoint') detected += 1;
      else assert.fail(`truncating to ${length} gave ${JSON.stringify(result)}`);
    }
    tally('truncations', detected, SIZE);
  });

  it('catches an attacker who rewrites a record and recomputes every hash and the chain, at the checkpoint that covers it', async () => {
    let detected = 0;
    for (let k = 1; k <= SIZE; k++) {
      const edited = pristine.map((r) => (r.seq === k ? { ...r, action: editString(r.action, k) } : r));
      const result = await verify(sealRecords(edited));
      const window = Math.floor((k - 1) / EVERY) * EVERY;
      if (!result.ok && result.reason === 'checkpoint_root_mismatch' && result.firstBadSeq === window + 1) detected += 1;
      else assert.fail(`rewriting ${k} gave ${JSON.stringify(result)}`);
    }
    tally('rewrites with all hashes recomputed', detected, SIZE);
  });

  it('catches a record rewritten with only its own leaf hash recomputed at the next record, or at its checkpoint if it closes one', async () => {
    const rewrite = (k: number) => {
      const rows = [...pristine];
      const [record] = sealRecords([{ ...(pristine[k - 1] as StoredAuditRow), purpose: 'other' }], pristine[k - 2]?.leafHash);
      rows[k - 1] = record as StoredAuditRow;
      return verify(rows);
    };
    assert.deepEqual(pick(await rewrite(120)), { reason: 'chain_broken', firstBadSeq: 121 });
    assert.deepEqual(pick(await rewrite(100)), { reason: 'checkpoint_root_mismatch', firstBadSeq: 51 });
  });

  it('rejects forged or edited checkpoints before reading any record', async () => {
    const forger = signingKeyFromEnv(generateSigningKeySeed(), verifier.keyName);
    const last = checkpoints.at(-1) as { size: number; note: string };
    const forgeries = [
      { size: last.size, note: signCheckpoint(forger, { origin: SYNTHETIC_ORIGIN, size: last.size, rootHash: Buffer.alloc(32, 1) }) },
      { size: last.size, note: last.note.replace(/\n([A-Za-z0-9+/]{4})/, (_, b64: string) => `\n${b64 === 'AAAA' ? 'BBBB' : 'AAAA'}`) },
      { size: last.size, note: last.note.replace(/ [A-Za-z0-9+/]{8}/, (m) => ` ${editString(m.slice(1), 6)}`) },
      { size: last.size + 1, note: last.note },
      { size: last.size, note: signCheckpoint(log.key, { origin: 'other.example/audit', size: last.size, rootHash: Buffer.alloc(32, 1) }) },
      { size: last.size, note: 'not a note' },
    ];
    let detected = 0;
    for (const forged of forgeries) {
      const result = await verify(pristine, [...checkpoints.slice(0, -1), forged]);
      if (!result.ok && result.reason === 'checkpoint_signature_invalid' && result.checkedRecords === 0) detected += 1;
      else assert.fail(`forgery ${forgeries.indexOf(forged)} gave ${JSON.stringify(result)}`);
    }
    tally('forged checkpoints', detected, forgeries.length);
  });

  it('takes checkpoints in any order, and treats a verifier key that is not Ed25519 as a configuration error', async () => {
    assert.equal((await verify(pristine, [...checkpoints].reverse())).ok, true);
    const { publicKey } = generateKeyPairSync('ed448');
    await assert.rejects(
      verifyAuditLog(pristine, checkpoints, { ...verifier, publicKey }),
      (error: unknown) => error instanceof AuditIntegrityError && error.reason === 'key_invalid',
    );
  });

  it('stops reading an async cursor at the first failure and closes it', async () => {
    const closed = { value: false };
    const rows = pristine.map((r) => (r.seq === 10 ? { ...r, type: 'x' } : r));
    const result = await verify(slowly(rows, closed));
    assert.equal(result.firstBadSeq, 10);
    assert.equal(result.size, 10);
    assert.ok(closed.value);
  });

  it('cannot see a rewrite or a cut above the newest checkpoint without a later checkpoint kept elsewhere (documented limit)', async () => {
    const longer = buildSyntheticAuditLog({ size: 320, checkpointEvery: EVERY, key: log.key });
    const tail = longer.rows.map((r) => (r.seq > 300 ? { ...r, decision: 'denied' as const } : r));
    assert.equal((await verifyAuditLog(sealRecords(tail), longer.checkpoints, verifier)).ok, true);
    assert.equal((await verifyAuditLog(longer.rows.slice(0, 310), longer.checkpoints, verifier)).ok, true);
    // …and a checkpoint at 320 kept outside the database catches both.
    const external = signCheckpointsEvery(longer.rows, 320, log.key, SYNTHETIC_ORIGIN);
    assert.equal(
      (await verifyAuditLog(sealRecords(tail), [...longer.checkpoints, ...external], verifier)).reason,
      'checkpoint_root_mismatch',
    );
    assert.equal(
      (await verifyAuditLog(longer.rows.slice(0, 310), [...longer.checkpoints, ...external], verifier)).reason,
      'truncated_below_checkpoint',
    );
  });
});
