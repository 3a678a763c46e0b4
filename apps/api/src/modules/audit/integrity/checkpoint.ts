import type { KeyObject } from 'node:crypto';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import type { AuditSigningKey } from './signing-keys.ts';
import { noteKeyId, openNote, rawEd25519PublicKey, signNote, strictBase64 } from './signed-note.ts';
import { HASH_BYTES } from './tree-hashes.ts';

/**
 * Checkpoints (C2SP tlog-checkpoint, https://c2sp.org/tlog-checkpoint): the tree head of the audit log at one
 * size, as the text "<origin>\n<size>\n<base64 root>\n" inside a signed note. Any transparency-log tooling that
 * reads checkpoints can check ours.
 */
export type Checkpoint = { origin: string; size: number; rootHash: Buffer };

/** The note text of a checkpoint (no extension lines). */
export function formatCheckpoint(cp: Checkpoint): string {
  // eslint-disable-next-line no-control-regex -- the origin must fit on one line of a note
  if (cp.origin.length === 0 || !cp.origin.isWellFormed() || /[\u0000-\u001f]/.test(cp.origin)) {
    throw new AuditIntegrityError('checkpoint_malformed', 'checkpoint origin must be one non-empty line of text');
  }
  if (!Number.isSafeInteger(cp.size) || cp.size < 0)
    throw new AuditIntegrityError('checkpoint_malformed', 'checkpoint size must be a non-negative integer');
  if (!Buffer.isBuffer(cp.rootHash) || cp.rootHash.length !== HASH_BYTES) {
    throw new AuditIntegrityError('checkpoint_malformed', `checkpoint root must be ${HASH_BYTES} bytes`);
  }
  return `${cp.origin}\n${cp.size}\n${cp.rootHash.toString('base64')}\n`;
}

/**
 * Parses checkpoint text strictly: a non-empty origin, a decimal size without leading zeros, a canonical base64
 * 32-byte root; extension lines must be non-empty and are ignored (they are not auditable).
 */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = (why: string) => new AuditIntegrityError('checkpoint_malformed', `checkpoint is malformed: ${why}`);
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3) throw bad('expected origin, size and root hash lines');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) throw bad('empty origin');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw bad('size is not a canonical decimal');
  const rootHash = strictBase64(rootText);
  if (!rootHash || rootHash.length !== HASH_BYTES) throw bad(`root hash is not ${HASH_BYTES} bytes in base64`);
  if (extensions.some((line) => line.length === 0)) throw bad('empty extension line');
  return { origin, size: Number(sizeText), rootHash };
}

/** The whole signed note of a checkpoint, ready to store, publish or hand to a witness. */
export function signCheckpoint(key: AuditSigningKey, cp: Checkpoint): string {
  return signNote(formatCheckpoint(cp), { keyName: key.keyName, keyId: Buffer.from(key.keyId, 'hex'), privateKey: key.privateKey });
}

/**
 * The checkpoint in `note` once a signature by (`keyName`, `publicKey`) verifies. Throws AuditIntegrityError:
 * note_malformed, signature_invalid, no_trusted_signature (e.g. signed by another key), checkpoint_malformed, or
 * key_invalid for a key that is not Ed25519. The caller checks the origin against the log it expects.
 */
export function verifyCheckpointNote(note: string, publicKey: KeyObject, keyName: string): Checkpoint {
  return checkpointVerifier(publicKey, keyName)(note);
}

/** verifyCheckpointNote with the key ID derived once, for checking many notes. */
export function checkpointVerifier(publicKey: KeyObject, keyName: string): (note: string) => Checkpoint {
  const keyId = noteKeyId(keyName, rawEd25519PublicKey(publicKey));
  return (note) => parseCheckpoint(openNote(note, { keyName, keyId, publicKey }));
}
