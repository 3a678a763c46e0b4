import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { createFrontier } from './merkle-frontier.ts';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree.ts';
import { verifyConsistency, verifyInclusion } from './merkle-verify.ts';
import { leafHash } from './tree-hashes.ts';

const MAX = 200;
const LEAVES = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
const ROOTS = Array.from({ length: MAX + 1 }, (_, n) => merkleRoot(LEAVES.slice(0, n)));
const sizeAndIndex = fc.integer({ min: 1, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
const oldAndNew = fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

function flipBit(buffer: Buffer, bit: number): Buffer {
  const copy = Buffer.from(buffer);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] as number) ^ (1 << (bit % 8));
  return copy;
}

describe('Merkle tree properties', () => {
  it('verifies the inclusion proof of every leaf of every tree up to 64 leaves', () => {
    for (let size = 1; size <= 64; size++) {
      const leaves = LEAVES.slice(0, size);
      for (let index = 0; index < size; index++) {
        assert.ok(
          verifyInclusion(index, size, leaves[index] as Buffer, inclusionProof(index, leaves), ROOTS[size] as Buffer),
          `${index}/${size}`,
        );
      }
    }
  });

  it('verifies inclusion proofs for any index of any size up to 200', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([size, index]) => {
        const leaves = LEAVES.slice(0, size);
        assert.ok(verifyInclusion(index, size, leaves[index] as Buffer, inclusionProof(index, leaves), ROOTS[size] as Buffer));
      }),
      { numRuns: 600 },
    );
  });

  it('verifies consistency proofs for any old size m ≤ new size n ≤ 200', () => {
    fc.assert(
      fc.property(oldAndNew, ([m, n]) => {
        const proof = consistencyProof(m, LEAVES.slice(0, n));
        assert.ok(verifyConsistency(m, n, ROOTS[m] as Buffer, ROOTS[n] as Buffer, proof));
      }),
      { numRuns: 600 },
    );
    for (let n = 1; n <= 32; n++)
      for (let m = 0; m <= n; m++)
        assert.ok(verifyConsistency(m, n, ROOTS[m] as Buffer, ROOTS[n] as Buffer, consistencyProof(m, LEAVES.slice(0, n))));
  });

  it('gives a frontier fed n leaves the root merkleRoot gives the first n leaves, for every n up to 200', () => {
    const frontier = createFrontier();
    assert.deepEqual(frontier.root(), ROOTS[0]);
    for (let n = 1; n <= MAX; n++) {
      frontier.append(LEAVES[n - 1] as Buffer);
      assert.equal(frontier.size, n);
      assert.deepEqual(frontier.root(), ROOTS[n], `n = ${n}`);
      assert.ok(frontier.snapshot().length <= Math.ceil(Math.log2(n + 1)));
    }
  });

  it('restores a frontier from its snapshot and size and carries on to the same roots', () => {
    fc.assert(
      fc.property(oldAndNew, ([m, n]) => {
        const first = createFrontier();
        for (const leaf of LEAVES.slice(0, m)) first.append(leaf);
        const restored = createFrontier(first.snapshot(), m);
        for (const leaf of LEAVES.slice(m, n)) restored.appendHex(leaf.toString('hex'));
        assert.deepEqual(restored.root(), ROOTS[n]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a snapshot that does not fit its size, or a leaf that is not a 32-byte hash', () => {
    const frontier = createFrontier();
    for (const leaf of LEAVES.slice(0, 5)) frontier.append(leaf);
    const isInvalid = (error: unknown) => error instanceof AuditIntegrityError && error.reason === 'frontier_invalid';
    assert.throws(() => createFrontier(frontier.snapshot(), 7), isInvalid); // 5 = 0b101 has two subtrees, 7 has three
    assert.throws(() => createFrontier(frontier.snapshot()), isInvalid);
    assert.throws(() => createFrontier(['zz'.repeat(32)], 1), isInvalid);
    assert.throws(() => frontier.append(Buffer.alloc(31)), isInvalid);
    assert.throws(() => frontier.appendHex('AB'.repeat(32)), isInvalid);
  });

  it('rejects an inclusion proof when any single bit of the proof, the leaf or the root is flipped', () => {
    fc.assert(
      fc.property(
        sizeAndIndex.filter(([size]) => size > 1),
        fc.nat(),
        fc.nat(255),
        ([size, index], pick, bit) => {
          const leaves = LEAVES.slice(0, size);
          const proof = inclusionProof(index, leaves);
          const leaf = leaves[index] as Buffer;
          const root = ROOTS[size] as Buffer;
          const target = pick % (proof.length + 2);
          if (target < proof.length) {
            const bad = proof.map((p, i) => (i === target ? flipBit(p, bit) : p));
            assert.ok(!verifyInclusion(index, size, leaf, bad, root));
          } else if (target === proof.length) assert.ok(!verifyInclusion(index, size, flipBit(leaf, bit), proof, root));
          else assert.ok(!verifyInclusion(index, size, leaf, proof, flipBit(root, bit)));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('rejects a consistency proof when any single bit of the proof or of either root is flipped', () => {
    fc.assert(
      fc.property(
        oldAndNew.filter(([m, n]) => m > 0 && m < n),
        fc.nat(),
        fc.nat(255),
        ([m, n], pick, bit) => {
          const proof = consistencyProof(m, LEAVES.slice(0, n));
          const [oldRoot, newRoot] = [ROOTS[m] as Buffer, ROOTS[n] as Buffer];
          const target = pick % (proof.length + 2);
          if (target < proof.length) {
            const bad = proof.map((p, i) => (i === target ? flipBit(p, bit) : p));
            assert.ok(!verifyConsistency(m, n, oldRoot, newRoot, bad));
          } else if (target === proof.length) assert.ok(!verifyConsistency(m, n, flipBit(oldRoot, bit), newRoot, proof));
          else assert.ok(!verifyConsistency(m, n, oldRoot, flipBit(newRoot, bit), proof));
        },
      ),
      { numRuns: 800 },
    );
  });
});
