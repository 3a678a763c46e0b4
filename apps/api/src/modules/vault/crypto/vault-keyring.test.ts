import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { promoteKek } from './kek-ring.ts';
import { createMemoryKeyStore, type MemoryKeyStore } from '../../../../test/fakes/memory-key-store.ts';
import { createEnvKeyProvider } from './root-key-provider.ts';
import { ErasedError } from './vault-crypto-errors.ts';
import { openVaultKeyring, type VaultKeyringOptions } from './vault-keyring.ts';

const ctx = { table: 'persons', column: 'mobile', recordId: 'p-1' };

async function setup(options: Partial<VaultKeyringOptions> = {}, rootKey = randomBytes(32)) {
  const provider = createEnvKeyProvider(rootKey.toString('base64'));
  const store = options.store ?? createMemoryKeyStore();
  let keyring = await openVaultKeyring({ provider, ...options, store });
  if ((await store.listKeks()).length === 0) {
    (store as MemoryKeyStore).putKeks(keyring.bootstrapKekRing());
    keyring = await openVaultKeyring({ provider, ...options, store });
  }
  return { keyring, store: store as MemoryKeyStore, provider, rootKey };
}

async function newSubject(keyring: Awaited<ReturnType<typeof setup>>['keyring'], store: MemoryKeyStore) {
  const { record } = await keyring.createDataKey();
  store.putDataKey(record);
  return record.dekId;
}

