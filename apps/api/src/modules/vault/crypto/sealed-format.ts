import { DecryptionError, VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * Binary layout of every sealed value (field, envelope, wrapped DEK, wrapped KEK):
 *
 *   offset   size  content
 *   0        1     format version (0x01)
 *   1        1     algorithm id (0x01 = AES-256-GCM, 96-bit nonce, 128-bit tag)
 *   2        1     payload kind (0x01 field, 0x02 envelope, 0x10 wrapped DEK, 0x11 wrapped KEK)
 *   3        1     key id length L (1..64)
 *   4        L     key id, ASCII [A-Za-z0-9._:-] (DEK id, KEK id, or root-key fingerprint)
 *   4+L      12    nonce (random)
 *   16+L     16    GCM tag
 *   32+L     n     ciphertext (n = plaintext length)
 *
 * The AAD is the header (bytes 0..4+L) followed by the length-prefixed context (see encodeContext), so any
 * change to version, algorithm, kind or key id, and any move to another row/column, fails authentication.
 * Stored as base64url text without padding: identical on SQLite and PostgreSQL TEXT, no bytea escaping.
 */
export const FORMAT_VERSION = 0x01;
export const ALG_AES_256_GCM = 0x01;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const MAX_KEY_ID_LENGTH = 64;

export const PAYLOAD_KIND = {
  field: 0x01,
  envelope: 0x02,
  dataKey: 0x10,
  kek: 0x11,
} as const;
export type PayloadKind = (typeof PAYLOAD_KIND)[keyof typeof PAYLOAD_KIND];

const KEY_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function isValidKeyId(keyId: string): boolean {
  return KEY_ID.test(keyId);
}

export function assertKeyId(keyId: string): void {
  if (!KEY_ID.test(keyId)) {
    throw new VaultCryptoError('INVALID_ARGUMENT', `key id must match ${KEY_ID.source}`);
  }
}

export type SealedParts = {
  kind: number;
  keyId: string;
  /** Length of the header (version, algorithm, kind, key id) at the start of the blob. */
  headerEnd: number;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
};

/** Writes version, algorithm, kind and key id at the start of `out`; returns the header length. */
export function writeHeader(out: Buffer, kind: PayloadKind, keyId: string): number {
  out[0] = FORMAT_VERSION;
  out[1] = ALG_AES_256_GCM;
  out[2] = kind;
  out[3] = keyId.length;
  out.write(keyId, 4, 'latin1');
  return 4 + keyId.length;
}

/** Splits a sealed value. Throws DecryptionError (never a RangeError) for anything that is not well formed. */
export function parseSealed(blob: Buffer, expectedKeyId?: string): SealedParts {
  if (blob.length < 4) throw malformed('too short');
  if (blob[0] !== FORMAT_VERSION) {
    throw new DecryptionError('CIPHERTEXT_UNSUPPORTED', `unsupported ciphertext format version ${blob[0]}`);
  }
  if (blob[1] !== ALG_AES_256_GCM) {
    throw new DecryptionError('CIPHERTEXT_UNSUPPORTED', `unsupported ciphertext algorithm ${blob[1]}`);
  }
  const keyIdLength = blob[3] ?? 0;
  const headerEnd = 4 + keyIdLength;
  if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_LENGTH || blob.length < headerEnd + NONCE_BYTES + TAG_BYTES) {
    throw malformed('bad key id length');
  }
  // An id equal to the (validated) expected one is valid by construction: compare bytes in place and skip
  // both the string decoding and the regex on the hot path.
  const keyId = expectedKeyId !== undefined && bytesEqual(blob, 4, expectedKeyId) ? expectedKeyId : blob.toString('latin1', 4, headerEnd);
  if (keyId !== expectedKeyId && !KEY_ID.test(keyId)) throw malformed('bad key id');
  const tagStart = headerEnd + NONCE_BYTES;
  return {
    kind: blob[2] ?? 0,
    keyId,
    headerEnd,
    nonce: blob.subarray(headerEnd, tagStart),
    tag: blob.subarray(tagStart, tagStart + TAG_BYTES),
    ciphertext: blob.subarray(tagStart + TAG_BYTES),
  };
}

/**
 * Canonical AAD: the header (bytes 0..headerEnd of `source`), then each context part as a 4-byte big-endian
 * byte length and its UTF-8 bytes. Length prefixes make the encoding injective: ("ab","c") and ("a","bc")
 * never produce the same bytes.
 */
export function buildAad(source: Buffer, headerEnd: number, context: readonly string[]): Buffer {
  // Fast path (the usual case: snake_case names, UUID record ids): all parts ASCII, so UTF-8 length equals
  // string length and a plain byte loop writes them — measurably cheaper than Buffer#write per part on this
  // hot path. The first non-ASCII unit falls back to the general path.
  let size = headerEnd;
  for (const part of context) size += 4 + part.length;
  const aad = Buffer.allocUnsafe(size);
  let offset = source.copy(aad, 0, 0, headerEnd);
  for (const part of context) {
    const length = part.length;
    aad.writeUInt32BE(length, offset);
    offset += 4;
    for (let i = 0; i < length; i++) {
      const unit = part.charCodeAt(i);
      if (unit > 0x7f) return buildAadExact(source, headerEnd, context);
      aad[offset++] = unit;
    }
  }
  return aad;
}

/** General path: any length, any Unicode (sized for the UTF-8 worst case so no write is ever truncated). */
function buildAadExact(source: Buffer, headerEnd: number, context: readonly string[]): Buffer {
  let size = headerEnd;
  for (const part of context) size += 4 + 3 * part.length;
  const aad = Buffer.allocUnsafe(size);
  let offset = source.copy(aad, 0, 0, headerEnd);
  for (const part of context) {
    const written = aad.write(part, offset + 4, 'utf8');
    aad.writeUInt32BE(written, offset);
    offset += 4 + written;
  }
  return aad.subarray(0, offset);
}

/** base64url without padding. */
export function toText(blob: Buffer): string {
  return blob.toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Strict inverse of toText. Node's decoder is lenient — it also accepts "+/", skips invalid characters, stops
 * at "=" and ignores the unused low bits of the last character — so a one-character edit could decode to the
 * same bytes. Checking the alphabet, the length and the unused bits makes every textual change detectable.
 * (A regex beats a hand-written character loop here, measured.)
 */
export function fromText(text: string): Buffer {
  if (typeof text !== 'string' || !BASE64URL.test(text)) throw malformed('not base64url');
  const rest = text.length % 4;
  if (rest === 1) throw malformed('bad base64url length');
  if (rest !== 0) {
    const last = BASE64URL_ALPHABET.indexOf(text.charAt(text.length - 1));
    if ((last & (rest === 2 ? 0x0f : 0x03)) !== 0) throw malformed('not canonical base64url');
  }
  return Buffer.from(text, 'base64url');
}

/** The key id named in a stored ciphertext, without decrypting (for re-wrap and erasure reports). */
export function readKeyId(text: string): string {
  return parseSealed(fromText(text)).keyId;
}

/** Whether blob[4..] starts with the header length byte and ASCII bytes of `keyId`. */
function bytesEqual(blob: Buffer, start: number, keyId: string): boolean {
  if (blob[3] !== keyId.length) return false;
  for (let i = 0; i < keyId.length; i++) if (blob[start + i] !== keyId.charCodeAt(i)) return false;
  return true;
}

function malformed(detail: string): DecryptionError {
  return new DecryptionError('CIPHERTEXT_MALFORMED', `malformed ciphertext (${detail})`);
}
