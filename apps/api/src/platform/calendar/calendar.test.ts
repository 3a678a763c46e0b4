import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { endOfChinaDay, loadChinaCalendar, OVERRIDE_FILE } from './index.ts';

const calendar = loadChinaCalendar();

function withOverride(content: string, work: (dataDir: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sealbridge-calendar-'));
  try {
    mkdirSync(join(dataDir, 'calendar'));
    writeFileSync(join(dataDir, OVERRIDE_FILE), content);
    work(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the PRC working-day calendar (China Standard Time, holidays and 调休)', () => {
  test('Spring Festival 2026: the nine days from 15 to 23 February are off, and Saturdays 14 and 28 February are make-up working days', () => {
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-23'])
      assert.equal(calendar.isWorkingDay(day), false, day);
    assert.equal(calendar.isWorkingDay('2026-02-14'), true);
    assert.equal(calendar.isWorkingDay('2026-02-28'), true);
    assert.equal(calendar.addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(calendar.addWorkingDays('2026-02-14', 1), '2026-02-24');
    assert.equal(calendar.addWorkingDays('2026-02-27', 1), '2026-02-28');
  });

  test('National Day 2026: the 5-working-day tax clock from a Tuesday signing runs over the Golden Week and ends on Monday 12 October', () => {
    // 30 Sep (1), 1–7 Oct off, 8 Oct (2), 9 Oct (3), Saturday 10 Oct make-up day (4), Monday 12 Oct (5).
    assert.equal(calendar.addWorkingDays('2026-09-29', 5), '2026-10-12');
    assert.equal(calendar.isWorkingDay('2026-09-20'), true, 'Sunday 20 September is a make-up working day');
    assert.equal(calendar.workingDaysBetween('2026-09-29', '2026-10-12'), 5);
    assert.equal(calendar.workingDaysBetween('2026-10-12', '2026-09-29'), -5);
  });

  test('an instant is read as the Beijing calendar day: 00:30 CST on 14 February 2026 is that make-up Saturday', () => {
    assert.equal(calendar.isWorkingDay(new Date('2026-02-13T16:30:00Z')), true);
    assert.equal(calendar.isWorkingDay(new Date('2026-02-13T15:30:00Z')), true, 'still Friday 13th in Beijing');
    assert.equal(calendar.isWorkingDay(new Date('2026-02-14T16:30:00Z')), false, 'Sunday 15th in Beijing');
    assert.equal(endOfChinaDay('2026-10-12').toISOString(), '2026-10-12T15:59:59.000Z');
  });

  test('zero working days from a holiday is the first working day after it', () => {
    assert.equal(calendar.addWorkingDays('2026-10-03', 0), '2026-10-08');
    assert.equal(calendar.addWorkingDays('2026-10-09', 0), '2026-10-09');
  });

  test('a year the package has not published (2027) is answered Monday to Friday and reported as not known', () => {
    assert.equal(calendar.isKnownYear(2026), true);
    assert.equal(calendar.isKnownYear(2027), false);
    assert.equal(calendar.coversRange('2026-12-28', '2027-01-05'), false);
    assert.equal(calendar.coversRange('2026-02-01', '2026-12-31'), true);
    assert.equal(calendar.addWorkingDays('2027-02-05', 1), '2027-02-08');
  });

  test('an override file in DATA_DIR loads a new year (Spring Festival 2027 as an operator would enter it) and replaces a year whole', () => {
    // An arrangement entered by an operator from the State Council's notice; these test entries are illustrative.
    const table = {
      holidays: {
        '2027-02-06': '春节',
        '2027-02-07': '春节',
        '2027-02-08': '春节',
        '2027-02-09': '春节',
        '2027-02-10': '春节',
        '2027-02-11': '春节',
        '2027-02-12': '春节',
        '2027-02-13': '春节',
      },
      workdays: { '2027-02-20': '春节调休', '2026-02-14': '测试' },
    };
    withOverride(JSON.stringify(table), (dataDir) => {
      const loaded = loadChinaCalendar({ dataDir });
      assert.equal(loaded.isKnownYear(2027), true);
      assert.equal(loaded.addWorkingDays('2027-02-05', 1), '2027-02-15');
      assert.equal(loaded.isWorkingDay('2027-02-20'), true);
      // 2026 is in the file too, so the package's 2026 is replaced: 28 February is no longer a make-up day.
      assert.equal(loaded.isWorkingDay('2026-02-28'), false);
      assert.equal(loaded.isWorkingDay('2026-02-16'), true);
    });
  });

  test('a malformed override stops the start, naming the file and the bad day', () => {
    withOverride('{"holidays": {"2027-02-30": "春节"}}', (dataDir) => {
      assert.throws(() => loadChinaCalendar({ dataDir }), /cn-working-days\.json: "2027-02-30" is not a calendar day/);
    });
    withOverride('{"holidays": {"2027-02-06": "春节"}, "workdays": {"2027-02-06": "补班"}}', (dataDir) => {
      assert.throws(() => loadChinaCalendar({ dataDir }), /both a holiday and a make-up working day/);
    });
    withOverride('not json', (dataDir) => assert.throws(() => loadChinaCalendar({ dataDir }), /not valid JSON/));
  });

  test('nonsense arguments are refused rather than walked for ever', () => {
    assert.throws(() => calendar.addWorkingDays('2026-02-13', -1), RangeError);
    assert.throws(() => calendar.addWorkingDays('2026-02-13', 1.5), RangeError);
    assert.throws(() => calendar.addWorkingDays('2026-13-01', 1), RangeError);
    assert.throws(() => calendar.addWorkingDays(new Date(Number.NaN), 1), RangeError);
  });
});
