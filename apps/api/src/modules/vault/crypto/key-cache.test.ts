import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyCache } from './key-cache.ts';

describe('key cache', () => {
  it('never holds more than maxEntries and evicts the least recently used first', () => {
    const cache = createKeyCache<number>({ maxEntries: 3, ttlMs: 1000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.equal(cache.get('a'), 1); // a is now the most recent
    cache.set('d', 4);
    assert.equal(cache.size(), 3);
    assert.equal(cache.get('b'), undefined, 'b was least recently used');
    assert.deepEqual(
      ['a', 'c', 'd'].map((k) => cache.get(k)),
      [1, 3, 4],
    );
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    assert.equal(cache.size(), 3);
  });

  it('never evicts an entry read within the last half-capacity of insertions, in a large cache', () => {
    const cache = createKeyCache<number>({ maxEntries: 100, ttlMs: 1000 });
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    assert.equal(cache.get('k0'), 0); // the oldest entry, read: moved to the newest end
    cache.set('k100', 100);
    assert.equal(cache.get('k0'), 0);
    assert.equal(cache.get('k1'), undefined, 'the least recently used one went instead');
    for (let round = 0; round < 20; round++) {
      assert.equal(cache.get('k0'), 0);
      for (let i = 0; i < 50; i++) cache.set(`r${round}-${i}`, i);
    }
    assert.equal(cache.get('k0'), 0, 'read every 50 insertions, it survives 1,000 of them');
    assert.equal(cache.size(), 100);
  });

  it('expires entries after the TTL, measured from when they were set', () => {
    let clock = 0;
    const cache = createKeyCache<string>({ maxEntries: 10, ttlMs: 100, now: () => clock });
    cache.set('k', 'v');
    clock = 99;
    assert.equal(cache.get('k'), 'v', 'a read does not extend the lifetime');
    clock = 100;
    assert.equal(cache.get('k'), undefined);
    assert.equal(cache.size(), 0, 'an expired entry is dropped when seen');
  });

  it('invalidates one key id or everything on request', () => {
    const cache = createKeyCache<number>({ maxEntries: 10, ttlMs: 1000 });
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.delete('a'), true);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b'), 2);
    cache.clear();
    assert.equal(cache.size(), 0);
  });

  it('refuses nonsensical bounds', () => {
    assert.throws(() => createKeyCache({ maxEntries: 0, ttlMs: 1 }), RangeError);
    assert.throws(() => createKeyCache({ maxEntries: 1, ttlMs: 0 }), RangeError);
  });
});
