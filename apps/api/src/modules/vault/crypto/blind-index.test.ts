import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BLIND_INDEX_DOMAINS, planBlindIndexBits } from './blind-index-planner.ts';
import { computeBlindIndex } from './blind-index.ts';
import { deriveBlindIndexKey, deriveRootKeys } from './key-derivation.ts';

const root = deriveRootKeys(randomBytes(32));
const mobileKey = deriveBlindIndexKey(root.blindIndexRoot, 'persons', 'mobile');

describe('blind index', () => {
  it('is deterministic for one field and one normalized value', () => {
    const again = deriveBlindIndexKey(root.blindIndexRoot, 'persons', 'mobile');
    assert.equal(computeBlindIndex(mobileKey, '+8613812345678', 18), computeBlindIndex(again, '+8613812345678', 18));
  });

  it('differs between fields for the same value (per-field keys)', () => {
    const other = deriveBlindIndexKey(root.blindIndexRoot, 'contacts', 'mobile');
    const values = Array.from({ length: 20 }, (_, i) => `+86138000000${String(i).padStart(2, '0')}`);
    const same = values.filter((v) => computeBlindIndex(mobileKey, v, 32) === computeBlindIndex(other, v, 32));
    assert.equal(same.length, 0);
  });

  it('differs between root keys, and the index root is not any encryption key', () => {
    const otherRoot = deriveRootKeys(randomBytes(32));
    const otherKey = deriveBlindIndexKey(otherRoot.blindIndexRoot, 'persons', 'mobile');
    assert.notEqual(computeBlindIndex(mobileKey, 'x', 32), computeBlindIndex(otherKey, 'x', 32));
    assert.notDeepEqual(root.blindIndexRoot.export(), root.kekWrapKey.export());
  });

  it('is fixed-width hex holding exactly the requested number of bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), fc.string({ minLength: 1 }), (bits, value) => {
        const hex = computeBlindIndex(mobileKey, value, bits);
        assert.equal(hex.length, Math.ceil(bits / 4));
        assert.match(hex, /^[0-9a-f]+$/);
        assert.ok(parseInt(hex, 16) < 2 ** bits);
      }),
    );
  });

  it('keeps the prefix of a wider index when narrowed (truncation takes the top bits)', () => {
    const wide = parseInt(computeBlindIndex(mobileKey, 'v', 32), 16);
    assert.equal(parseInt(computeBlindIndex(mobileKey, 'v', 18), 16), Math.floor(wide / 2 ** 14));
  });

  it('refuses widths outside 1..48 bits and empty input', () => {
    for (const bits of [0, 49, 1.5]) assert.throws(() => computeBlindIndex(mobileKey, 'x', bits), { reason: 'INVALID_ARGUMENT' });
    assert.throws(() => computeBlindIndex(mobileKey, '', 16), { reason: 'INVALID_ARGUMENT' });
  });

  it('refuses table or column names that would make the key label ambiguous', () => {
    assert.throws(() => deriveBlindIndexKey(root.blindIndexRoot, 'persons.x', 'mobile'), { reason: 'INVALID_ARGUMENT' });
    assert.throws(() => deriveBlindIndexKey(root.blindIndexRoot, 'persons', 'Mobile'), { reason: 'INVALID_ARGUMENT' });
  });

  it('puts on average at least two records behind each index value at the planned population', () => {
    const population = 4096;
    const { bits } = planBlindIndexBits({ population, domainSize: BLIND_INDEX_DOMAINS.mobileCn });
    assert.equal(bits, 11);
    const buckets = new Map<string, number>();
    for (let i = 0; i < population; i++) {
      const value = `+86139${String(i).padStart(8, '0')}`;
      const index = computeBlindIndex(mobileKey, value, bits);
      buckets.set(index, (buckets.get(index) ?? 0) + 1);
    }
    assert.ok(population / buckets.size >= 2, `records per used value ${population / buckets.size}`);
  });
});

describe('blind index planner', () => {
  it('sizes the documented fields for 1,000,000 persons at 18 bits (~3.8 records per value)', () => {
    for (const domainSize of [BLIND_INDEX_DOMAINS.mobileCn, BLIND_INDEX_DOMAINS.residentIdCn, BLIND_INDEX_DOMAINS.email]) {
      const plan = planBlindIndexBits({ population: 1_000_000, domainSize });
      assert.equal(plan.bits, 18);
      assert.equal(plan.limitedBy, 'population');
      assert.equal(Math.round(plan.expectedRecordsPerValue * 100) / 100, 3.81);
      assert.equal(Math.round(plan.expectedCandidatesPerLookup * 100) / 100, 4.81);
      assert.ok(plan.withinLookupBound);
    }
  });

  it('matches the other rows of the sizing table', () => {
    assert.equal(planBlindIndexBits({ population: 100_000, domainSize: BLIND_INDEX_DOMAINS.email }).bits, 15);
    assert.equal(planBlindIndexBits({ population: 10_000_000, domainSize: BLIND_INDEX_DOMAINS.mobileCn }).bits, 22);
    assert.equal(planBlindIndexBits({ population: 200_000, domainSize: BLIND_INDEX_DOMAINS.creditCodeCn }).bits, 16);
  });

  it('always leaves at least minCoincidence records and possible inputs per value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 2 ** 40 }),
        fc.integer({ min: 4, max: 2 ** 50 }),
        fc.integer({ min: 1, max: 8 }),
        (population, domainSize, k) => {
          fc.pre(population >= 2 * k && domainSize >= 2 * k);
          const plan = planBlindIndexBits({ population, domainSize, minCoincidence: k });
          assert.ok(population / 2 ** plan.bits >= k);
          assert.ok(domainSize / 2 ** plan.bits >= k);
          assert.ok(
            population / 2 ** (plan.bits + 1) < k || domainSize / 2 ** (plan.bits + 1) < k || plan.bits === 48,
            'and is the widest such',
          );
        },
      ),
    );
  });

  it('is limited by a small domain and flags when that makes lookups too coarse', () => {
    const plan = planBlindIndexBits({ population: 1_000_000, domainSize: 1000 });
    assert.equal(plan.bits, 8);
    assert.equal(plan.limitedBy, 'domain');
    assert.equal(plan.withinLookupBound, false);
  });

  it('refuses a population or domain too small for any index', () => {
    assert.throws(() => planBlindIndexBits({ population: 3, domainSize: 1e9 }), { reason: 'PLAN_IMPOSSIBLE' });
    assert.throws(() => planBlindIndexBits({ population: 1e6, domainSize: 3 }), { reason: 'PLAN_IMPOSSIBLE' });
    assert.throws(() => planBlindIndexBits({ population: 0, domainSize: 3 }), { reason: 'INVALID_ARGUMENT' });
  });
});
