import { createCipheriv, createDecipheriv, randomFillSync, type KeyObject } from 'node:crypto';
import { assertKeyId, buildAad, NONCE_BYTES, parseSealed, TAG_BYTES, writeHeader, type PayloadKind } from './sealed-format.ts';
import { DecryptionError } from './vault-crypto-errors.ts';

/**
 * AES-256-GCM seal of `plaintext` under `key`, labelled with `keyId` and bound to `context` through the AAD.
 * A fresh random 96-bit nonce per call: safe because each key seals far fewer than 2^32 values (a DEK seals one
 * subject's fields, a KEK seals DEKs), which keeps the nonce-collision probability negligible.
 * Never zeroes `plaintext`: the caller owns it (a Buffer for key material, a string for field values).
 */
export function seal(key: KeyObject, keyId: string, kind: PayloadKind, context: readonly string[], plaintext: Buffer | string): Buffer {
  assertKeyId(keyId);
  const headerLength = 4 + keyId.length;
  // A string goes straight to OpenSSL: no extra plaintext copy in a JS Buffer that would need zeroing.
  const length = typeof plaintext === 'string' ? Buffer.byteLength(plaintext, 'utf8') : plaintext.length;
  const out = Buffer.allocUnsafe(headerLength + NONCE_BYTES + TAG_BYTES + length);
  writeHeader(out, kind, keyId);
  const nonce = out.subarray(headerLength, headerLength + NONCE_BYTES);
  randomFillSync(nonce);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(buildAad(out, headerLength, context));
  const body = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  cipher.final(); // GCM is a stream mode: final() emits no bytes
  body.copy(out, headerLength + NONCE_BYTES + TAG_BYTES);
  cipher.getAuthTag().copy(out, headerLength + NONCE_BYTES);
  return out;
}

export type OpenExpectation = {
  kind: PayloadKind;
  /** The key id the caller believes sealed the value; a different one in the header is a KEY_MISMATCH. */
  keyId: string;
  context: readonly string[];
  /** Names the thing being opened in error messages, e.g. "field persons.mobile" (identifiers only). */
  what: string | (() => string);
};

/** Opens a sealed value; every failure is a DecryptionError and no partial plaintext is ever returned. */
export function open(key: KeyObject, blob: Buffer, expect: OpenExpectation): Buffer {
  const parts = parseSealed(blob, expect.keyId);
  const what = () => (typeof expect.what === 'string' ? expect.what : expect.what());
  if (parts.kind !== expect.kind) {
    throw new DecryptionError(
      'CIPHERTEXT_KIND_MISMATCH',
      `${what()}: ciphertext holds payload kind ${parts.kind}, expected ${expect.kind}`,
    );
  }
  if (parts.keyId !== expect.keyId) {
    throw new DecryptionError('KEY_MISMATCH', `${what()}: ciphertext names key ${parts.keyId}, expected ${expect.keyId}`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, parts.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(buildAad(blob, parts.headerEnd, expect.context));
  decipher.setAuthTag(parts.tag);
  const plaintext = decipher.update(parts.ciphertext);
  try {
    decipher.final();
  } catch {
    plaintext.fill(0);
    throw new DecryptionError(
      'AUTHENTICATION_FAILED',
      `${what()}: ciphertext failed authentication (tampered, moved to another row or column, or wrong key)`,
    );
  }
  return plaintext;
}
