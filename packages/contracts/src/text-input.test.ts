import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRealDate, ZBoundedAmountWan, zBodyInt, ZIsoDate, ZIsoDateTime, ZName, ZPlainText, zQueryInt } from './text-input.ts';

describe('input helpers', () => {
  test('names refuse control, bidi, zero-width and other invisible characters, and NUL', () => {
    const name = ZName(50);
    for (const bad of [
      '张\u202e三',
      'abc\u200bdef',
      '\u2066x\u2069',
      'a\u0000b',
      'a\nb',
      'a\tb',
      '\ufeffname',
      'x\u00ady',
      'a\u2028b',
      'ㅤ',
      '\ud800x',
      'a\u034fb',
      '\ue000',
    ]) {
      assert.equal(name.safeParse(bad).success, false, JSON.stringify(bad));
    }
    for (const good of ['张三', '阿依古丽·买买提', 'Zhang San-Li', "O'Brien", '上海澜舟信息科技有限公司'])
      assert.equal(name.parse(good), good);
    assert.equal(name.parse('  e\u0301  '), '\u00e9', 'trimmed and NFC');
    assert.equal(ZName(3).safeParse('abcd').success, false);
    assert.equal(ZName(10, 2).safeParse(' a ').success, false);
  });

  test('plain text keeps newlines and tabs, turns CR LF into LF, and refuses the rest', () => {
    const text = ZPlainText(100);
    assert.equal(text.parse('第一行\r\n第二行\tend'), '第一行\n第二行\tend');
    for (const bad of ['a\u0000', 'a\u202eb', 'a\u200db', 'a\u0007', 'a\rb'])
      assert.equal(text.safeParse(bad).success, false, JSON.stringify(bad));
  });

  test('dates must exist on the calendar, and date-times must be real UTC instants', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '1899-12-31', '2026-1-01', '２０２６-01-01']) {
      assert.equal(ZIsoDate().safeParse(bad).success, false, bad);
    }
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31']) assert.equal(ZIsoDate().parse(good), good);
    assert.equal(isRealDate('1900-02-29'), false);
    for (const bad of ['2026-11-28T24:00:00Z', '2026-02-30T09:00Z', '2026-11-28T09:00:00+08:00', '2026-11-28T9:00Z'])
      assert.equal(ZIsoDateTime.safeParse(bad).success, false, bad);
    for (const good of ['2026-11-28', '2026-11-28T09:00Z', '2026-11-28T09:00:59.123Z']) assert.equal(ZIsoDateTime.parse(good), good);
  });

  test('amounts are finite, bounded and to the yuan', () => {
    const amount = ZBoundedAmountWan();
    for (const bad of [1e308, Number.POSITIVE_INFINITY, Number.NaN, -1, 10_000_001, 1.23456])
      assert.equal(amount.safeParse(bad).success, false, String(bad));
    for (const good of [0, 1, 350.5, 0.0001, 10_000_000]) assert.equal(amount.parse(good), good);
  });

  test('query integers are canonical digits only; body integers are JSON numbers', () => {
    const page = zQueryInt(1, 100, 1);
    for (const bad of ['0x10', '1e3', ' 1', '+1', '1.0', '', '01', '-1', '0', '101', 'NaN'])
      assert.equal(page.safeParse(bad).success, false, JSON.stringify(bad));
    assert.equal(page.parse('16'), 16);
    assert.equal(page.parse(undefined), 1);
    assert.equal(page.safeParse(['1', '2']).success, false);
    assert.equal(zBodyInt(1, 10).safeParse('5').success, false);
    assert.equal(zBodyInt(1, 10).safeParse(2.5).success, false);
    assert.equal(zBodyInt(1, 10).parse(5), 5);
  });
});
