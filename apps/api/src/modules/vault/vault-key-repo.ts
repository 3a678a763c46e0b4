import type { Kysely } from 'kysely';
import type { KeyDatabase } from '../../db/schema.ts';
import type { DekRecord, KekRecord, VaultKeyStore } from './crypto/index.ts';

/** Reads and writes of the key store (a database of its own: see KeyDatabase). Never holds plaintext keys. */
export function createVaultKeyRepo(db: Kysely<KeyDatabase>) {
  const store: VaultKeyStore = {
    async listKeks() {
      const rows = await db.selectFrom('vault_kek').selectAll().orderBy('version').execute();
      return rows.map((r): KekRecord => ({
        kekId: r.kek_id,
        version: r.version,
        status: r.status,
        wrapped: r.wrapped,
        createdAt: r.created_at,
      }));
    },
    async findDataKey(dekId) {
      const r = await db
        .selectFrom('vault_data_key')
        .select(['dek_id', 'kek_id', 'wrapped'])
        .where('dek_id', '=', dekId)
        .executeTakeFirst();
      return r ? { dekId: r.dek_id, kekId: r.kek_id, wrapped: r.wrapped } : undefined;
    },
  };
  return {
    store,
    /** Replaces the statuses of the ring in one transaction (add and promote change one or two rows). */
    async saveKekRing(ring: readonly KekRecord[]) {
      await db.transaction().execute(async (trx) => {
        const existing = new Set((await trx.selectFrom('vault_kek').select('kek_id').execute()).map((r) => r.kek_id));
        for (const k of ring) {
          if (existing.has(k.kekId)) {
            await trx.updateTable('vault_kek').set({ status: k.status }).where('kek_id', '=', k.kekId).execute();
          } else {
            await trx
              .insertInto('vault_kek')
              .values({ kek_id: k.kekId, version: k.version, status: k.status, wrapped: k.wrapped, created_at: k.createdAt })
              .execute();
          }
        }
      });
    },
    async insertDataKey(record: DekRecord, subjectId: string, createdAt: string) {
      await db
        .insertInto('vault_data_key')
        .values({ dek_id: record.dekId, subject_id: subjectId, kek_id: record.kekId, wrapped: record.wrapped, created_at: createdAt })
        .execute();
    },
    /** Crypto-shredding: the wrapped key is deleted; every ciphertext under it becomes unreadable. */
    async deleteDataKey(dekId: string) {
      const result = await db.deleteFrom('vault_data_key').where('dek_id', '=', dekId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** The erasure journal (key store): replayed over a restored data store so an erasure outlives any backup. */
    recordErasure: (row: KeyDatabase['vault_erasures']) => db.insertInto('vault_erasures').values(row).execute(),
    erasures: () => db.selectFrom('vault_erasures').selectAll().orderBy('erased_at').orderBy('id').execute(),
    listDataKeysNotUnder: (kekId: string, limit: number) =>
      db.selectFrom('vault_data_key').select(['dek_id', 'kek_id', 'wrapped']).where('kek_id', '<>', kekId).limit(limit).execute(),
    /** Optimistic: only replaces a row still wrapped by the KEK the re-wrap read. */
    async replaceWrapped(dekId: string, fromKekId: string, record: DekRecord) {
      const result = await db
        .updateTable('vault_data_key')
        .set({ kek_id: record.kekId, wrapped: record.wrapped })
        .where('dek_id', '=', dekId)
        .where('kek_id', '=', fromKekId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    countByKek: async () =>
      (
        await db
          .selectFrom('vault_data_key')
          .select(['kek_id', (eb) => eb.fn.countAll().as('n')])
          .groupBy('kek_id')
          .execute()
      ).map((r) => ({ kekId: r.kek_id, count: Number(r.n) })),
  };
}

export type VaultKeyRepo = ReturnType<typeof createVaultKeyRepo>;
