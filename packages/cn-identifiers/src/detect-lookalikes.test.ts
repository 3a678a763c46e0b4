// Numbers that look like identifiers and are not. Each must give no finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detect, idNumberCheckChar } from './index.ts';

const TODAY = new Date('2025-06-01T12:00:00+08:00');
const LUHN_VALID_ORDER = '6222021234567890128';

function assertNothing(texts: readonly string[]): void {
  for (const text of texts) assert.deepEqual(detect(text, { today: TODAY }), [], text);
}

test('order, serial and tracking numbers are not identifiers, even when they pass a checksum', () => {
  assertNothing([
    '订单号13812345678',
    '订单号：13812345678',
    '单号 13812345678 已签收',
    `流水号${LUHN_VALID_ORDER}`,
    `交易流水号：${LUHN_VALID_ORDER}`,
    `合同编号：${LUHN_VALID_ORDER}`,
    '发票号码 13812345678',
    '运单号13812345678',
    '快递单号：13812345678',
    `交易参考号${LUHN_VALID_ORDER}`,
    'Order No. 13812345678',
    'Order #13812345678',
    'Ref: 13812345678',
    `Invoice No. ${LUHN_VALID_ORDER}`,
    'Tracking number 13812345678',
    'No.13812345678',
    '合同编号 HT-2024-13812345678',
    '流水号 2024-03-15-13812345678',
  ]);
});

test('tracking numbers glued to carrier letters are codes', () => {
  assertNothing(['SF1234567890123', '顺丰SF13812345678', 'YT13812345678901', 'JDVA13812345678', 'EA138123456CN']);
});

test('amounts are not identifiers', () => {
  assertNothing([
    '注册资本1000万',
    '¥13800000000',
    '￥ 13800000000',
    '13800000000元',
    '13800000000 元',
    '13,800,000 元',
    '13,800,000,000',
    '人民币13800000000元',
    '注册资本13800000000',
    '报价：13800000000',
    'RMB 13812345678',
    'Revenue 13800000000 CNY',
    '13812345678.00元',
    '金额 6222021234567890128',
    '估值约13812345678',
    '增长13812345678%',
  ]);
});

test('dates, times and timestamps are not identifiers', () => {
  assertNothing([
    '20240315',
    '2024-03-15',
    '2024/03/15',
    '2024.03.15',
    '2024年3月15日',
    '2024-03-15 13:45:22',
    '20240315134522',
    '1710489600',
    '1710489600123',
    '2024-03-15T13:45:22+08:00',
  ]);
});

test('ID-shaped numbers with a wrong check digit, an impossible date or no province are not ID numbers', () => {
  const bad = (first17: string, wrong = false): string => {
    const check = idNumberCheckChar(first17);
    return first17 + (wrong ? (check === '0' ? '1' : '0') : check);
  };
  assertNothing([
    `身份证号：${bad('31011519900307123', true)}`,
    `身份证号：${bad('31011519900230123')}`,
    `身份证号：${bad('31011520310307123')}`,
    `身份证号：${bad('99011519900307123')}`,
    `${bad('31011519900307123', true)}`,
  ]);
});

test('a mistyped ID number that happens to pass Luhn is not reported as a bank card', () => {
  // Province 62 starts like a UnionPay card; find a wrong-check number that is Luhn-valid.
  for (let n = 0; n < 1000; n++) {
    const first17 = `6201021990030${String(n).padStart(4, '0')}`;
    for (const last of '0123456789') {
      const candidate = first17 + last;
      if (last === idNumberCheckChar(first17) || !isLuhn(candidate)) continue;
      assert.deepEqual(detect(`身份证号：${candidate}`, { today: TODAY }), []);
      assert.equal(detect(candidate, { today: TODAY })[0]?.type, 'bank_card'); // without the label it may be a card
      return;
    }
  }
  assert.fail('no Luhn-valid wrong-check ID found');
});

function isLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

test('credit codes with a wrong check character and card numbers failing Luhn are not reported', () => {
  assertNothing(['统一社会信用代码：91350100M000100Y44', '卡号：6222021234567890127', '6222 0212 3456 7890 127']);
});

test('15-digit registration numbers and old ID numbers are not reported', () => {
  assertNothing(['注册号：310115000812345', '税务登记证号 310115123456789', '旧身份证 110105491231002']);
});

test('phone-like runs with too many or too few digits are not mobile numbers', () => {
  assertNothing([
    '138123456789',
    '1381234567',
    '手机138123456789多了一位',
    '138-1234-5678-9',
    '138 1234 56789',
    '013812345678',
    '12345678901',
    '10086',
    '(138)0013-8000',
  ]);
});

test('version numbers, IP addresses, postal codes and other codes are not identifiers', () => {
  assertNothing([
    'v13.8.12345678',
    '版本号 13.8.1234',
    'Build 20240315.1',
    '192.168.138.123',
    '邮编200120',
    '股票代码600519',
    '发票代码 031002300111 发票号码 13812345',
    '联行号308290003011',
    '对公账户 31001234567890123456',
    '基本户：1001 2345 6789 0123 456',
    '组织机构代码 MA1K3ABC-5',
    '（2023）沪0115民初12345号',
    '沪ICP备2024012345号-1',
    'ISBN 978-7-111-54321-0',
    '400-820-8820',
    '食品经营许可证编号JY13101150012345',
    'ZL 2024 1 0123456.7',
    '商标注册号第13812345号',
    '沪A12345',
    '13.8%',
  ]);
});

test('a slice of a number written in groups of four is never reported on its own', () => {
  assertNothing(['6228 0755 8601 2345 671', '1381 2345 6789 0123 4567']);
});

test('messaging words without a handle, and handles without an announcement, are not reported', () => {
  assertNothing([
    '微信同号',
    '加V认证企业',
    '微信支付已到账',
    '微信公众号：沪上企服',
    'WeChat: available on request',
    'QQ群：812345678',
    'QQ空间访问量12345',
    'zhang_san88 这个人靠谱吗',
    '他是 28451234 那个群里的',
    'wxPython 4.2',
    '微信：abc',
    '微信：abcdefghijklmnopqrstu',
    'QQ：012345',
    'QQ:123456789012',
    '微信支付订单号4200001234202403151234567890',
  ]);
});

test('malformed e-mail addresses are not reported', () => {
  assertNothing(['abc@163', 'a@b.c', '@张三 你好', 'abc..def@qq.com', 'user@localhost']);
});

test('masked identifiers are not reported', () => {
  assertNothing(['电话：138****5678', '身份证：110***********1234', '卡号****0128', '91************0Y43']);
});
