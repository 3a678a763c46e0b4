import { splitPoint } from './merkle-tree.ts';

/** A run of leaves [start, end) whose Merkle root (MTH of just those leaves) is one node of a proof. */
export type LeafRange = { start: number; end: number };

/**
 * The leaf ranges whose roots make up PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1, in proof order. It is
 * SUBPROOF written over ranges instead of hashes, so a server can compute each root by streaming the leaves of
 * one range through a fresh frontier: O(log n) memory and every leaf read at most once, where `consistencyProof`
 * needs every leaf in memory. Empty for oldSize 0 or oldSize = newSize (the module's convention).
 */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`old size ${oldSize} is outside 0..${newSize}`);
  }
  const out: LeafRange[] = [];
  if (oldSize > 0 && oldSize < newSize) subproof(oldSize, 0, newSize, true, out);
  return out;
}

function subproof(m: number, start: number, end: number, complete: boolean, out: LeafRange[]): void {
  const n = end - start;
  if (m === n) {
    if (!complete) out.push({ start, end });
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(m, start, start + k, complete, out);
    out.push({ start: start + k, end });
  } else {
    subproof(m - k, start + k, end, false, out);
    out.push({ start, end: start + k });
  }
}
