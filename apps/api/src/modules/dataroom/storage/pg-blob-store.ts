import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors/index.ts';
import { assertBlobKey, inPieces, type BlobStore } from './blob-store.ts';

const PIECE_BYTES = 256 * 1024;
const PIECES_PER_READ = 8;

/**
 * The scale-out store: sealed bytes in `dataroom_blob_chunks` (256 KiB rows), so every instance behind the load
 * balancer reads every file. Reads page through the rows, never holding more than a few pieces. Works on SQLite too
 * (the tests run it on both).
 */
export function createDatabaseBlobStore(db: Kysely<Database>): BlobStore {
  return {
    kind: 'postgres',
    async put(key, sealed) {
      assertBlobKey(key);
      let seq = 0;
      let total = 0;
      try {
        for await (const piece of inPieces(sealed, PIECE_BYTES)) {
          await db.insertInto('dataroom_blob_chunks').values({ blob_key: key, seq, data: piece }).execute();
          seq += 1;
          total += piece.length;
        }
      } catch (error) {
        await db.deleteFrom('dataroom_blob_chunks').where('blob_key', '=', key).execute();
        throw error;
      }
      return total;
    },
    async get(key) {
      assertBlobKey(key);
      const first = await db
        .selectFrom('dataroom_blob_chunks')
        .select('seq')
        .where('blob_key', '=', key)
        .where('seq', '=', 0)
        .executeTakeFirst();
      if (!first) throw new AppError('NOT_FOUND', 'blob not found');
      async function* pieces() {
        for (let from = 0; ; from += PIECES_PER_READ) {
          const rows = await db
            .selectFrom('dataroom_blob_chunks')
            .select(['seq', 'data'])
            .where('blob_key', '=', key)
            .where('seq', '>=', from)
            .where('seq', '<', from + PIECES_PER_READ)
            .orderBy('seq')
            .execute();
          for (const row of rows) yield Buffer.from(row.data);
          if (rows.length < PIECES_PER_READ) return;
        }
      }
      return Readable.from(pieces());
    },
    async delete(key) {
      await db.deleteFrom('dataroom_blob_chunks').where('blob_key', '=', key).execute();
    },
  };
}
