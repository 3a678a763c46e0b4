import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayRange } from './day-range.ts';

test('a range of days becomes [first midnight, midnight after the last day) in local time', () => {
  const { from, to } = dayRange('2026-11-01', '2026-11-28');
  assert.equal(from, new Date(2026, 10, 1).toISOString());
  assert.equal(to, new Date(2026, 10, 29).toISOString());
});

test('a single day covers exactly that day, across a month end', () => {
  const { from, to } = dayRange('2026-11-30', '2026-11-30');
  assert.equal(from, new Date(2026, 10, 30).toISOString());
  assert.equal(to, new Date(2026, 11, 1).toISOString());
});

test('the timestamps match the ISO pattern of the audit API', () => {
  const { from, to } = dayRange('2026-12-31', '2026-12-31');
  for (const value of [from, to]) assert.match(value, /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/);
  assert.equal(new Date(to).getFullYear(), 2027);
});

test('anything but a calendar day is refused', () => {
  assert.throws(() => dayRange('28/11/2026', '2026-11-28'), RangeError);
});
