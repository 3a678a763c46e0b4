import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addWorkingDays, workingDaysBetween } from '../../src/modules/consent/index.ts';

describe('the ticket SLA clock in working days (China Standard Time)', () => {
  test('15 working days from a Friday afternoon end three weeks later, at the end of that Friday in Beijing', () => {
    const filed = new Date('2026-11-27T07:00:00Z'); // Friday 15:00 CST
    assert.equal(addWorkingDays(filed, 15).toISOString(), '2026-12-18T15:59:59.000Z'); // Friday 23:59:59 CST
  });

  test('a ticket filed on Saturday starts counting on Monday', () => {
    const filed = new Date('2026-11-28T02:00:00Z'); // Saturday 10:00 CST
    assert.equal(addWorkingDays(filed, 1).toISOString(), '2026-11-30T15:59:59.000Z');
  });

  test('the days left count only weekdays, and turn negative once the due date has passed', () => {
    const due = addWorkingDays(new Date('2026-11-27T07:00:00Z'), 15);
    assert.equal(workingDaysBetween(new Date('2026-11-27T07:00:00Z'), due), 15);
    assert.equal(workingDaysBetween(new Date('2026-12-21T02:00:00Z'), due), -1); // the Monday after
  });
});

describe('the ticket SLA clock over the PRC holidays', () => {
  test('a ticket filed on the eve of National Day 2026 skips the Golden Week and counts the make-up Saturday', () => {
    const filed = new Date('2026-09-30T02:00:00Z'); // Wednesday 10:00 CST
    // 8 Oct (1), 9 Oct (2), Saturday 10 Oct make-up day (3).
    assert.equal(addWorkingDays(filed, 3).toISOString(), '2026-10-10T15:59:59.000Z');
    assert.equal(workingDaysBetween(filed, new Date('2026-10-12T02:00:00Z')), 4);
  });
});
