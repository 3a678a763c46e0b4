import { computeBlindIndex, type BlindIndexSpec } from './blind-index.ts';
import { createDataKey, rewrapDataKey, unwrapDataKey, type DekRecord } from './data-keys.ts';
import {
  decryptEnvelope,
  decryptField,
  encryptEnvelope,
  encryptField,
  type DataKey,
  type EnvelopeFields,
  type FieldContext,
} from './field-cipher.ts';
import { addKek, bootstrapKekRing, currentKekRecord, unwrapKek, type Kek, type KekRecord } from './kek-ring.ts';
import { createKeyCache, type KeyCacheOptions } from './key-cache.ts';
import { deriveBlindIndexKey, deriveRootKeys } from './key-derivation.ts';
import type { KeyProvider } from './root-key-provider.ts';
import { ErasedError, VaultCryptoError } from './vault-crypto-errors.ts';
import type { KeyObject } from 'node:crypto';

const MAX_INDEX_KEYS = 1024;

/**
 * The two reads the keyring needs from storage; the lead implements them over the `vault_kek` and
 * `vault_data_key` tables. Writes stay with the caller so they can share a transaction with the audit event.
 */
export type VaultKeyStore = {
  listKeks(): Promise<readonly KekRecord[]>;
  /** undefined means the row is gone: the DEK was destroyed (crypto-shredding). */
  findDataKey(dekId: string): Promise<DekRecord | undefined>;
};

export type VaultKeyringOptions = {
  provider: KeyProvider;
  store: VaultKeyStore;
  /** Unwrapped DEKs; default 10,000 entries for 5 minutes (the TTL bounds a missed shredding invalidation). */
  dataKeyCache?: Partial<Omit<KeyCacheOptions, 'now'>>;
  /** How long a loaded KEK ring is trusted before re-reading it (how fast a promotion reaches this instance). */
  kekRingTtlMs?: number;
  now?: () => number;
};

/** Result of a read that may hit shredded data: erased is a normal state, not a failure. */
export type FieldRead<T> = { state: 'present'; value: T } | { state: 'erased'; dekId: string };

export type VaultKeyring = {
  providerId: string;
  /** Public check value of the root key (also inside every wrapped KEK); safe to log. */
  rootFingerprint: string;
  /** The unwrapped DEK, from cache or storage. Throws ErasedError when its row is gone. */
  dataKey(dekId: string): Promise<DataKey>;
  /** A new DEK under the current KEK: INSERT `record`, use `dataKey` right away. */
  createDataKey(dekId?: string): Promise<{ record: DekRecord; dataKey: DataKey }>;
  /** The row re-wrapped under the current KEK, or undefined when it already is. */
  rewrapDataKey(record: DekRecord): Promise<DekRecord | undefined>;
  encryptField(dekId: string, ctx: FieldContext, plaintext: string): Promise<string>;
  decryptField(dekId: string, ctx: FieldContext, ciphertext: string): Promise<string>;
  readField(dekId: string, ctx: FieldContext, ciphertext: string): Promise<FieldRead<string>>;
  encryptEnvelope(dekId: string, ctx: FieldContext, fields: EnvelopeFields): Promise<string>;
  decryptEnvelope(dekId: string, ctx: FieldContext, ciphertext: string): Promise<EnvelopeFields>;
  readEnvelope(dekId: string, ctx: FieldContext, ciphertext: string): Promise<FieldRead<EnvelopeFields>>;
  /** Blind index of an already-normalized value (synchronous: index keys derive from the root, no storage). */
  blindIndex(spec: BlindIndexSpec, normalizedValue: string): string;
  /** Rotation step 1: a new pending KEK wrapped under this root; INSERT `added`. Step 2 is `promoteKek`. */
  addKek(ring: readonly KekRecord[]): { ring: KekRecord[]; added: KekRecord };
  /** First start with an empty `vault_kek` table: INSERT the returned ring, then `reloadKeks()`. */
  bootstrapKekRing(): KekRecord[];
  /** Re-reads the ring now (call after a local promotion, or on a "kek-promoted" pub/sub message). */
  reloadKeks(): Promise<void>;
  /** Explicit invalidation: after deleting a DEK row (here and, via pub/sub, on every instance). */
  forgetDataKey(dekId: string): void;
  forgetKek(kekId: string): void;
  forgetAll(): void;
};

/**
 * Opens the keyring at boot: reads the root key once, keeps only derived KeyObjects, loads the KEK ring and
 * unwraps every KEK eagerly so a wrong root key stops the boot with ROOT_KEY_MISMATCH instead of failing reads
 * later. The raw root key buffer is zeroed before this returns.
 */
