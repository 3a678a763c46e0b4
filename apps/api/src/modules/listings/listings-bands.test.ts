import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageBand, capitalBand } from './listings-bands.ts';
import { demoListings } from './listings-demo.ts';

const today = new Date('2026-11-28T00:00:00Z');

test('establishment years generalize to age bands at their edges', () => {
  assert.equal(ageBand(2026, today), 'lt1');
  assert.equal(ageBand(2025, today), '1to3');
  assert.equal(ageBand(2023, today), '3to5');
  assert.equal(ageBand(2021, today), '5to10');
  assert.equal(ageBand(2016, today), 'gte10');
});

test('registered capital generalizes to ranges at their edges', () => {
  assert.deepEqual([99, 100, 499, 500, 999, 1000, 4999, 5000].map(capitalBand), [
    'lt100',
    '100to500',
    '100to500',
    '500to1000',
    '500to1000',
    '1000to5000',
    '1000to5000',
    'gte5000',
  ]);
});

test('demo listings are the same for the same seed and carry no digits that could be identifiers', () => {
  const a = demoListings(30, { idFor: (i) => String(i) });
  const b = demoListings(30, { idFor: (i) => String(i) });
  assert.deepEqual(a, b);
  for (const row of a) assert.doesNotMatch(row.title + row.highlights, /\d{6,}/);
});
