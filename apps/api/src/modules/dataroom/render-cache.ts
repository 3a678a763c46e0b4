/**
 * A least-recently-used map bounded by a weight (bytes), for un-watermarked page bitmaps and parsed documents.
 * Memory only: nothing here is ever written to disk. `onEvict` releases native resources.
 */
export function createLru<V>(maxWeight: number, weigh: (value: V) => number, onEvict?: (value: V) => void) {
  const entries = new Map<string, { value: V; weight: number }>();
  let total = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.weight;
    onEvict?.(entry.value);
  };
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key: string, value: V): void {
      drop(key);
      const weight = weigh(value);
      if (weight > maxWeight) return;
      entries.set(key, { value, weight });
      total += weight;
      while (total > maxWeight) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
    },
    /** Forgets every entry whose key starts with `prefix` (a version, or a whole room after crypto-shredding). */
    forget(prefix: string): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) drop(key);
    },
    get weight() {
      return total;
    },
    get size() {
      return entries.size;
    },
  };
}
