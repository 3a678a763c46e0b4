import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { ed25519PublicKeyFromRaw, isValidKeyName, rawEd25519PublicKey, strictBase64 } from './signed-note.ts';

/**
 * C2SP tlog-cosignature v1 (Ed25519, https://c2sp.org/tlog-cosignature): a witness's statement that, as of its
 * timestamp, the checkpoint is the largest consistent tree head it has seen for the log. A cosignature is a
 * signed-note signature line
 *
 *   — <witness name> base64(key ID(4) ‖ timestamp(8, big-endian POSIX seconds) ‖ Ed25519 signature(64))
 *
 * over "cosignature/v1\ntime <timestamp>\n" followed by the whole checkpoint body (with its final newline, without
 * signature lines). Key ID = SHA-256(name ‖ 0x0A ‖ 0x04 ‖ 32-byte public key)[:4]; a witness's vkey is
 * `<name>+<key ID hex>+base64(0x04 ‖ public key)`. The log's own verifier skips these lines (other key IDs).
 */
const ALG_COSIGNATURE_V1 = 0x04;
const SIGNATURE_LINE = /^— (\S+) (\S+)$/u;

export type Cosigner = { keyName: string; privateKey: KeyObject; publicKey: KeyObject };
export type CosignatureVerifier = { keyName: string; keyId: Buffer; publicKey: KeyObject; vkey: string };
export type Cosignature = { keyName: string; keyId: string; timestamp: number; line: string };

export function cosignatureKeyId(keyName: string, rawPublicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(keyName, 'utf8')
    .update(Buffer.from([0x0a, ALG_COSIGNATURE_V1]))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);
}

/** The witness vkey: `<name>+<key ID>+base64(0x04 ‖ public key)`. */
export function cosignerVkey(keyName: string, publicKey: KeyObject): string {
  const raw = rawEd25519PublicKey(publicKey);
  return `${keyName}+${cosignatureKeyId(keyName, raw).toString('hex')}+${Buffer.concat([Buffer.from([ALG_COSIGNATURE_V1]), raw]).toString('base64')}`;
}

/** Parses and checks a witness vkey (name rules, algorithm 0x04, key ID matching the key). */
export function parseCosignerVkey(vkey: string): CosignatureVerifier {
  const bad = (why: string) => new AuditIntegrityError('vkey_malformed', `witness key is malformed: ${why}`);
  const text = vkey.trim();
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw bad('expected <name>+<key id>+<key>');
  const keyName = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  const material = strictBase64(text.slice(second + 1));
  if (!isValidKeyName(keyName)) throw bad('invalid key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw bad('key id must be 8 lowercase hex digits');
  if (!material || material.length !== 33 || material[0] !== ALG_COSIGNATURE_V1)
    throw bad('expected a cosignature/v1 Ed25519 key (algorithm 4, 32 bytes)');
  const raw = material.subarray(1);
  if (!cosignatureKeyId(keyName, raw).equals(Buffer.from(idHex, 'hex'))) throw bad('key id does not match the key');
  return { keyName, keyId: Buffer.from(idHex, 'hex'), publicKey: ed25519PublicKeyFromRaw(raw), vkey: text };
}

function signedMessage(checkpointBody: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${checkpointBody}`, 'utf8');
}

/** The body of a signed note: the text above the blank line, with its final newline. */
export function noteBody(note: string): string {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new AuditIntegrityError('note_malformed', 'signed note is malformed: no blank line before the signatures');
  return note.slice(0, split + 1);
}

/** A cosignature/v1 line over the checkpoint body (`timestamp` in POSIX seconds). */
export function cosignCheckpoint(checkpointBody: string, cosigner: Cosigner, timestamp: number): Cosignature {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new AuditIntegrityError('key_invalid', 'cosignature time must be a non-negative integer');
  const keyId = cosignatureKeyId(cosigner.keyName, rawEd25519PublicKey(cosigner.publicKey));
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, signedMessage(checkpointBody, timestamp), cosigner.privateKey);
  const line = `— ${cosigner.keyName} ${Buffer.concat([keyId, time, signature]).toString('base64')}`;
  return { keyName: cosigner.keyName, keyId: keyId.toString('hex'), timestamp, line };
}

/**
 * The cosignature by `verifier` among a note's signature lines (or a lone line), verified over `checkpointBody`;
 * undefined when the witness did not cosign. A line by this witness that fails is signature_invalid.
 */
export function findCosignature(lines: readonly string[], checkpointBody: string, verifier: CosignatureVerifier): Cosignature | undefined {
  for (const line of lines) {
    const match = SIGNATURE_LINE.exec(line);
    if (!match || match[1] !== verifier.keyName) continue;
    const blob = strictBase64(match[2] as string);
    if (!blob || blob.length !== 4 + 8 + 64 || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    const timestamp = blob.readBigUInt64BE(4);
    if (timestamp > BigInt(Number.MAX_SAFE_INTEGER))
      throw new AuditIntegrityError('signature_invalid', `cosignature by ${verifier.keyName} has an impossible time`);
    const seconds = Number(timestamp);
    if (!verify(null, signedMessage(checkpointBody, seconds), verifier.publicKey, blob.subarray(12))) {
      throw new AuditIntegrityError('signature_invalid', `invalid cosignature by ${verifier.keyName}+${verifier.keyId.toString('hex')}`);
    }
    return { keyName: verifier.keyName, keyId: verifier.keyId.toString('hex'), timestamp: seconds, line };
  }
  return undefined;
}
