import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidUscc, normalizeUscc, usccCheckChar } from './index.ts';

const withCheck = (first17: string): string => first17 + usccCheckChar(first17);

test('the GB 32100 example code 91350100M000100Y43 is valid', () => {
  assert.equal(isValidUscc('91350100M000100Y43'), true);
});

test('a credit code with a wrong check character is rejected', () => {
  assert.equal(isValidUscc('91350100M000100Y44'), false);
  assert.equal(isValidUscc('91350100M000100Y4A'), false);
});

test('a check value of 0 is written as the character 0 (31 - 0 wraps around)', () => {
  // Search a code whose weighted sum is a multiple of 31 and check that it ends in "0".
  for (let n = 0; n < 1000; n++) {
    const first17 = `9131011500000${String(n).padStart(4, '0')}`;
    if (usccCheckChar(first17) === '0') {
      assert.equal(isValidUscc(`${first17}0`), true);
      return;
    }
  }
  assert.fail('no code with check character 0 found');
});

test('lower case and full-width input is normalized to upper case', () => {
  assert.equal(normalizeUscc('91350100m000100y43'), '91350100M000100Y43');
  assert.equal(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３'), '91350100M000100Y43');
  assert.equal(normalizeUscc(' 9135 0100 M000 100Y 43 '), '91350100M000100Y43');
});

test('the letters I, O, S, V and Z are not in the alphabet', () => {
  for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
    assert.equal(isValidUscc(withCheck(`91310115MA1K3AB${letter}5`)), false, letter);
  }
});

test('a code without a registration authority, entity type or region code is rejected', () => {
  assert.equal(isValidUscc(withCheck('01310115MA1K3ABC5')), false); // authority 0
  assert.equal(isValidUscc(withCheck('B1310115MA1K3ABC5')), false); // authority B
  assert.equal(isValidUscc(withCheck('90310115MA1K3ABC5')), false); // type 0
  assert.equal(isValidUscc(withCheck('9131A115MA1K3ABC5')), false); // letter in the region code
  assert.equal(isValidUscc(withCheck('91910115MA1K3ABC5')), false); // region starting with 9
  assert.equal(isValidUscc(withCheck('Y1310115MA1K3ABC5')), true);
});

test('wrong lengths and junk are rejected without throwing', () => {
  for (const junk of ['', '91350100M000100Y4', '91350100M000100Y433', '统一社会信用代码', '91350100-M000100Y4']) {
    assert.equal(isValidUscc(junk), false, junk);
  }
});
