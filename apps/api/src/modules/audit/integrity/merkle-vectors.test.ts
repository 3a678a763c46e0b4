import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFrontier } from './merkle-frontier.ts';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree.ts';
import { verifyConsistency, verifyInclusion } from './merkle-verify.ts';
import { leafHash, nodeHash } from './tree-hashes.ts';

/*
 * Published RFC 6962 / RFC 9162 test vectors from github.com/transparency-dev/merkle (Apache-2.0):
 * proof/verify_test.go (leaves, roots, inclusionProofs, consistencyProofs; commit 02194e9afb6c1d95b5381350007963aa70fff472)
 * and rfc6962/rfc6962_test.go (hasher vectors). The same data is in certificate-transparency-go's merkle tests.
 * Their inclusion vectors number leaves from 1; here indexes are 0-based.
 */
const h = (hex: string) => Buffer.from(hex, 'hex');
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(h);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // size 0: SHA-256 of no bytes
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
const INCLUSION: { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY: { oldSize: number; newSize: number; proof: string[] }[] = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const LEAVES = LEAF_INPUTS.map(leafHash);
const root = (size: number) => ROOTS[size] as Buffer;
let passed = 0;

describe('RFC 6962 / RFC 9162 published test vectors (transparency-dev/merkle)', () => {
  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes (rfc6962_test.go)', () => {
    assert.equal(leafHash(Buffer.alloc(0)).toString('hex'), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    assert.equal(leafHash(Buffer.from('L123456')).toString('hex'), '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
    assert.equal(
      nodeHash(Buffer.from('N123'), Buffer.from('N456')).toString('hex'),
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
    passed += 3;
  });

  it('computes the published root for every size 0..8, by merkleRoot and by the frontier', () => {
    const frontier = createFrontier();
    for (let size = 0; size <= 8; size++) {
      if (size > 0) frontier.append(LEAVES[size - 1] as Buffer);
      assert.deepEqual(merkleRoot(LEAVES.slice(0, size)), root(size), `merkleRoot size ${size}`);
      assert.deepEqual(frontier.root(), root(size), `frontier size ${size}`);
      passed += 2;
    }
  });

  it('generates and verifies the published inclusion proofs, and rejects them for a neighbouring leaf', () => {
    for (const v of INCLUSION) {
      const proof = v.proof.map(h);
      assert.deepEqual(inclusionProof(v.index, LEAVES.slice(0, v.size)), proof, `generate ${v.index}/${v.size}`);
      assert.ok(verifyInclusion(v.index, v.size, LEAVES[v.index] as Buffer, proof, root(v.size)), `verify ${v.index}/${v.size}`);
      if (v.size > 1) assert.ok(!verifyInclusion((v.index + 1) % v.size, v.size, LEAVES[v.index] as Buffer, proof, root(v.size)));
      passed += 2;
    }
  });

  it('generates and verifies the published consistency proofs, and rejects them against a wrong old root', () => {
    for (const v of CONSISTENCY) {
      const proof = v.proof.map(h);
      assert.deepEqual(consistencyProof(v.oldSize, LEAVES.slice(0, v.newSize)), proof, `generate ${v.oldSize}->${v.newSize}`);
      assert.ok(verifyConsistency(v.oldSize, v.newSize, root(v.oldSize), root(v.newSize), proof), `verify ${v.oldSize}->${v.newSize}`);
      if (proof.length) assert.ok(!verifyConsistency(v.oldSize, v.newSize, root(v.oldSize - 1), root(v.newSize), proof));
      passed += 2;
    }
  });

  it('rejects the corruptions of verify_test.go: wrong index or size, garbage before or after, a removed node', () => {
    for (const v of INCLUSION.filter((x) => x.proof.length > 0)) {
      const proof = v.proof.map(h);
      const leaf = LEAVES[v.index] as Buffer;
      const r = root(v.size);
      const probes: [number, number, Buffer, readonly Buffer[], Buffer][] = [
        [v.index - 1, v.size, leaf, proof, r],
        [v.index + 1, v.size, leaf, proof, r],
        [v.index ^ 2, v.size, leaf, proof, r],
        [v.index, v.size * 2, leaf, proof, r],
        [v.index, Math.floor(v.size / 2), leaf, proof, r],
        [v.index, v.size, Buffer.from('WrongLeaf'), proof, r],
        [v.index, v.size, leaf, proof, root(0)],
        [v.index, v.size, leaf, [...proof, Buffer.alloc(0)], r],
        [v.index, v.size, leaf, [...proof, r], r],
        [v.index, v.size, leaf, [r, ...proof], r],
        [v.index, v.size, leaf, proof.slice(0, -1), r],
      ];
      for (const [i, size, l, p, rt] of probes) assert.ok(!verifyInclusion(i, size, l, p, rt), `inclusion probe ${i}/${size}`);
      passed += probes.length;
    }
    for (const v of CONSISTENCY.filter((x) => x.proof.length > 0)) {
      const proof = v.proof.map(h);
      const [r1, r2] = [root(v.oldSize), root(v.newSize)];
      const probes: [number, number, Buffer, Buffer, readonly Buffer[]][] = [
        [v.oldSize - 1, v.newSize, r1, r2, proof],
        [v.oldSize + 1, v.newSize, r1, r2, proof],
        [v.oldSize ^ 2, v.newSize, r1, r2, proof],
        [v.oldSize, v.newSize * 2, r1, r2, proof],
        [v.oldSize, Math.floor(v.newSize / 2), r1, r2, proof],
        [v.oldSize, v.newSize, r2, r1, proof],
        [v.oldSize, v.newSize, r1, r2, []],
        [v.oldSize, v.newSize, r1, r2, [...proof, r1]],
        [v.oldSize, v.newSize, r1, r2, [r2, ...proof]],
        [v.oldSize, v.newSize, r1, r2, [proof[0] as Buffer, ...proof]],
        [v.oldSize, v.newSize, r1, r2, proof.slice(0, -1)],
      ];
      for (const [s1, s2, a, b, p] of probes) assert.ok(!verifyConsistency(s1, s2, a, b, p), `consistency probe ${s1}->${s2}`);
      passed += probes.length;
    }
  });

  it('handles the trivial cases of verify_test.go: equal sizes need equal roots, old size 0 needs the empty root', () => {
    assert.ok(verifyConsistency(1, 1, root(1), root(1), []));
    assert.ok(!verifyConsistency(1, 1, root(1), root(2), []));
    assert.ok(!verifyConsistency(1, 1, root(1), root(1), [root(0)]));
    assert.ok(verifyConsistency(0, 5, root(0), root(5), []));
    assert.ok(!verifyConsistency(0, 5, root(1), root(5), []));
    assert.ok(!verifyConsistency(2, 1, root(2), root(1), []));
    assert.ok(!verifyInclusion(0, 0, LEAVES[0] as Buffer, [], root(0)));
    passed += 7;
    console.log(`RFC 6962/9162 vector checks passed: ${passed}`);
  });
});
