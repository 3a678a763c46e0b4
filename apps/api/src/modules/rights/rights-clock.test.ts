import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RETENTION_CLASSES } from '@sealbridge/contracts';
import { loadChinaCalendar } from '../../platform/calendar/index.ts';
import { clockOf, dueAfter, floorOf, RETENTION_FLOORS } from './rights-clock.ts';

const calendar = loadChinaCalendar();
/** 10:00 Beijing on a day. */
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const dueDay = (from: string, days = 15) =>
  new Date(dueAfter(calendar, at(from), days).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the rights-request clock on the PRC working-day calendar', () => {
  test('15 working days from Tuesday 10 February 2026 run over the Spring Festival, counting the make-up Saturday 28 February', () => {
    // 11, 12, 13, 14 (Sat, make-up) = 4; 15–23 off; 24, 25, 26, 27 = 8; 28 (Sat, make-up) = 9; 2–6 March = 14; 9 March = 15.
    assert.equal(dueDay('2026-02-10'), '2026-03-09');
    assert.equal(dueAfter(calendar, at('2026-02-10'), 15).toISOString(), '2026-03-09T15:59:59.000Z');
  });

  test('15 working days from Monday 21 September 2026 run over Mid-Autumn and National Day, counting the make-up Saturday 10 October', () => {
    // 22–24 = 3; 25 (Mid-Autumn) off; 28–30 = 6; 1–7 Oct off; 8, 9 = 8; 10 (Sat, make-up) = 9; 12–16 = 14; 19 = 15.
    assert.equal(calendar.isWorkingDay('2026-09-25'), false);
    assert.equal(dueDay('2026-09-21'), '2026-10-19');
  });

  test('a request filed on the make-up Sunday 20 September 2026 counts from that working day', () => {
    assert.equal(calendar.isWorkingDay('2026-09-20'), true);
    assert.equal(dueDay('2026-09-20', 1), '2026-09-21');
  });

  test('a due date in 2027, which the calendar does not know yet, is counted Monday to Friday and marked provisional', () => {
    const due = dueAfter(calendar, at('2026-12-21'), 15).toISOString();
    // 22–25, 28–31 = 8; 1 Jan 2027 (a Friday; no arrangement loaded, so counted) = 9; 4–8 = 14; 11 = 15.
    assert.equal(dueDay('2026-12-21'), '2027-01-11');
    assert.equal(clockOf(calendar, at('2026-12-21'), at('2026-12-21').toISOString(), due, false).dueProvisional, true);
    assert.equal(
      clockOf(calendar, at('2026-09-21'), at('2026-09-21').toISOString(), dueAfter(calendar, at('2026-09-21'), 15).toISOString(), false)
        .dueProvisional,
      false,
    );
    // Spring Festival 2027 is not invented: February 2027 is Monday to Friday until the State Council's notice is loaded.
    assert.equal(dueDay('2027-02-05', 1), '2027-02-08');
  });

  test('the clock counts working days left, is overdue after the due second, and stops once final', () => {
    const due = dueAfter(calendar, at('2026-02-10'), 15).toISOString();
    assert.equal(clockOf(calendar, at('2026-03-06'), at('2026-02-10').toISOString(), due, false).workingDaysLeft, 1);
    assert.equal(clockOf(calendar, new Date('2026-03-09T16:00:00.000Z'), at('2026-02-10').toISOString(), due, false).overdue, true);
    assert.deepEqual(clockOf(calendar, new Date('2026-04-01T00:00:00Z'), at('2026-02-10').toISOString(), due, true).workingDaysLeft, null);
  });
});

describe('retention floors', () => {
  test('every retention class of the registry has a floor entry read from the retention schedule (none, or a period with its legal basis)', () => {
    assert.deepEqual(Object.keys(RETENTION_FLOORS).sort(), [...RETENTION_CLASSES].sort());
  });

  test('the longest floor among the classes held wins, with the date the data will go; no floor means erasure', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    assert.deepEqual(floorOf(['account_life', 'account_life_plus_3y', 'deal_life_plus_10y'], now), {
      reason: 'deal_records_10y',
      until: '2036-03-01',
      afterDealEnd: null,
      classes: ['account_life_plus_3y', 'deal_life_plus_10y'],
    });
    assert.equal(floorOf(['account_life', 'verification_180d'], now), null);
  });

  test('a deal floor counts from the deal end: no date while a deal runs, the later of today and the last deal end after', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    assert.deepEqual(floorOf(['account_life_plus_3y', 'deal_life_plus_10y'], now, { running: true, lastEndedAt: null }), {
      reason: 'deal_records_10y',
      until: null,
      afterDealEnd: { years: 10, days: 0 },
      classes: ['account_life_plus_3y', 'deal_life_plus_10y'],
    });
    const later = floorOf(['deal_life_plus_3y'], now, { running: false, lastEndedAt: '2026-06-01T00:00:00.000Z' });
    assert.equal(later?.until, '2029-06-01');
    assert.equal(later?.afterDealEnd, null);
  });
});