describe('vault keyring', () => {
  it('encrypts and decrypts fields and envelopes through a subject DEK stored wrapped', async () => {
    const { keyring, store } = await setup();
    const dekId = await newSubject(keyring, store);
    const ct = await keyring.encryptField(dekId, ctx, '+8613812345678');
    assert.equal(await keyring.decryptField(dekId, ctx, ct), '+8613812345678');
    const env = await keyring.encryptEnvelope(dekId, { ...ctx, column: 'contact_sealed' }, { name: '王五' });
    assert.deepEqual(await keyring.decryptEnvelope(dekId, { ...ctx, column: 'contact_sealed' }, env), { name: '王五' });
  });

  it('reads a field whose DEK row was deleted as erased, not as a failure', async () => {
    const { keyring, store } = await setup();
    const dekId = await newSubject(keyring, store);
    const ct = await keyring.encryptField(dekId, ctx, 'shred me');
    const env = await keyring.encryptEnvelope(dekId, { ...ctx, column: 'contact_sealed' }, { a: 1 });
    store.deleteDataKey(dekId);
    keyring.forgetDataKey(dekId);
    assert.deepEqual(await keyring.readField(dekId, ctx, ct), { state: 'erased', dekId });
    assert.deepEqual(await keyring.readEnvelope(dekId, { ...ctx, column: 'contact_sealed' }, env), { state: 'erased', dekId });
    await assert.rejects(keyring.decryptField(dekId, ctx, ct), (error: unknown) => {
      assert.ok(error instanceof ErasedError);
      assert.equal(error.code, 'DATA_ERASED');
      return true;
    });
  });

  it('still reports tampering, not erasure, when the DEK exists', async () => {
    const { keyring, store } = await setup();
    const dekId = await newSubject(keyring, store);
    const ct = await keyring.encryptField(dekId, ctx, 'x');
    await assert.rejects(keyring.readField(dekId, { ...ctx, recordId: 'p-2' }, ct), { reason: 'AUTHENTICATION_FAILED' });
  });

  it('refuses to open when the stored KEKs were wrapped under another root key', async () => {
    const { store } = await setup();
    await assert.rejects(openVaultKeyring({ provider: createEnvKeyProvider(randomBytes(32).toString('base64')), store }), {
      reason: 'ROOT_KEY_MISMATCH',
    });
  });

  it('rotates KEKs (add, promote, re-wrap) while every DEK and every old ciphertext stays readable', async () => {
    const { keyring, store, provider } = await setup();
    const subjects = [];
    for (let i = 0; i < 10; i++) {
      const dekId = await newSubject(keyring, store);
      const here = { ...ctx, recordId: `p-${i}` };
      subjects.push({ dekId, here, ct: await keyring.encryptField(dekId, here, `mobile ${i}`) });
    }
    const { ring, added } = keyring.addKek(await store.listKeks());
    store.putKeks(ring);
    store.putKeks(promoteKek(ring, added.kekId));
    await keyring.reloadKeks();
    for (const record of store.dataKeys()) {
      const rewrapped = await keyring.rewrapDataKey(record);
      assert.ok(rewrapped);
      store.putDataKey(rewrapped);
      assert.equal(await keyring.rewrapDataKey(rewrapped), undefined, 'already under the current KEK');
    }
    assert.ok(store.dataKeys().every((r) => r.kekId === 'kek-v2'));
    // A fresh instance (empty caches) reads everything through the re-wrapped rows.
    const fresh = await openVaultKeyring({ provider, store });
    for (const [i, s] of subjects.entries()) assert.equal(await fresh.decryptField(s.dekId, s.here, s.ct), `mobile ${i}`);
    const { record } = await fresh.createDataKey();
    assert.equal(record.kekId, 'kek-v2', 'new DEKs are wrapped by the promoted KEK');
  });

  it('picks up a KEK promoted by another instance within the ring TTL', async () => {
    let clock = 0;
    const { keyring, store } = await setup({ now: () => clock, kekRingTtlMs: 1000 });
    const { ring, added } = keyring.addKek(await store.listKeks());
    store.putKeks(promoteKek(ring, added.kekId));
    assert.equal((await keyring.createDataKey()).record.kekId, 'kek-v1', 'still trusting the loaded ring');
    clock = 1001;
    assert.equal((await keyring.createDataKey()).record.kekId, 'kek-v2');
  });

  it('serves repeated reads of a DEK from the cache and reloads after explicit invalidation or TTL', async () => {
    let clock = 0;
    const { keyring, store } = await setup({ now: () => clock, dataKeyCache: { ttlMs: 500 } });
    const dekId = await newSubject(keyring, store);
    const reads = () => store.reads.findDataKey;
    const before = reads();
    await Promise.all([keyring.dataKey(dekId), keyring.dataKey(dekId)]);
    for (let i = 0; i < 20; i++) await keyring.encryptField(dekId, ctx, 'x');
    assert.equal(reads() - before, 1, 'concurrent first loads share one store read; later ones hit the cache');
    keyring.forgetDataKey(dekId);
    await keyring.dataKey(dekId);
    assert.equal(reads() - before, 2);
    clock = 501;
    await keyring.dataKey(dekId);
    assert.equal(reads() - before, 3);
    keyring.forgetAll();
    await keyring.dataKey(dekId);
    assert.equal(reads() - before, 4);
  });

  it('keeps at most maxEntries DEKs in memory', async () => {
    const { keyring, store } = await setup({ dataKeyCache: { maxEntries: 3 } });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await newSubject(keyring, store));
    for (const id of ids) await keyring.dataKey(id);
    const before = store.reads.findDataKey;
    for (const id of ids.slice(2)) await keyring.dataKey(id);
    assert.equal(store.reads.findDataKey, before, 'the three most recent are cached');
    await keyring.dataKey(ids[0] ?? '');
    assert.equal(store.reads.findDataKey, before + 1, 'the oldest was evicted');
  });

  it('computes blind indexes from the root alone, unchanged by KEK rotation', async () => {
    const rootKey = randomBytes(32);
    const { keyring, store, provider } = await setup({}, rootKey);
    const spec = { table: 'persons', column: 'mobile', bits: 18 };
    const before = keyring.blindIndex(spec, '+8613812345678');
    const { ring, added } = keyring.addKek(await store.listKeks());
    store.putKeks(promoteKek(ring, added.kekId));
    const other = await openVaultKeyring({ provider, store });
    assert.equal(other.blindIndex(spec, '+8613812345678'), before);
  });
});
