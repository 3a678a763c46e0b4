import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuditIntegrityError, type AuditIntegrityReason } from './audit-integrity-errors.ts';
import { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpointNote } from './checkpoint.ts';
import { openNote, parseVkey, signNote } from './signed-note.ts';
import { generateSigningKeySeed, publicKeyFromVkey, signingKeyFromEnv } from './signing-keys.ts';

/*
 * Interoperability vectors from Go's reference implementation, golang.org/x/mod/sumdb/note (note_test.go):
 * the PeterNeumann signer/verifier keys and the note they sign. Ed25519 is deterministic (RFC 8032), so signing the
 * same text with the same seed must reproduce the published note byte for byte.
 */
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const GO_ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const GO_NOTE = `${GO_TEXT}\n${GO_SIG}`;
/** The Go skey is PRIVATE+KEY+<name>+<id>+base64(0x01 ‖ 32-byte seed); the base64 may itself hold "+". */
const GO_SEED_BASE64 = Buffer.from(GO_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1).toString('base64');

const ORIGIN = 'sealbridge.test/audit';
const key = signingKeyFromEnv(generateSigningKeySeed(), ORIGIN);
const ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

function rejects(fn: () => unknown, reason: AuditIntegrityReason): void {
  assert.throws(fn, (error: unknown) => error instanceof AuditIntegrityError && error.reason === reason, reason);
}

