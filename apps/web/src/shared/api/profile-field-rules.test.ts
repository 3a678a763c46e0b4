import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { isAcceptableProfileValue } from './profile-field-rules.ts';

const validId = (body: string) => `${body}${idNumberCheckChar(body)}`;

test('identifiers are checked with the cn-identifiers validators', () => {
  assert.ok(isAcceptableProfileValue('mobile', '+86 138 0000 0001'));
  assert.ok(!isAcceptableProfileValue('mobile', '1380000000'));
  assert.ok(isAcceptableProfileValue('email', 'seller.demo@example.com'));
  assert.ok(!isAcceptableProfileValue('email', 'seller@'));
  assert.ok(isAcceptableProfileValue('idNumber', validId('11010119800101001')));
  const good = validId('11010119800101001');
  const wrongCheck = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
  assert.ok(!isAcceptableProfileValue('idNumber', wrongCheck));
  assert.ok(!isAcceptableProfileValue('idNumber', '123456789012345678'));
  assert.ok(isAcceptableProfileValue('wechat', 'zxm_demo_01'));
  assert.ok(!isAcceptableProfileValue('wechat', '1abcdef'));
});

test('names and addresses are checked by length only, empty means unchanged', () => {
  assert.ok(isAcceptableProfileValue('realName', '欧阳丽华'));
  assert.ok(!isAcceptableProfileValue('realName', 'x'.repeat(51)));
  assert.ok(!isAcceptableProfileValue('address', '沪'));
  assert.ok(isAcceptableProfileValue('address', ''));
  assert.ok(isAcceptableProfileValue('mobile', undefined));
});
