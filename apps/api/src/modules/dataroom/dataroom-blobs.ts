import { randomBytes } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import type { DataroomFormat } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Subject, Vault } from '../vault/index.ts';
import { sniffFormat, SNIFF_BYTES } from './file-types.ts';
import type { BlobStore } from './storage/blob-store.ts';

export type SealedFiles = {
  /** Streams `source` through the type and size checks and the vault's sealer into the blob store. */
  store(
    subject: Subject,
    source: Readable,
    options: { fileName: string; maxBytes: number; expect?: DataroomFormat },
  ): Promise<{ key: string; format: DataroomFormat; plainBytes: number }>;
  /** The plaintext of a stored file, as a stream (decrypted chunk by chunk). */
  open(subjectId: string, key: string): Promise<Readable>;
  /** The whole plaintext in memory — for pdf.js, which parses whole files; bounded by the upload limit. */
  read(subjectId: string, key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

const aadOf = (key: string) => `dataroom_versions.blob_key:${key}`;
export const newBlobKey = () => randomBytes(18).toString('base64url');

/**
 * The only path from an upload to storage: bytes are counted (over the limit → DATAROOM_FILE_TOO_LARGE), the type is
 * read from the first bytes (DATAROOM_FILE_TYPE), and everything else passes straight into the vault's streaming
 * sealer — nothing is buffered whole or written in plaintext. A refused or failed upload leaves no blob behind.
 */
export function createSealedFiles(deps: { vault: Pick<Vault, 'sealFileStream' | 'openFileStream'>; blobs: BlobStore }): SealedFiles {
  return {
    async store(subject, source, options) {
      const key = newBlobKey();
      let seen = 0;
      let head: Buffer[] = [];
      let format: DataroomFormat | null | undefined;
      const decide = () => {
        const bytes = Buffer.concat(head);
        format = sniffFormat(bytes, options.fileName);
        head = [];
        if (!format || (options.expect && options.expect !== format)) throw new AppError('DATAROOM_FILE_TYPE', 'refused by content type');
      };
      const inspector = new Transform({
        transform(chunk: Buffer, _enc, done) {
          seen += chunk.length;
          if (seen > options.maxBytes)
            return done(new AppError('DATAROOM_FILE_TOO_LARGE', 'upload over the limit', { maxBytes: options.maxBytes }));
          try {
            if (format === undefined) {
              head.push(chunk);
              if (seen >= SNIFF_BYTES) decide();
            }
            done(null, chunk);
          } catch (error) {
            done(error as Error);
          }
        },
        flush(done) {
          try {
            if (seen === 0) throw new AppError('DATAROOM_FILE_TYPE', 'empty upload');
            if (format === undefined) decide();
            done();
          } catch (error) {
            done(error as Error);
          }
        },
      });
      const sealer = await deps.vault.sealFileStream(subject, aadOf(key));
      // Upload → inspector → sealer as one pipeline whose end the store consumes: an error anywhere destroys every
      // stage (the store's write then fails and removes what it had), and is reported once, as the first error.
      let failure: unknown;
      const sealed = pipeline(source, inspector, sealer, (error) => {
        if (error) failure ??= error;
      });
      try {
        await deps.blobs.put(key, sealed);
      } catch (error) {
        await deps.blobs.delete(key).catch(() => undefined);
        source.resume();
        throw failure ?? error;
      }
      if (failure) {
        await deps.blobs.delete(key).catch(() => undefined);
        throw failure;
      }
      if (!format) throw new AppError('DATAROOM_FILE_TYPE', 'refused by content type');
      return { key, format, plainBytes: seen };
    },
    async open(subjectId, key) {
      const opener = await deps.vault.openFileStream(subjectId, aadOf(key));
      const sealed = await deps.blobs.get(key);
      sealed.on('error', (error) => opener.destroy(error));
      return sealed.pipe(opener);
    },
    async read(subjectId, key) {
      const chunks: Buffer[] = [];
      await pipelineAsync(await this.open(subjectId, key), async (stream: AsyncIterable<Buffer>) => {
        for await (const chunk of stream) chunks.push(chunk);
      });
      return Buffer.concat(chunks);
    },
    remove: (key) => deps.blobs.delete(key),
  };
}
