import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../platform/errors/index.ts';
import { newId } from '../../../platform/ids/index.ts';
import { assertBlobKey, type BlobStore } from './blob-store.ts';

/**
 * The embedded default: sealed files under `<dir>/<first two characters>/<key>.sealed`, mode 0600, written to a
 * temporary name and renamed into place so a reader never meets half a file.
 */
export function createFsBlobStore(dir: string): BlobStore {
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(dir, key.slice(-2), `${key}.sealed`);
  };
  return {
    kind: 'fs',
    async put(key, sealed) {
      const target = pathOf(key);
      await mkdir(join(dir, key.slice(-2)), { recursive: true, mode: 0o700 });
      const temp = `${target}.${newId()}.part`;
      try {
        await pipeline(sealed, createWriteStream(temp, { mode: 0o600, flags: 'wx' }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return (await stat(target)).size;
    },
    async get(key): Promise<Readable> {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new AppError('NOT_FOUND', 'blob not found');
      }
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
