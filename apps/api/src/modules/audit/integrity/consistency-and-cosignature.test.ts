import assert from 'node:assert/strict';
import { createHash, verify } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { consistencyProofRanges } from './consistency-ranges.ts';
import { cosignatureKeyId, cosignCheckpoint, cosignerVkey, findCosignature, noteBody, parseCosignerVkey } from './cosignature.ts';
import { consistencyProof, merkleRoot } from './merkle-tree.ts';
import { verifyConsistency } from './merkle-verify.ts';
import { generateSigningKeySeed, signingKeyFromEnv } from './signing-keys.ts';
import { leafHash } from './tree-hashes.ts';
import { signCheckpoint } from './checkpoint.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('consistency proofs computed range by range', () => {
  test('the range roots equal RFC 9162 PROOF(m, D[n]) for every 0 ≤ m ≤ n ≤ 40', () => {
    const all = leaves(40);
    for (let n = 0; n <= 40; n++) {
      for (let m = 0; m <= n; m++) {
        const byRanges = consistencyProofRanges(m, n).map((r) => merkleRoot(all.slice(r.start, r.end)));
        assert.deepEqual(byRanges, consistencyProof(m, all.slice(0, n)), `m=${m} n=${n}`);
      }
    }
  });

  test('for random sizes up to 5000 the proof verifies and is logarithmic', () => {
    const all = leaves(5000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (n, mRaw) => {
        const m = Math.max(1, mRaw % (n + 1));
        const proof = consistencyProofRanges(m, n).map((r) => merkleRoot(all.slice(r.start, r.end)));
        assert.ok(proof.length <= 2 * Math.ceil(Math.log2(n + 1)));
        assert.ok(verifyConsistency(m, n, merkleRoot(all.slice(0, m)), merkleRoot(all.slice(0, n)), proof));
      }),
      { numRuns: 60 },
    );
  });

  test('sizes out of order are refused', () => {
    assert.throws(() => consistencyProofRanges(5, 4), RangeError);
    assert.throws(() => consistencyProofRanges(-1, 4), RangeError);
  });
});

describe('C2SP cosignature/v1', () => {
  const log = signingKeyFromEnv(generateSigningKeySeed(), 'example.com/behind-the-sofa');
  const witness = signingKeyFromEnv(generateSigningKeySeed(), 'witness.example.com/w1');
  const cosigner = { keyName: 'witness.example.com/w1', privateKey: witness.privateKey, publicKey: witness.publicKey };
  const note = signCheckpoint(log, {
    origin: 'example.com/behind-the-sofa',
    size: 20852163,
    rootHash: createHash('sha256').update('x').digest(),
  });

  test('the signed message is "cosignature/v1", the time line and the checkpoint body, as the spec writes it', () => {
    const cosig = cosignCheckpoint(noteBody(note), cosigner, 1679315147);
    const blob = Buffer.from(cosig.line.split(' ')[2] as string, 'base64');
    assert.equal(blob.length, 4 + 8 + 64);
    const raw = Buffer.from(witness.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
    const keyId = createHash('sha256')
      .update('witness.example.com/w1\n')
      .update(Buffer.from([0x04]))
      .update(raw)
      .digest()
      .subarray(0, 4);
    assert.deepEqual(blob.subarray(0, 4), keyId);
    assert.deepEqual(cosignatureKeyId('witness.example.com/w1', raw), keyId);
    assert.equal(blob.readBigUInt64BE(4), 1679315147n);
    const message = `cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n${createHash('sha256').update('x').digest('base64')}\n`;
    assert.ok(verify(null, Buffer.from(message), witness.publicKey, blob.subarray(12)));
    assert.match(cosig.line, /^— witness\.example\.com\/w1 [A-Za-z0-9+/]{102}==$/);
  });

  test('a cosigned note still opens with the log key, and the witness vkey finds and checks the cosignature', () => {
    const cosig = cosignCheckpoint(noteBody(note), cosigner, 1_700_000_000);
    const cosigned = `${note}${cosig.line}\n`;
    const verifier = parseCosignerVkey(cosignerVkey('witness.example.com/w1', witness.publicKey));
    const lines = cosigned
      .slice(noteBody(cosigned).length + 1)
      .split('\n')
      .filter(Boolean);
    assert.equal(findCosignature(lines, noteBody(cosigned), verifier)?.timestamp, 1_700_000_000);
    const tampered = noteBody(note).replace('20852163', '20852164');
    assert.throws(() => findCosignature(lines, tampered, verifier), /invalid cosignature/);
  });

  test("a witness vkey of the log's algorithm (0x01) or with a wrong key ID is refused", () => {
    assert.throws(() => parseCosignerVkey(log.vkey), /algorithm 4/);
    const vkey = cosignerVkey('witness.example.com/w1', witness.publicKey);
    assert.throws(() => parseCosignerVkey(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+')), /key id/);
  });
});
