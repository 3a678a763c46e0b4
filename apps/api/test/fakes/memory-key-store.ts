import type { DekRecord, KekRecord, VaultKeyStore } from '../../src/modules/vault/crypto/index.ts';

/**
 * An in-memory VaultKeyStore for tests and throw-away demos (nothing persists). It counts reads so tests can
 * prove the caches work. The real store lives in the vault repository over `vault_kek` / `vault_data_key`.
 */
export type MemoryKeyStore = VaultKeyStore & {
  putKeks(ring: readonly KekRecord[]): void;
  putDataKey(record: DekRecord): void;
  deleteDataKey(dekId: string): void;
  dataKeys(): DekRecord[];
  reads: { listKeks: number; findDataKey: number };
};

export function createMemoryKeyStore(): MemoryKeyStore {
  let keks: readonly KekRecord[] = [];
  const deks = new Map<string, DekRecord>();
  const reads = { listKeks: 0, findDataKey: 0 };
  return {
    reads,
    listKeks: async () => {
      reads.listKeks++;
      return keks.map((k) => ({ ...k }));
    },
    findDataKey: async (dekId) => {
      reads.findDataKey++;
      const record = deks.get(dekId);
      return record && { ...record };
    },
    putKeks: (ring) => {
      keks = ring.map((k) => ({ ...k }));
    },
    putDataKey: (record) => {
      deks.set(record.dekId, { ...record });
    },
    deleteDataKey: (dekId) => {
      deks.delete(dekId);
    },
    dataKeys: () => [...deks.values()].map((r) => ({ ...r })),
  };
}
