import type { Readable } from 'node:stream';

/**
 * Where sealed document bytes live. Every adapter stores only what the vault's file sealer produced: the key names
 * a version, never a file name, and nothing an adapter holds is readable without the room's data key.
 */
export type BlobStore = {
  readonly kind: 'fs' | 'postgres' | 's3';
  /** Consumes the sealed stream and stores it under `key`; resolves with the stored byte count. A failed write leaves nothing. */
  put(key: string, sealed: Readable): Promise<number>;
  /** The sealed bytes, streamed. Throws NOT_FOUND when the key is unknown. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
};

export const BLOB_KEY = /^[A-Za-z0-9_-]{8,80}$/;

export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) throw new Error('a blob key is 8–80 characters of [A-Za-z0-9_-]');
}

/** Re-slices a byte stream into pieces of exactly `size` bytes (the last one shorter). */
export async function* inPieces(source: AsyncIterable<Buffer | Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    pending.push(Buffer.from(chunk));
    length += chunk.length;
    while (length >= size) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      length -= size;
    }
  }
  if (length > 0) yield Buffer.concat(pending);
}
