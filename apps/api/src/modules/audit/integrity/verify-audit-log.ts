import type { KeyObject } from 'node:crypto';
import { checkpointVerifier, type Checkpoint } from './checkpoint.ts';
import { frontierCore } from './merkle-frontier.ts';
import { GENESIS_PREV_HASH, recordLeafHashHex, type AuditRecordCore } from './record-encoding.ts';
import { EMPTY_ROOT_HEX } from './tree-hashes.ts';

/** An audit row as read back from the database. */
export type StoredAuditRow = AuditRecordCore & { /** Hex, as stored. */ leafHash: string };
/** A checkpoint to hold the log to: stored in the database, or outside evidence (`source` names where from). */
export type StoredCheckpoint = { size: number; note: string; source?: string };

export type AuditFailureReason =
  | 'sequence_gap'
  | 'sequence_order'
  | 'leaf_hash_mismatch'
  | 'chain_broken'
  | 'checkpoint_root_mismatch'
  | 'checkpoint_signature_invalid'
  | 'truncated_below_checkpoint';

export type VerifyResult = {
  ok: boolean;
  /** Records that passed every check (on failure: those before firstBadSeq). */
  checkedRecords: number;
  /** Checkpoints whose root matched the recomputed tree. */
  checkedCheckpoints: number;
  /** Rows read (the verifier stops reading at the first failure). */
  size: number;
  /** The first sequence number that fails; absent for checkpoint_signature_invalid (no record is at fault). */
  firstBadSeq?: number;
  reason?: AuditFailureReason;
  /** Human text, identifiers only (sequence numbers, sizes): never a record's content. */
  detail?: string;
};

export type AuditLogVerifier = { publicKey: KeyObject; keyName: string; origin: string };

type Target = { size: number; rootHex: string; source: string | undefined };

const from = (source: string | undefined) => (source ? ` (${source})` : '');

/**
 * Verifies the whole audit trail in one pass, in O(log n) memory: rows must arrive in seq order (a database
 * cursor or an array). Stops at the first failure and says where (firstBadSeq) and why (reason):
 *
 * 1. every checkpoint note must carry a valid signature by the verifier key, for this origin, at its stored size;
 * 2. seq must run 1, 2, 3… — a missing number is sequence_gap at it, a number that comes later than its place
 *    is sequence_order at the place it was expected;
 * 3. the leaf hash recomputed from the record's canonical encoding must equal the stored leafHash
 *    (leaf_hash_mismatch: any edited field, including prevHash and leafHash themselves);
 * 4. prevHash must equal the previous record's leaf hash (chain_broken: a record edited with its own leafHash
 *    recomputed shows up at the next record);
 * 5. at each checkpoint size the Merkle root of the records so far must equal the signed root
 *    (checkpoint_root_mismatch: the rows were rewritten with every hash and the chain recomputed — only the
 *    signing key could hide that; firstBadSeq is then the first record after the last matching checkpoint);
 * 6. the log must reach the largest checkpoint (truncated_below_checkpoint at rows + 1).
 *
 * Records after the newest checkpoint are protected by the chain only: rewriting them with every hash recomputed,
 * or cutting them off, is detectable only against a later checkpoint kept elsewhere (see README).
 */
export async function verifyAuditLog(
  rows: AsyncIterable<StoredAuditRow> | Iterable<StoredAuditRow>,
  checkpoints: readonly StoredCheckpoint[],
  verifier: AuditLogVerifier,
): Promise<VerifyResult> {
  const targets = checkCheckpoints(checkpoints, verifier);
  if (!Array.isArray(targets)) return targets;
  const checker = createRowChecker(targets);
  if (checker.done()) return checker.finish();
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) if (checker.push(row)) break;
  } else {
    // A plain loop: `for await` over a sync iterable would cost a promise turn per row.
    for (const row of rows) if (checker.push(row)) break;
  }
  return checker.finish();
}

/**
 * Verifies every note first; returns the targets sorted by size, or the failure. A verifier key that is not
 * Ed25519 is a configuration error, not tampering: it throws (key_invalid) instead of failing the log.
 */
