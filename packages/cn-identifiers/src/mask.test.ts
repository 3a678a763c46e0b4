import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FINDING_TYPES,
  mask,
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdNumber,
  maskLandline,
  maskMobile,
  maskName,
  maskQq,
  maskUscc,
  maskWechatId,
  type MaskKind,
} from './index.ts';

test('a mobile number keeps its first 3 and last 4 digits', () => {
  assert.equal(maskMobile('13812341234'), '138****1234');
  assert.equal(maskMobile('+86 138-1234-1234'), '138****1234');
  assert.equal(maskMobile('００８６１３８１２３４１２３４'), '138****1234');
});

test('an ID number keeps its first 3 and last 4 characters', () => {
  assert.equal(maskIdNumber('110105194912311234'), '110***********1234');
  assert.equal(maskIdNumber('11010519491231002x'), '110***********002X');
  assert.equal(maskIdNumber('110105491231002'), '110********1002');
});

test('a bank card shows only its last 4 digits, whatever its length', () => {
  assert.equal(maskBankCard('6222 0212 3456 7890 128'), '****0128');
  assert.equal(maskBankCard('4111111111111234'), '****1234');
});

test('a credit code keeps its first 2 and last 4 characters', () => {
  assert.equal(maskUscc('91350100M000100Y43'), '91************0Y43');
});

test('a landline keeps its area code and last 2 digits and drops the extension', () => {
  assert.equal(maskLandline('(021) 6123-4567 转 8001'), '021-******67');
  assert.equal(maskLandline('0571-8765432'), '0571-*****32');
});

test('an e-mail keeps the first character of the local part and the domain', () => {
  assert.equal(maskEmail('Wang.Lei@Example.com'), 'w***@example.com');
});

test('WeChat ids and QQ numbers keep their first and last character around a fixed-width middle', () => {
  assert.equal(maskWechatId('zhang_san88'), 'z****8');
  assert.equal(maskWechatId('abcdef'), 'a****f');
  assert.equal(maskQq('2845123456'), '2****6');
});

test('Chinese names keep the surname, compound surnames whole', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('欧阳娜娜'), '欧阳**');
  assert.equal(maskName('欧阳锋'), '欧阳*');
  assert.equal(maskName('司马光'), '司马*');
  assert.equal(maskName('诸葛亮'), '诸葛*');
  assert.equal(maskName('上官婉儿'), '上官**');
  assert.equal(maskName('令狐冲'), '令狐*');
  assert.equal(maskName('欧阳'), '欧*'); // two characters: a surname plus a one-character given name
  assert.equal(maskName(' 李 '), '*');
});

test('Latin names keep their first letter', () => {
  assert.equal(maskName('John Smith'), 'J***');
  assert.equal(maskName('wang lei'), 'w***');
});

test('an address is cut after its district, county or county-level city', () => {
  assert.equal(maskAddress('上海市浦东新区张江路123号2号楼1203室'), '上海市浦东新区');
  assert.equal(maskAddress('广东省深圳市南山区科技园南路88号'), '广东省深圳市南山区');
  assert.equal(maskAddress('北京市朝阳区建国路1号'), '北京市朝阳区');
  assert.equal(maskAddress('浙江省杭州市西湖区文三路100号'), '浙江省杭州市西湖区');
  assert.equal(maskAddress('江苏省苏州市昆山市花桥镇1号'), '江苏省苏州市昆山市');
  assert.equal(maskAddress('河北省保定市涞水县城关镇'), '河北省保定市涞水县');
  assert.equal(maskAddress('广西壮族自治区南宁市青秀区民族大道'), '广西壮族自治区南宁市青秀区');
  assert.equal(maskAddress('内蒙古自治区呼和浩特市新城区'), '内蒙古自治区呼和浩特市新城区');
  assert.equal(maskAddress('深圳市南山区科技园'), '深圳市南山区');
  assert.equal(maskAddress('浙江杭州西湖区文三路'), '浙江杭州西湖区');
});

test('an address without a district keeps only the levels above it', () => {
  assert.equal(maskAddress('杭州市文三路100号'), '杭州市');
  assert.equal(maskAddress('广东省深圳市科技园路1号'), '广东省深圳市');
});

test('junk never throws and comes back fully starred', () => {
  const junk: unknown[] = ['', 'abc', '12', '某某大厦1203室', null, undefined, 42, {}, '💥💥💥'];
  // Names are left out: any Latin string is a plausible name ("abc" → "a***").
  const expectedLength: Record<Exclude<MaskKind, 'name'>, number> = {
    mobile: 11,
    landline: 8,
    id_card: 18,
    uscc: 18,
    bank_card: 8,
    email: 6,
    wechat: 6,
    qq: 6,
    address: 6,
  };
  for (const kind of [...FINDING_TYPES, 'address'] as const) {
    for (const value of junk) {
      const masked = mask(kind, value as string);
      assert.match(masked, /^\*+$/, `${kind} ${String(value)}`);
      assert.equal(masked.length, expectedLength[kind], `${kind} ${String(value)}`);
    }
  }
  assert.equal(maskName(null as unknown as string), '**');
  assert.equal(mask('nonsense' as MaskKind, '13812345678'), '******');
});

test('mask dispatches on the kind', () => {
  assert.equal(mask('mobile', '13812341234'), '138****1234');
  assert.equal(mask('id_card', '11010519491231002X'), '110***********002X');
  assert.equal(mask('bank_card', '6222021234567890128'), '****0128');
  assert.equal(mask('uscc', '91350100M000100Y43'), '91************0Y43');
  assert.equal(mask('landline', '021-61234567'), '021-******67');
  assert.equal(mask('email', 'a@example.com'), 'a***@example.com');
  assert.equal(mask('wechat', 'zhang_san88'), 'z****8');
  assert.equal(mask('qq', '2845123456'), '2****6');
  assert.equal(mask('name', '欧阳娜娜'), '欧阳**');
  assert.equal(mask('address', '上海市浦东新区张江路1号'), '上海市浦东新区');
});
