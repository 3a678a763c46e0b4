import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DataKey, FieldContext } from './field-cipher.ts';
import { assertKeyId } from './sealed-format.ts';
import { DecryptionError, VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * Streaming encryption of files (data-room documents) under a subject's DEK: the online-AEAD "STREAM" construction
 * (Hoang, Reyhanitabar, Rogaway, Vizár 2015) over AES-256-GCM, as Tink's streaming AEAD and age do it.
 *
 *   header  "SBF" 0x01 | chunk size (u32 BE) | key id length L (u8) | key id (DEK id) | salt (16 random bytes)
 *   chunks  AES-256-GCM(file key, nonce = 0^7 ‖ counter u32 BE ‖ last-flag u8, chunk) ‖ tag (16 bytes)
 *
 * The file key is HKDF-SHA256(DEK, salt, "sealbridge/file/v1"): one key per file, so counter nonces never
 * repeat. Every chunk's AAD is the header plus the length-prefixed (table, column, record id) context, so a chunk
 * moved to another file, reordered (counter), or a file cut short (the last chunk alone carries the last flag) fails
 * authentication. The reader releases a chunk's plaintext only after its tag verified; memory stays at one chunk.
 */
export const FILE_MAGIC = Buffer.from([0x53, 0x42, 0x46, 0x01]);
export const FILE_CHUNK_BYTES = 64 * 1024;
const TAG = 16;
const SALT = 16;

function contextAad(header: Buffer, ctx: FieldContext): Buffer {
  const parts = [ctx.table, ctx.column, ctx.recordId].map((p) => {
    const bytes = Buffer.from(p, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    return Buffer.concat([len, bytes]);
  });
  return Buffer.concat([header, ...parts]);
}

function nonceOf(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(counter, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function fileKey(dataKey: DataKey, salt: Buffer): Buffer {
  const raw = dataKey.key.export();
  try {
    return Buffer.from(hkdfSync('sha256', raw, salt, 'sealbridge/file/v1', 32));
  } finally {
    raw.fill(0);
  }
}

/** A Transform that turns plaintext into the sealed file format, chunk by chunk (never the whole file in memory). */
export function createFileSealer(dataKey: DataKey, ctx: FieldContext, chunkBytes = FILE_CHUNK_BYTES): Transform {
  assertKeyId(dataKey.id);
  const salt = randomBytes(SALT);
  const header = Buffer.alloc(4 + 4 + 1 + dataKey.id.length + SALT);
  FILE_MAGIC.copy(header, 0);
  header.writeUInt32BE(chunkBytes, 4);
  header[8] = dataKey.id.length;
  header.write(dataKey.id, 9, 'ascii');
  salt.copy(header, 9 + dataKey.id.length);
  const key = fileKey(dataKey, salt);
  const aad = contextAad(header, ctx);
  let counter = 0;
  let pending: Buffer = Buffer.alloc(0);
  const sealChunk = (chunk: Buffer, last: boolean): Buffer => {
    if (counter > 0xffffffff) throw new VaultCryptoError('INVALID_ARGUMENT', 'file too large for one stream');
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(counter++, last), { authTagLength: TAG });
    cipher.setAAD(aad);
    const body = cipher.update(chunk);
    cipher.final();
    return Buffer.concat([body, cipher.getAuthTag()]);
  };
  let headerSent = false;
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      try {
        if (!headerSent) {
          this.push(header);
          headerSent = true;
        }
        pending = pending.length ? Buffer.concat([pending, data]) : data;
        // Keep back at least one byte: only the flush knows which chunk is the last.
        while (pending.length > chunkBytes) {
          this.push(sealChunk(pending.subarray(0, chunkBytes), false));
          pending = pending.subarray(chunkBytes);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!headerSent) this.push(header);
        this.push(sealChunk(pending, true));
        key.fill(0);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** The DEK id a sealed file names in its header (to find the key before reading further). */
export function readFileKeyId(head: Buffer): string {
  if (head.length < 9 || !head.subarray(0, 4).equals(FILE_MAGIC)) throw new DecryptionError('CIPHERTEXT_MALFORMED', 'not a sealed file');
  const length = head[8] ?? 0;
  if (head.length < 9 + length) throw new DecryptionError('CIPHERTEXT_MALFORMED', 'sealed file header cut short');
  return head.subarray(9, 9 + length).toString('ascii');
}

/**
 * A Transform from the sealed format back to plaintext. `keyFor` is asked for the DEK named in the header; a
 * wrong context, a changed byte, a missing or reordered chunk, or a file cut short all end the stream with a
 * DecryptionError, after which nothing more is pushed.
 */
export function createFileOpener(keyFor: (dekId: string) => Promise<DataKey>, ctx: FieldContext): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let key: Buffer | undefined;
  let aad: Buffer | undefined;
  let chunkBytes = 0;
  let counter = 0;
  const openChunk = (sealed: Buffer, last: boolean): Buffer => {
    if (!key || !aad) throw new DecryptionError('CIPHERTEXT_MALFORMED', 'sealed file without a header');
    if (sealed.length < TAG) throw new DecryptionError('CIPHERTEXT_MALFORMED', 'sealed file chunk cut short');
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(counter++, last), { authTagLength: TAG });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG));
    try {
      decipher.final();
    } catch {
      body.fill(0);
      throw new DecryptionError('AUTHENTICATION_FAILED', `file ${ctx.table}.${ctx.column}: chunk ${counter - 1} failed authentication`);
    }
    return body;
  };
  async function readHeader(): Promise<boolean> {
    if (buffered.length < 9) return false;
    const keyId = readFileKeyId(buffered);
    const end = 9 + keyId.length + SALT;
    if (buffered.length < end) return false;
    const header = buffered.subarray(0, end);
    chunkBytes = header.readUInt32BE(4);
    if (chunkBytes < 1024 || chunkBytes > 16 * 1024 * 1024)
      throw new DecryptionError('CIPHERTEXT_MALFORMED', 'sealed file chunk size out of range');
    key = fileKey(await keyFor(keyId), header.subarray(9 + keyId.length, end));
    aad = contextAad(Buffer.from(header), ctx);
    buffered = buffered.subarray(end);
    return true;
  }
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, data]) : data;
      (async () => {
        if (!key && !(await readHeader())) return;
        // A chunk is known not to be the last only when more bytes follow it.
        while (buffered.length > chunkBytes + TAG) {
          this.push(openChunk(buffered.subarray(0, chunkBytes + TAG), false));
          buffered = buffered.subarray(chunkBytes + TAG);
        }
      })().then(
        () => done(),
        (error: unknown) => done(error as Error),
      );
    },
    flush(done: TransformCallback) {
      try {
        if (!key) throw new DecryptionError('CIPHERTEXT_MALFORMED', 'sealed file cut short before its first chunk');
        this.push(openChunk(buffered, true));
        key.fill(0);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