function checkCheckpoints(checkpoints: readonly StoredCheckpoint[], verifier: AuditLogVerifier): Target[] | VerifyResult {
  const open: (note: string) => Checkpoint = checkpointVerifier(verifier.publicKey, verifier.keyName);
  const targets: Target[] = [];
  for (const stored of checkpoints) {
    let problem: string | undefined;
    try {
      const cp = open(stored.note);
      if (cp.origin !== verifier.origin) problem = `it is signed for another log origin`;
      else if (cp.size !== stored.size) problem = `its signed size ${cp.size} differs from the stored size`;
      else targets.push({ size: cp.size, rootHex: cp.rootHash.toString('hex'), source: stored.source });
    } catch (error) {
      problem = error instanceof Error ? error.message : 'it cannot be verified';
    }
    if (problem) {
      return {
        ...failure(0, 0, 0),
        reason: 'checkpoint_signature_invalid',
        detail: `checkpoint at size ${stored.size}${from(stored.source)} is rejected: ${problem}`,
      };
    }
  }
  return targets.sort((a, b) => a.size - b.size);
}

function createRowChecker(targets: readonly Target[]) {
  const frontier = frontierCore();
  let expected = 1;
  let prevHex = GENESIS_PREV_HASH;
  let rowsRead = 0;
  let nextTarget = 0;
  let checkedCheckpoints = 0;
  let lastMatchedSize = 0;
  let missing: { seq: number; found: number } | undefined;
  let result: VerifyResult | undefined;

  const fail = (reason: AuditFailureReason, firstBadSeq: number, detail: string): true => {
    result = { ...failure(expected - 1, checkedCheckpoints, rowsRead), firstBadSeq, reason, detail };
    return true;
  };

  /** Compares every checkpoint at the current size; false once one fails. */
  function checkTargets(size: number, rootHex: () => string): boolean {
    // Several checkpoints may share a size (the database's and outside copies): all must match before any counts.
    const matchedBefore = lastMatchedSize;
    for (; nextTarget < targets.length && (targets[nextTarget] as Target).size === size; nextTarget++) {
      const target = targets[nextTarget] as Target;
      if (target.rootHex !== rootHex()) {
        const first = matchedBefore + 1;
        fail(
          'checkpoint_root_mismatch',
          first,
          `records ${first}..${size} do not produce the root signed in the checkpoint at size ${size}${from(target.source)}`,
        );
        return false;
      }
      checkedCheckpoints += 1;
      lastMatchedSize = size;
    }
    return true;
  }
  checkTargets(0, () => EMPTY_ROOT_HEX);

  return {
    done: () => result !== undefined,
    /** Checks one row; true means stop reading. */
    push(row: StoredAuditRow): boolean {
      rowsRead += 1;
      if (missing) {
        // After a jump in seq, only look for the missing number: later means reordered, never means deleted.
        if (row.seq !== missing.seq) return false;
        return fail('sequence_order', missing.seq, `record ${missing.seq} comes after record ${missing.found} instead of before it`);
      }
      const seq = expected;
      if (row.seq !== seq) {
        if (row.seq < seq) return fail('sequence_order', seq, `record ${row.seq} appears again where record ${seq} was expected`);
        missing = { seq, found: row.seq };
        return false;
      }
      let leafHex: string;
      try {
        leafHex = recordLeafHashHex(row);
      } catch (error) {
        return fail(
          'leaf_hash_mismatch',
          seq,
          `record ${seq} cannot be encoded canonically: ${error instanceof Error ? error.message : 'unknown'}`,
        );
      }
      if (leafHex !== row.leafHash) return fail('leaf_hash_mismatch', seq, `record ${seq} does not hash to its stored leafHash`);
      if (row.prevHash !== prevHex) return fail('chain_broken', seq, `prevHash of record ${seq} is not the leaf hash of record ${seq - 1}`);
      frontier.appendTrustedHex(leafHex); // our own hash output: no need to re-check its form
      prevHex = leafHex;
      expected += 1;
      return !checkTargets(seq, frontier.rootHex);
    },
    finish(): VerifyResult {
      if (result) return result;
      if (missing) {
        return {
          ...failure(expected - 1, checkedCheckpoints, rowsRead),
          firstBadSeq: missing.seq,
          reason: 'sequence_gap',
          detail: `record ${missing.seq} is missing (the next record present is ${missing.found})`,
        };
      }
      const size = expected - 1;
      const last = targets.at(-1);
      const largest = last?.size ?? 0;
      if (largest > size) {
        return {
          ...failure(size, checkedCheckpoints, rowsRead),
          firstBadSeq: size + 1,
          reason: 'truncated_below_checkpoint',
          detail: `the log ends at record ${size} but a signed checkpoint covers ${largest} records${from(last?.source)}`,
        };
      }
      return { ok: true, checkedRecords: size, checkedCheckpoints, size: rowsRead };
    },
  };
}

function failure(checkedRecords: number, checkedCheckpoints: number, size: number): VerifyResult {
  return { ok: false, checkedRecords, checkedCheckpoints, size };
}
