import { EMPTY_ROOT_HEX, HASH_BYTES, nodeHash } from './tree-hashes.ts';

/**
 * The Merkle tree of RFC 9162 §2.1 as pure functions over an array of leaf hashes (each 32 bytes: leafHash of a
 * record, never the record itself). These are the reference definitions — each proof costs O(n) hashing —
 * used for proofs served on demand and in tests; streaming work goes through the frontier.
 */

/** MTH(D[n]); the empty tree's root is SHA-256 of no bytes. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  checkLeaves(leaves);
  return subtreeRoot(leaves, 0, leaves.length);
}

/** PATH(index, D[n]) of RFC 9162 §2.1.3.1: sibling hashes from the leaf up. Requires 0 ≤ index < n. */
export function inclusionProof(index: number, leaves: readonly Buffer[]): Buffer[] {
  checkLeaves(leaves);
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside a tree of size ${leaves.length}`);
  }
  const proof: Buffer[] = [];
  path(index, leaves, 0, leaves.length, proof);
  return proof;
}

/**
 * PROOF(oldSize, D[n]) of RFC 9162 §2.1.4.1, n = leaves.length. Empty when oldSize = n, and — by this module's
 * convention, the RFC defines only 0 < oldSize — when oldSize = 0: the empty tree is a prefix of every tree.
 */
export function consistencyProof(oldSize: number, leaves: readonly Buffer[]): Buffer[] {
  checkLeaves(leaves);
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > leaves.length) {
    throw new RangeError(`old size ${oldSize} is outside 0..${leaves.length}`);
  }
  const proof: Buffer[] = [];
  if (oldSize > 0) subproof(oldSize, leaves, 0, leaves.length, true, proof);
  return proof;
}

/** Largest power of two strictly smaller than n (n ≥ 2). Plain arithmetic: sizes may exceed 32 bits. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function subtreeRoot(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 0) return Buffer.from(EMPTY_ROOT_HEX, 'hex');
  if (n === 1) return leaves[start] as Buffer;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

function path(m: number, leaves: readonly Buffer[], start: number, end: number, out: Buffer[]): void {
  const n = end - start;
  if (n === 1) return;
  const k = splitPoint(n);
  if (m < k) {
    path(m, leaves, start, start + k, out);
    out.push(subtreeRoot(leaves, start + k, end));
  } else {
    path(m - k, leaves, start + k, end, out);
    out.push(subtreeRoot(leaves, start, start + k));
  }
}

function subproof(m: number, leaves: readonly Buffer[], start: number, end: number, complete: boolean, out: Buffer[]): void {
  const n = end - start;
  if (m === n) {
    if (!complete) out.push(subtreeRoot(leaves, start, end));
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(m, leaves, start, start + k, complete, out);
    out.push(subtreeRoot(leaves, start + k, end));
  } else {
    subproof(m - k, leaves, start + k, end, false, out);
    out.push(subtreeRoot(leaves, start, start + k));
  }
}

function checkLeaves(leaves: readonly Buffer[]): void {
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i];
    if (!Buffer.isBuffer(leaf) || leaf.length !== HASH_BYTES) throw new TypeError(`leaf ${i} is not a ${HASH_BYTES}-byte hash`);
  }
}
