import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { AuditIntegrityError } from './audit-integrity-errors.ts';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 signatures, the format of Go's
 * golang.org/x/mod/sumdb/note — so notes signed here open with that package and the tools built on it:
 *
 *   <text ending in a newline>
 *   <blank line>
 *   — <key name> base64(4-byte key ID ‖ 64-byte Ed25519 signature over the text)
 *
 * key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]; verifier key ("vkey") text =
 * `<key name>+<key ID as 8 hex digits>+base64(0x01 ‖ public key)`.
 */

const ALG_ED25519 = 0x01;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Go's note package refuses more; the spec asks verifiers to accept at least 16. */
const MAX_SIGNATURES = 100;
const SIGNATURE_LINE = /^— (\S+) (\S+)$/u;

/** Who may sign: a key name, its 4-byte key ID and an Ed25519 private key. */
export type NoteSigner = { keyName: string; keyId: Buffer; privateKey: KeyObject };
/** Whose signature is trusted: the same tuple with the public key. */
export type NoteVerifier = { keyName: string; keyId: Buffer; publicKey: KeyObject };

/** Non-empty, no Unicode space, no "+", no control character (C2SP signed-note key names). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && name.isWellFormed() && !/[\s+\p{Cc}]/u.test(name);
}

export function noteKeyId(keyName: string, rawPublicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(keyName, 'utf8')
    .update(Buffer.from([0x0a, ALG_ED25519]))
    .update(rawPublicKey)
    .digest()
    .subarray(0, 4);
}

/** The 32 raw bytes of an Ed25519 public key (refuses any other key type). */
export function rawEd25519PublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new AuditIntegrityError('key_invalid', 'the audit verifier key must be an Ed25519 public key');
  }
  return Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
}

export function ed25519PublicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function formatVkey(keyName: string, rawPublicKey: Buffer): string {
  const material = Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey]).toString('base64');
  return `${keyName}+${noteKeyId(keyName, rawPublicKey).toString('hex')}+${material}`;
}

/** Parses and checks a vkey: name rules, 8 lowercase hex digits that match the key, algorithm 0x01, 32 bytes. */
export function parseVkey(vkey: string): { keyName: string; keyId: Buffer; rawPublicKey: Buffer } {
  const bad = (why: string) => new AuditIntegrityError('vkey_malformed', `verifier key is malformed: ${why}`);
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw bad('expected <name>+<key id>+<key>');
  const keyName = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  const material = strictBase64(vkey.slice(second + 1));
  if (!isValidKeyName(keyName)) throw bad('invalid key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw bad('key id must be 8 lowercase hex digits');
  if (!material || material.length !== 33 || material[0] !== ALG_ED25519) throw bad('expected an Ed25519 key (algorithm 1, 32 bytes)');
  const rawPublicKey = material.subarray(1);
  if (!noteKeyId(keyName, rawPublicKey).equals(Buffer.from(idHex, 'hex'))) throw bad('key id does not match the key');
  return { keyName, keyId: Buffer.from(idHex, 'hex'), rawPublicKey };
}

/** The whole signed note: text, blank line, one signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  if (!isNoteText(text))
    throw new AuditIntegrityError('note_malformed', 'note text must be UTF-8 ending in a newline, without control characters');
  if (!isValidKeyName(signer.keyName) || signer.keyId.length !== 4)
    throw new AuditIntegrityError('key_invalid', 'invalid signing key name or id');
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n— ${signer.keyName} ${Buffer.concat([signer.keyId, signature]).toString('base64')}\n`;
}

/**
 * The text of a note carrying a valid signature by `verifier`. Signatures by other keys are ignored (as the
 * spec requires); a signature by this key that does not verify rejects the whole note (signature_invalid);
 * no signature by it is no_trusted_signature; anything unparsable is note_malformed.
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const malformed = (why: string) => new AuditIntegrityError('note_malformed', `signed note is malformed: ${why}`);
  if (!isNoteText(note)) throw malformed('not newline-terminated UTF-8 text without control characters');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  let verified = 0;
  for (const line of lines) {
    const match = SIGNATURE_LINE.exec(line);
    const blob = match ? strictBase64(match[2] as string) : undefined;
    if (!match || !isValidKeyName(match[1] as string) || !blob || blob.length < 5) throw malformed('bad signature line');
    if (match[1] !== verifier.keyName || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, blob.subarray(4))) {
      throw new AuditIntegrityError('signature_invalid', `invalid signature for key ${verifier.keyName}+${verifier.keyId.toString('hex')}`);
    }
    verified += 1;
  }
  if (verified === 0)
    throw new AuditIntegrityError(
      'no_trusted_signature',
      `note has no signature by key ${verifier.keyName}+${verifier.keyId.toString('hex')}`,
    );
  return text;
}

/** Standard base64 with padding, refusing anything Node's lenient decoder would otherwise accept. */
export function strictBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

function isNoteText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the rule itself: no control character but newline
  return text.endsWith('\n') && text.isWellFormed() && !/[\u0000-\u0009\u000b-\u001f]/.test(text);
}
