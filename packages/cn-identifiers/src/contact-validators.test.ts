import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isValidEmail,
  isValidLandline,
  isValidMobile,
  isValidQq,
  isValidWechatId,
  normalizeEmail,
  normalizeLandline,
  normalizeMobile,
  normalizeQq,
  normalizeWechatId,
} from './index.ts';

test('a mobile number in any usual form normalizes to E.164', () => {
  for (const input of [
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '0086 13812345678',
    '86-13812345678',
    '(+86) 138-1234-5678',
    '１３８１２３４５６７８',
  ]) {
    assert.equal(normalizeMobile(input), '+8613812345678', input);
  }
});

test('a mobile number must have 11 digits starting with 13 to 19', () => {
  for (const input of ['12812345678', '10086', '1381234567', '138123456789', '23812345678', '+85213812345678', 'abc']) {
    assert.equal(isValidMobile(input), false, input);
  }
});

test('landlines need an area code and a local number that does not start with 0 or 1', () => {
  assert.equal(normalizeLandline('021-61234567'), '021-61234567');
  assert.equal(normalizeLandline('(021) 6123 4567'), '021-61234567');
  assert.equal(normalizeLandline('（０２１）６１２３－４５６７'), '021-61234567');
  assert.equal(normalizeLandline('0755 8601 2345'), '0755-86012345');
  assert.equal(normalizeLandline('0571-8765432'), '0571-8765432');
  assert.equal(normalizeLandline('+86 21 6123 4567'), '021-61234567');
  assert.equal(normalizeLandline('+86 (0)21 6123 4567'), '021-61234567');
  assert.equal(normalizeLandline('02161234567'), '021-61234567');
  for (const bad of ['021-11234567', '021-01234567', '61234567', '021-612345', '021-612345678', '001-61234567', '13812345678']) {
    assert.equal(isValidLandline(bad), false, bad);
  }
});

test('a landline extension is kept after a dash', () => {
  assert.equal(normalizeLandline('021-61234567转8001'), '021-61234567-8001');
  assert.equal(normalizeLandline('021-61234567-8001'), '021-61234567-8001');
  assert.equal(normalizeLandline('(0755) 8601-2345 ext. 12'), '0755-86012345-12');
  assert.equal(normalizeLandline('010 6123 4567 分机 302'), '010-61234567-302');
});

test('e-mail addresses are validated pragmatically and normalized to lower case', () => {
  assert.equal(normalizeEmail(' Wang.Lei@Example.COM '), 'wang.lei@example.com');
  assert.equal(normalizeEmail('zhang_san+deals@mail.sh-qifu.example.cn'), 'zhang_san+deals@mail.sh-qifu.example.cn');
  assert.equal(normalizeEmail('12345678＠qq.com'), '12345678@qq.com');
  for (const bad of [
    'abc@163',
    'a@b.c',
    '.abc@qq.com',
    'abc.@qq.com',
    'a..b@qq.com',
    'abc@-qq.com',
    'abc@qq..com',
    '@qq.com',
    'abc',
    '张三@qq.com',
    `${'a'.repeat(65)}@qq.com`,
  ]) {
    assert.equal(isValidEmail(bad), false, bad);
  }
});

test('WeChat ids are 6 to 20 characters and start with a letter', () => {
  for (const good of ['zhangsan', 'wang_lei-88', 'wxid_abc123', 'A12345', 'a'.repeat(20)]) assert.equal(isValidWechatId(good), true, good);
  for (const bad of ['abc12', '1abcdef', '_abcdef', 'abc.def', 'a'.repeat(21), '张三丰abc']) assert.equal(isValidWechatId(bad), false, bad);
  assert.equal(normalizeWechatId(' Zhang_San88 '), 'Zhang_San88');
});

test('QQ numbers are 5 to 11 digits and never start with 0', () => {
  for (const good of ['10001', '2845123456', '12345678901']) assert.equal(isValidQq(good), true, good);
  for (const bad of ['1234', '012345', '123456789012', '12a45']) assert.equal(isValidQq(bad), false, bad);
  assert.equal(normalizeQq('２８４５１２３４５６'), '2845123456');
});