describe('signed notes (C2SP signed-note, Go sumdb/note compatible)', () => {
  it('derives the published Go key from its seed: same name, key ID and verifier key', () => {
    const goKey = signingKeyFromEnv(GO_SEED_BASE64, 'PeterNeumann');
    assert.equal(goKey.vkey, GO_VKEY);
    assert.equal(goKey.publicKeyBase64, GO_VKEY);
    assert.equal(goKey.keyId, 'c74f20a3');
  });

  it('signs the Go reference text into exactly the published note', () => {
    const goKey = signingKeyFromEnv(GO_SEED_BASE64, 'PeterNeumann');
    assert.equal(
      signNote(GO_TEXT, { keyName: goKey.keyName, keyId: Buffer.from(goKey.keyId, 'hex'), privateKey: goKey.privateKey }),
      GO_NOTE,
    );
  });

  it('opens the published note with the published verifier key and ignores signatures by unknown keys', () => {
    const { keyName, publicKey } = publicKeyFromVkey(GO_VKEY);
    const verifier = { keyName, keyId: parseVkey(GO_VKEY).keyId, publicKey };
    assert.equal(openNote(GO_NOTE, verifier), GO_TEXT);
    assert.equal(openNote(`${GO_TEXT}\n${GO_ENOCH_SIG}${GO_SIG}`, verifier), GO_TEXT);
    rejects(() => openNote(`${GO_TEXT}\n${GO_ENOCH_SIG}`, verifier), 'no_trusted_signature');
    rejects(() => openNote(GO_NOTE.replace('cryptography', 'cryptographY'), verifier), 'signature_invalid');
    rejects(() => openNote(`${GO_TEXT}\n${GO_SIG.slice(0, 60)}ABCD${GO_SIG.slice(60)}`, verifier), 'signature_invalid');
  });

  it('refuses the malformed notes of the Go test suite', () => {
    const { keyName, publicKey } = publicKeyFromVkey(GO_VKEY);
    const verifier = { keyName, keyId: parseVkey(GO_VKEY).keyId, publicKey };
    for (const bad of [
      GO_TEXT,
      `${GO_TEXT}\n`,
      `${GO_TEXT}\n${GO_SIG.slice(0, -1)}`,
      `\u0001${GO_TEXT}\n${GO_SIG}`,
      `${GO_TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
      `${GO_TEXT}\n${GO_SIG}Unexpected line.\n`,
      `${GO_TEXT}\n${GO_SIG.repeat(101)}`,
    ]) {
      rejects(() => openNote(bad, verifier), 'note_malformed');
    }
  });

  it('refuses every truncation and every one-character change of a verifier key (as Go does)', () => {
    for (let i = 0; i <= GO_VKEY.length; i++) {
      for (let j = i + 1; j <= GO_VKEY.length; j++)
        if (i !== 0 || j !== GO_VKEY.length) assert.throws(() => publicKeyFromVkey(GO_VKEY.slice(i, j)));
    }
    for (let i = 0; i < GO_VKEY.length; i++) {
      const changed = GO_VKEY.slice(0, i) + String.fromCharCode(GO_VKEY.charCodeAt(i) + 1) + GO_VKEY.slice(i + 1);
      assert.throws(() => publicKeyFromVkey(changed), changed);
    }
  });
});

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  it('formats the body as origin, size and base64 root, each on its own line (the spec example)', () => {
    assert.equal(
      formatCheckpoint({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: ROOT }),
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it('signs a checkpoint that verifies with the published vkey and gives back origin, size and root', () => {
    const note = signCheckpoint(key, { origin: ORIGIN, size: 300, rootHash: ROOT });
    assert.match(
      note,
      new RegExp(`^${ORIGIN}\\n300\\n${ROOT.toString('base64').replaceAll('+', '\\+')}\\n\\n— ${ORIGIN} [A-Za-z0-9+/]{91}=\\n$`),
    ); // 4-byte key ID + 64-byte signature
    const { keyName, publicKey } = publicKeyFromVkey(key.vkey);
    assert.deepEqual(verifyCheckpointNote(note, publicKey, keyName), { origin: ORIGIN, size: 300, rootHash: ROOT });
  });

  it('rejects a checkpoint whose size or root was edited, or that another key signed', () => {
    const note = signCheckpoint(key, { origin: ORIGIN, size: 300, rootHash: ROOT });
    rejects(() => verifyCheckpointNote(note.replace('\n300\n', '\n301\n'), key.publicKey, key.keyName), 'signature_invalid');
    const other = signingKeyFromEnv(generateSigningKeySeed(), ORIGIN);
    rejects(
      () => verifyCheckpointNote(signCheckpoint(other, { origin: ORIGIN, size: 300, rootHash: ROOT }), key.publicKey, key.keyName),
      'no_trusted_signature',
    );
    const forged = note.replace(
      / [A-Za-z0-9+/=]+\n$/,
      ` ${Buffer.concat([Buffer.from(key.keyId, 'hex'), Buffer.alloc(64, 7)]).toString('base64')}\n`,
    );
    rejects(() => verifyCheckpointNote(forged, key.publicKey, key.keyName), 'signature_invalid');
    const { publicKey: ed448 } = generateKeyPairSync('ed448');
    rejects(() => verifyCheckpointNote(note, ed448, key.keyName), 'key_invalid');
  });

  it('parses strictly: decimal size without leading zeros, a 32-byte root, no empty extension line', () => {
    const ok = `${ORIGIN}\n7\n${ROOT.toString('base64')}\n`;
    assert.equal(parseCheckpoint(ok).size, 7);
    assert.equal(parseCheckpoint(`${ok}Timestamp: 1\n`).size, 7);
    for (const bad of [
      `${ORIGIN}\n07\n${ROOT.toString('base64')}\n`,
      `${ORIGIN}\n-1\n${ROOT.toString('base64')}\n`,
      `${ORIGIN}\n7\n${ROOT.subarray(1).toString('base64')}\n`,
      `${ORIGIN}\n7\n${ROOT.toString('base64url')}\n`,
      `\n7\n${ROOT.toString('base64')}\n`,
      `${ORIGIN}\n7\n${ROOT.toString('base64')}`,
      `${ORIGIN}\n7\n`,
      `${ok}\n`,
    ]) {
      rejects(() => parseCheckpoint(bad), 'checkpoint_malformed');
    }
  });
});