export async function openVaultKeyring(options: VaultKeyringOptions): Promise<VaultKeyring> {
  const now = options.now ?? Date.now;
  const rawRoot = await options.provider.getRootKey();
  const root = (() => {
    try {
      return deriveRootKeys(rawRoot);
    } finally {
      rawRoot.fill(0);
    }
  })();
  const kekRingTtlMs = options.kekRingTtlMs ?? 60_000;
  const keks = createKeyCache<Kek>({ maxEntries: 64, ttlMs: 10 * 60_000, now });
  const dataKeys = createKeyCache<DataKey>({
    maxEntries: options.dataKeyCache?.maxEntries ?? 10_000,
    ttlMs: options.dataKeyCache?.ttlMs ?? 5 * 60_000,
    now,
  });
  // Blind-index keys are a pure function of the root and the field name, so they never go stale: a plain
  // two-level map (no TTL, no string concatenation on lookup) capped at MAX_INDEX_KEYS fields declared in code.
  const indexKeys = new Map<string, Map<string, KeyObject>>();
  let indexKeyCount = 0;
  const inflight = new Map<string, Promise<DataKey>>();
  let generation = 0; // bumped by every invalidation so an in-flight load cannot re-cache a forgotten key
  let ring: readonly KekRecord[] = [];
  let ringLoadedAt = 0;

  async function reloadKeks(): Promise<void> {
    const loaded = await options.store.listKeks();
    // Unwraps what is not cached yet: everything at boot (so a wrong root key stops the boot), new KEKs later.
    for (const record of loaded) if (!keks.get(record.kekId)) keks.set(record.kekId, unwrapKek(record, root));
    ring = loaded;
    ringLoadedAt = now();
  }

  async function kek(kekId: string): Promise<Kek> {
    const cached = keks.get(kekId);
    if (cached) return cached;
    let record = ring.find((r) => r.kekId === kekId);
    if (!record) {
      await reloadKeks(); // added by another instance since our last load
      record = ring.find((r) => r.kekId === kekId);
    }
    if (!record) throw new VaultCryptoError('KEY_NOT_FOUND', `KEK ${kekId} is not in the key ring`);
    const unwrapped = unwrapKek(record, root);
    keks.set(kekId, unwrapped);
    return unwrapped;
  }

  async function currentKek(): Promise<Kek> {
    if (now() - ringLoadedAt > kekRingTtlMs) await reloadKeks();
    return kek(currentKekRecord(ring).kekId);
  }

  async function loadDataKey(dekId: string): Promise<DataKey> {
    const started = generation;
    const record = await options.store.findDataKey(dekId);
    if (!record) throw new ErasedError(dekId);
    const dataKey = unwrapDataKey(record, await kek(record.kekId));
    if (started === generation) dataKeys.set(dekId, dataKey);
    return dataKey;
  }

  async function dataKey(dekId: string): Promise<DataKey> {
    const cached = dataKeys.get(dekId);
    if (cached) return cached;
    const joined = inflight.get(dekId);
    if (joined) return joined;
    const pending: Promise<DataKey> = loadDataKey(dekId).finally(() => {
      if (inflight.get(dekId) === pending) inflight.delete(dekId);
    });
    inflight.set(dekId, pending);
    return pending;
  }

  /**
   * Runs `use` with the DEK. On a cache hit it runs synchronously inside one already-settled promise instead
   * of chaining async functions: the hot path then costs a single microtask, which the benchmark holds to
   * within 20% of raw node:crypto. Synchronous throws still surface as rejections.
   */
  function withDataKey<T>(dekId: string, use: (key: DataKey) => T): Promise<T> {
    const cached = dataKeys.get(dekId);
    if (!cached) return dataKey(dekId).then(use);
    try {
      return Promise.resolve(use(cached));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function orErased<T>(read: Promise<T>): Promise<FieldRead<T>> {
    return read.then(
      (value): FieldRead<T> => ({ state: 'present', value }),
      (error: unknown): FieldRead<T> => {
        if (error instanceof ErasedError) return { state: 'erased', dekId: error.dekId };
        throw error;
      },
    );
  }

  function indexKey(table: string, column: string): KeyObject {
    const cached = indexKeys.get(table)?.get(column);
    if (cached) return cached;
    const key = deriveBlindIndexKey(root.blindIndexRoot, table, column);
    if (indexKeyCount < MAX_INDEX_KEYS) {
      let columns = indexKeys.get(table);
      if (!columns) indexKeys.set(table, (columns = new Map()));
      columns.set(column, key);
      indexKeyCount++;
    }
    return key;
  }

  await reloadKeks();

  return {
    providerId: options.provider.id,
    rootFingerprint: root.fingerprint,
    dataKey,
    createDataKey: async (dekId) => createDataKey(await currentKek(), dekId),
    rewrapDataKey: async (record) => {
      const to = await currentKek();
      if (record.kekId === to.id) return undefined;
      return rewrapDataKey(record, await kek(record.kekId), to);
    },
    encryptField: (dekId, ctx, plaintext) => withDataKey(dekId, (key) => encryptField(key, ctx, plaintext)),
    decryptField: (dekId, ctx, ciphertext) => withDataKey(dekId, (key) => decryptField(key, ctx, ciphertext)),
    readField: (dekId, ctx, ciphertext) => orErased(withDataKey(dekId, (key) => decryptField(key, ctx, ciphertext))),
    encryptEnvelope: (dekId, ctx, fields) => withDataKey(dekId, (key) => encryptEnvelope(key, ctx, fields)),
    decryptEnvelope: (dekId, ctx, ciphertext) => withDataKey(dekId, (key) => decryptEnvelope(key, ctx, ciphertext)),
    readEnvelope: (dekId, ctx, ciphertext) => orErased(withDataKey(dekId, (key) => decryptEnvelope(key, ctx, ciphertext))),
    blindIndex: (spec, normalizedValue) => computeBlindIndex(indexKey(spec.table, spec.column), normalizedValue, spec.bits),
    addKek: (current) => addKek(current, root),
    bootstrapKekRing: () => bootstrapKekRing(root),
    reloadKeks,
    forgetDataKey: (dekId) => {
      generation++;
      dataKeys.delete(dekId);
      inflight.delete(dekId);
    },
    forgetKek: (kekId) => {
      generation++;
      keks.delete(kekId);
    },
    forgetAll: () => {
      generation++;
      dataKeys.clear();
      keks.clear();
      indexKeys.clear();
      indexKeyCount = 0;
      inflight.clear();
    },
  };
}
