import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { EMPTY_ROOT_HEX, HASH_BYTES, isHexHash, nodeHashMixed, toHex } from './tree-hashes.ts';

/**
 * Compact range (a.k.a. frontier) of a Merkle tree of `size` leaves: the roots of its perfect subtrees from left
 * to right, largest first — one per set bit of `size`, so at most 53 hashes. Appending costs one hash amortized
 * (O(log n) worst case) and root() O(log n): enough to sign a checkpoint or to verify a stream of millions of
 * records without holding them. The root equals merkleRoot of the same leaves (RFC 9162 MTH).
 */
export type MerkleFrontier = {
  /** Number of leaves appended so far (including those the snapshot stood for). */
  readonly size: number;
  append(leaf: Buffer): void;
  /** append() for a hash in its stored form (64 lowercase hex characters). */
  appendHex(leafHex: string): void;
  root(): Buffer;
  rootHex(): string;
  /** The subtree roots as hex, left to right; with `size` it restores the frontier (createFrontier). */
  snapshot(): string[];
};

/**
 * A new frontier, empty or restored from `snapshot()` and its size. Refuses (frontier_invalid) a snapshot whose
 * length is not the number of set bits of `size` or that holds anything but 64-character lowercase hex.
 */
export function createFrontier(snapshot: readonly string[] = [], size: number = snapshot.length === 0 ? 0 : Number.NaN): MerkleFrontier {
  if (!Number.isSafeInteger(size) || size < 0)
    throw new AuditIntegrityError('frontier_invalid', 'a frontier snapshot needs the tree size it stands for');
  if (snapshot.length !== popcount(size) || !snapshot.every(isHexHash)) {
    throw new AuditIntegrityError('frontier_invalid', `frontier snapshot does not fit a tree of size ${size}`);
  }
  const core = frontierCore([...snapshot], size);
  return {
    get size() {
      return core.size();
    },
    append(leaf: Buffer) {
      if (!Buffer.isBuffer(leaf) || leaf.length !== HASH_BYTES)
        throw new AuditIntegrityError('frontier_invalid', `a leaf hash must be ${HASH_BYTES} bytes`);
      core.appendTrustedHex(leaf.toString('hex'));
    },
    appendHex(leafHex: string) {
      if (!isHexHash(leafHex)) throw new AuditIntegrityError('frontier_invalid', 'a leaf hash must be 64 lowercase hex characters');
      core.appendTrustedHex(leafHex);
    },
    root: () => Buffer.from(core.rootHex(), 'hex'),
    rootHex: core.rootHex,
    snapshot: core.snapshot,
  };
}

/**
 * The frontier without input checks, for hashes this module computed itself (the verifier's hot path, where a
 * 64-character regex per record is measurable). Everyone else uses createFrontier.
 */
export function frontierCore(nodes: string[] = [], size = 0) {
  // Nodes are hex (leaves, restored snapshots) or 32-char binary strings (merged nodes): see nodeHashMixed.
  let count = size;

  function appendTrustedHex(leafHex: string): void {
    let h = leafHex;
    // Each trailing 1-bit of the old size is a complete subtree of the new leaf's height: merge it.
    for (let s = count; s % 2 === 1; s = (s - 1) / 2) h = nodeHashMixed(nodes.pop() as string, h);
    nodes.push(h);
    count += 1;
  }

  function rootHex(): string {
    let i = nodes.length - 1;
    if (i < 0) return EMPTY_ROOT_HEX;
    let r = nodes[i] as string;
    for (i -= 1; i >= 0; i--) r = nodeHashMixed(nodes[i] as string, r);
    return toHex(r);
  }

  return { size: () => count, appendTrustedHex, rootHex, snapshot: () => nodes.map(toHex) };
}

function popcount(n: number): number {
  let bits = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) bits += v % 2;
  return bits;
}
