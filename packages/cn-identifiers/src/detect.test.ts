import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detect, type FindingType } from './index.ts';

const TODAY = new Date('2025-06-01T12:00:00+08:00');
const ID = '310115199003071239';
const USCC = '91310115MA1K3ABC5W';
const CARD = '6222021234567890128';

/** [type, exact written text] for every finding, in order. */
function found(text: string): Array<[FindingType, string]> {
  return detect(text, { today: TODAY }).map((f) => [f.type, text.slice(f.start, f.end)]);
}

test('findings carry UTF-16 offsets into the original text, end exclusive, and normalized values', () => {
  const text = '📞电话：138 1234 5678，邮箱 Wang.Lei@Example.com';
  assert.deepEqual(detect(text, { today: TODAY }), [
    { type: 'mobile', start: 5, end: 18, value: '+8613812345678' },
    { type: 'email', start: 22, end: 42, value: 'wang.lei@example.com' },
  ]);
});

test('digits glued to Chinese text are found', () => {
  assert.deepEqual(found('联系人王经理13812345678微信同号'), [['mobile', '13812345678']]);
  assert.deepEqual(found(`法人身份证${ID}已核验`), [['id_card', ID]]);
  assert.deepEqual(found(`信用代码${USCC}可查`), [['uscc', USCC]]);
  assert.deepEqual(found(`打到${CARD}上`), [['bank_card', CARD]]);
});

test('every kind of identifier is found in one text, sorted and without overlap', () => {
  const text = `手机13812345678，座机021-61234567，身份证${ID}，信用代码${USCC}，卡号${CARD}，邮箱a.b@qq.com，微信：wang_lei88，QQ：2845123456`;
  assert.deepEqual(found(text), [
    ['mobile', '13812345678'],
    ['landline', '021-61234567'],
    ['id_card', ID],
    ['uscc', USCC],
    ['bank_card', CARD],
    ['email', 'a.b@qq.com'],
    ['wechat', 'wang_lei88'],
    ['qq', '2845123456'],
  ]);
});

test('a mobile number keeps its written country prefix in the span', () => {
  assert.deepEqual(found('Tel: +86 138 1234 5678'), [['mobile', '+86 138 1234 5678']]);
  assert.deepEqual(found('电话+86-138-1234-5678'), [['mobile', '+86-138-1234-5678']]);
  assert.deepEqual(found('电话0086 13812345678'), [['mobile', '0086 13812345678']]);
  assert.deepEqual(found('电话86-13812345678'), [['mobile', '86-13812345678']]);
  assert.deepEqual(found('电话(+86)13812345678'), [['mobile', '(+86)13812345678']]);
  assert.deepEqual(found('电话（＋８６） １３８１２３４５６７８'), [['mobile', '（＋８６） １３８１２３４５６７８']]);
});

test('obfuscated mobile numbers are found: full-width digits, groups, spaced digits', () => {
  assert.deepEqual(found('电话１３８１２３４５６７８'), [['mobile', '１３８１２３４５６７８']]);
  assert.deepEqual(found('电话 138-1234-5678 谢谢'), [['mobile', '138-1234-5678']]);
  assert.deepEqual(found('电话 1 3 8 1 2 3 4 5 6 7 8 你懂的'), [['mobile', '1 3 8 1 2 3 4 5 6 7 8']]);
  assert.deepEqual(found('电话 1-3-8-1-2-3-4-5-6-7-8'), [['mobile', '1-3-8-1-2-3-4-5-6-7-8']]);
  assert.deepEqual(found('电话 138 12345678'), [['mobile', '138 12345678']]);
});

test('cue letters glued in front of a number do not hide it', () => {
  assert.deepEqual(found('VX13812345678'), [['mobile', '13812345678']]);
  assert.deepEqual(found('Tel13812345678'), [['mobile', '13812345678']]);
  assert.deepEqual(found(`ID${ID}`), [['id_card', ID]]);
});

test('two numbers side by side are two findings', () => {
  assert.deepEqual(found('13812345678,13987654321，13512345678、13612345678/13712345678'), [
    ['mobile', '13812345678'],
    ['mobile', '13987654321'],
    ['mobile', '13512345678'],
    ['mobile', '13612345678'],
    ['mobile', '13712345678'],
  ]);
  assert.deepEqual(found('138 1234 5678 139 8765 4321'), [
    ['mobile', '138 1234 5678'],
    ['mobile', '139 8765 4321'],
  ]);
});

