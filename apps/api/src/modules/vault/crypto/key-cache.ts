/**
 * A bounded, approximately-LRU map with a time-to-live, for imported KeyObjects (KEKs, DEKs, blind-index keys).
 *
 * Why bounded: a DEK per subject means millions of potential keys; only the working set stays in memory.
 * Why a TTL: after crypto-shredding on one instance, other instances may still hold the DEK in memory; the TTL
 * is the upper bound on that window when the invalidation message (Redis pub/sub, wired by the lead) is lost.
 * Evicted KeyObjects cannot be zeroed from JS; dropping the last reference lets the GC free the native memory.
 */
export type KeyCacheOptions = {
  maxEntries: number;
  ttlMs: number;
  /** Clock in milliseconds; injectable so expiry can be tested without waiting. */
  now?: () => number;
};

export type KeyCache<V> = {
  get(id: string): V | undefined;
  set(id: string, value: V): void;
  /** Explicit invalidation of one key id (e.g. after its DEK row was deleted). */
  delete(id: string): boolean;
  /** Explicit invalidation of everything (e.g. after a root-key change or on shutdown). */
  clear(): void;
  size(): number;
};

type Entry<V> = { value: V; expiresAt: number; seq: number };

/**
 * A Map iterates in insertion order, so re-inserting an entry makes it the newest and the first key is the
 * eviction victim. Re-inserting on every hit costs a delete and an insert on the hot path; instead an entry is
 * moved only when it has drifted out of the newest half (its sequence number is older than half the capacity).
 * Guarantee: an entry read within the last maxEntries/2 insertions or moves is never the one evicted.
 */
export function createKeyCache<V>(options: KeyCacheOptions): KeyCache<V> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  if (!(options.ttlMs > 0)) throw new RangeError('ttlMs must be positive');
  const now = options.now ?? Date.now;
  const freshWindow = Math.floor(options.maxEntries / 2);
  const entries = new Map<string, Entry<V>>();
  let seq = 0;

  return {
    get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(id);
        return undefined;
      }
      if (seq - entry.seq >= freshWindow) {
        entries.delete(id);
        entry.seq = ++seq;
        entries.set(id, entry);
      }
      return entry.value;
    },
    set(id, value) {
      entries.delete(id);
      entries.set(id, { value, expiresAt: now() + options.ttlMs, seq: ++seq });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    delete: (id) => entries.delete(id),
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