test('ID numbers are found plain, grouped, with a lower-case x and in full width', () => {
  assert.deepEqual(found('身份证号：11010519491231002x'), [['id_card', '11010519491231002x']]);
  assert.deepEqual(found('身份证号 310115 19900307 1239'), [['id_card', '310115 19900307 1239']]);
  assert.deepEqual(found('身份证号 3101 1519 9003 0712 39'), [['id_card', '3101 1519 9003 0712 39']]);
  assert.deepEqual(found('身份证号３１０１１５１９９００３０７１２３９'), [['id_card', '３１０１１５１９９００３０７１２３９']]);
});

test('a bank card written in groups of four is one finding', () => {
  assert.deepEqual(found('卡号：6222 0212 3456 7890 128（工行）'), [['bank_card', '6222 0212 3456 7890 128']]);
  assert.deepEqual(found('Card No. 6222-0212-3456-7890-128'), [['bank_card', '6222-0212-3456-7890-128']]);
});

test('a credit code in lower case is found', () => {
  assert.deepEqual(found(`税号：${USCC.toLowerCase()}`), [['uscc', USCC.toLowerCase()]]);
});

test('landlines are found with brackets, extensions and country codes', () => {
  assert.deepEqual(found('座机(021)6123-4567转8001，传真0755-86012345'), [
    ['landline', '(021)6123-4567转8001'],
    ['landline', '0755-86012345'],
  ]);
  assert.deepEqual(found('Office: +86 21 6123 4567 ext. 12'), [['landline', '+86 21 6123 4567 ext. 12']]);
  assert.deepEqual(found('电话（０５７１）８７６５４３２１'), [['landline', '（０５７１）８７６５４３２１']]);
});

test('e-mail addresses are found next to Chinese text and without trailing punctuation', () => {
  assert.deepEqual(found('资料发我邮箱zhang.wei@163.com，谢谢'), [['email', 'zhang.wei@163.com']]);
  assert.deepEqual(found('email me at john.doe@example.co.uk.'), [['email', 'john.doe@example.co.uk']]);
  assert.deepEqual(found('邮箱12345678＠qq.com'), [['email', '12345678＠qq.com']]);
});

test('the digits of a QQ mail address are reported once, as the e-mail', () => {
  assert.deepEqual(found('QQ邮箱：2845123456@qq.com'), [['email', '2845123456@qq.com']]);
});

test('WeChat ids are found after the usual announcements', () => {
  for (const cue of [
    '微信：',
    '微信号 ',
    '微信号码：',
    '微信ID: ',
    'VX：',
    'vx ',
    'V信 ',
    '威信：',
    '薇信：',
    '加V：',
    '+V ',
    '加微信 ',
    'wx: ',
    'WeChat: ',
    'WeChat ID ',
    'V：',
    '你加我vx，',
    '微信/QQ：',
    '微信搜 ',
  ]) {
    assert.deepEqual(found(`${cue}wang_lei88 详聊`), [['wechat', 'wang_lei88']], cue);
  }
});

test('a quoted word that closes a JSON list or object announces nothing after it, while a JSON key still does', () => {
  assert.deepEqual(found('{"options":["电话","微信"],"answer":"platform_2"}'), []);
  assert.deepEqual(found('{"channels":{"QQ"},"code":"2845123456"}'), []);
  assert.deepEqual(found('{"微信":"wang_lei88"}'), [['wechat', 'wang_lei88']]);
});

test('QQ numbers are found after the usual announcements', () => {
  for (const cue of ['QQ：', 'QQ ', 'qq号', 'QQ号码：', '扣扣：', '企鹅号 ', 'QQ', 'Q号：', 'my QQ is ', 'QQ/微信：']) {
    assert.deepEqual(found(`${cue}2845123456，晚上在线`), [['qq', '2845123456']], cue);
  }
});

test('a number announced as WeChat is reported as the mobile number it is', () => {
  assert.deepEqual(found('微信：13812345678'), [['mobile', '13812345678']]);
});

test('a 13-digit number is only a mobile number when the extra digits are the 86 prefix', () => {
  assert.deepEqual(found('电话 8613812345678'), [['mobile', '8613812345678']]);
  assert.deepEqual(found('电话 5513812345678'), []);
});

test('empty and non-string input give no findings', () => {
  assert.deepEqual(detect(''), []);
  assert.deepEqual(detect(undefined as unknown as string), []);
});
