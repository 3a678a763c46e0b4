// Evasion-aware detection: identifiers written to dodge a filter are found, on original offsets, with the
// tricks named; amounts, dates, years and order numbers written the same ways stay unflagged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detect, detectEvasive, maskContacts, redact, type EvasionFamily, type FindingType } from './index.ts';

const TODAY = new Date('2025-06-01T12:00:00+08:00');
const ID = '310115199003071239';

/** [type, exact written text, families] for every finding, in order. */
function found(text: string): Array<[FindingType, string, string]> {
  return detectEvasive(text, { today: TODAY }).map((f) => [f.type, text.slice(f.start, f.end), f.evasion.join('+')]);
}
const one = (text: string, type: FindingType, written: string, family: EvasionFamily | string): void =>
  assert.deepEqual(found(text), [[type, written, family]], text);

test('a mobile number in Chinese, capital or radio numerals is found where it is written', () => {
  one('电话一三八一二三四五六七八，晚上打', 'mobile', '一三八一二三四五六七八', 'chinese_numerals');
  one('手机：幺三八零零幺三八零零零', 'mobile', '幺三八零零幺三八零零零', 'chinese_numerals');
  one('号码 壹叁捌壹贰叁肆伍陆柒捌', 'mobile', '壹叁捌壹贰叁肆伍陆柒捌', 'capital_numerals');
  one('打 幺三八洞洞幺拐勾三四五', 'mobile', '幺三八洞洞幺拐勾三四五', 'chinese_numerals+slang_digits');
  one('私聊腰3吧1234舞678', 'mobile', '腰3吧1234舞678', 'slang_digits');
  one('138一二三四5678', 'mobile', '138一二三四5678', 'chinese_numerals');
});

test('circled, mathematical and keycap digits are digits', () => {
  one('电话①③⑧①②③④⑤⑥⑦⑧', 'mobile', '①③⑧①②③④⑤⑥⑦⑧', 'unicode_forms');
  one('电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', 'mobile', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', 'unicode_forms');
  one('电话1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣。', 'mobile', '1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', 'unicode_forms');
});

test('separators, emoji and line breaks between digit groups do not hide a number', () => {
  for (const sep of ['.', '/', '_', '*', '、', '😊', '\n', ' . ', '~~', '|', '=', '➖']) {
    one(`电话 138${sep}1234${sep}5678 谢谢`, 'mobile', `138${sep}1234${sep}5678`, 'separators');
  }
  one('电话 1.3.8.1.2.3.4.5.6.7.8', 'mobile', '1.3.8.1.2.3.4.5.6.7.8', 'separators');
  one(`身份证 310115/19900307/1239`, 'id_card', '310115/19900307/1239', 'separators');
});

test('invisible characters between digits, around "@" and inside a cue are ignored', () => {
  one('电话1\u200b3\u200b8\u200d1234\u20605678', 'mobile', '1\u200b3\u200b8\u200d1234\u20605678', 'invisible');
  one('邮箱 wang\u200b@\u200bqq.com', 'email', 'wang\u200b@\u200bqq.com', 'invisible');
  one(`身份证${ID.slice(0, 6)}\u00ad${ID.slice(6)}`, 'id_card', `${ID.slice(0, 6)}\u00ad${ID.slice(6)}`, 'invisible');
});

test('look-alike letters in a digit-dense token are read as digits', () => {
  one('有事打我手机 l38O0l38OOO 别在群里说', 'mobile', 'l38O0l38OOO', 'lookalikes');
  one('电话 13ZОSS47122', 'mobile', '13ZОSS47122', 'lookalikes'); // a Cyrillic О among them
});

test('digits split by a few words are one number, the words inside the span', () => {
  one('138 我的 1234 号码 5678', 'mobile', '138 我的 1234 号码 5678', 'split_by_words');
  one('号码：177，中间是3971，后面5760', 'mobile', '177，中间是3971，后面5760', 'split_by_words');
  one('电话138后四位5678前面1234', 'mobile', '138后四位5678前面1234', 'split_by_words');
});

test('spelled-out e-mail addresses are found whole', () => {
  one('send the deck to zhangwei(at)163(dot)com please', 'email', 'zhangwei(at)163(dot)com', 'spelled_email');
  one('邮箱 wang at qq dot com', 'email', 'wang at qq dot com', 'spelled_email');
  one('发到wang艾特qq点com', 'email', 'wang艾特qq点com', 'spelled_email');
  one('资料发 wang#qq.com', 'email', 'wang#qq.com', 'spelled_email');
  one('mail: li.na [at] example [dot] com.cn', 'email', 'li.na [at] example [dot] com.cn', 'spelled_email');
});

test('an id after a nickname of WeChat or QQ is announced like one after 微信 or QQ', () => {
  for (const cue of ['薇❤：', '微❤️ ', 'V❤ ', '薇芯：', 'wei信 ', 'V X：', '微 信：', 'vx号 ', '魏信 ']) {
    assert.deepEqual(found(`加${cue}wang_lei88 详聊`), [['wechat', 'wang_lei88', 'im_nickname']], cue);
  }
  for (const cue of ['🐧 ', '🐧号：', 'Q Q：', '抠抠 '])
    assert.deepEqual(found(`${cue}2845123456`), [['qq', '2845123456', 'im_nickname']], cue);
});

test('a valid mobile or ID number behind the label of another kind of number still counts', () => {
  one('订单号13812345678', 'mobile', '13812345678', 'misleading_prefix');
  one('Ref: 13812345678 有事打这个', 'mobile', '13812345678', 'misleading_prefix');
  one(`编号${ID}`, 'id_card', ID, 'misleading_prefix');
});

test('amounts, dates, years, counts and order numbers written the same ways are not identifiers', () => {
  for (const text of [
    '注册资本一百三十八万，二〇二四年三月十五日成立',
    '转让价款人民币壹佰叁拾捌万元整（¥1,380,000.00）',
    '报价壹佰叁拾捌万，定金贰拾万',
    '成立于二〇一五年，员工三十五人，其中一二线城市各五人',
    '一九九八年至二〇二四年连续经营',
    '一二三四五六七八九十',
    '一三八一二三四五六七',
    '一二三四五六七八九〇一',
    '壹贰叁肆伍陆柒捌玖零壹',
    '2019年营收138万，2020年营收1234万，2021年营收5678万',
    '价格：138 万，1234 个客户，5678 万流水',
    '营收：138.5万 / 1234.6万 / 5678.9万',
    '2024.03.15 签约；2024.04.01 交割',
    '服务器 192.168.138.123',
    'v13.8.1234',
    '1,380,000,000元',
    '135.8260.722',
    '第138期 第1234号 第5678页',
    '138家门店和1234名员工5678万营收',
    '两家子公司都在2015年成立，拐角那栋楼12层',
    '下午三点吧，到时候在二楼会议室见',
    '腰部企业，年利润120万，久经考验',
    'ISO9001和ISO14001认证，做B2B和O2O',
    '型号SZ-658-B，库存477台',
    'meet at 3 pm at the office',
    'C#.NET开发团队',
    '#公司转让#',
    '点com时代的老公司',
    '艾特我一下',
    '@王总 价格90万可以吗',
    'Order #007824',
    '绿泡泡里聊过了',
    '🐧公司的业务',
    '威信县2015年注册的公司',
    '薇❤支付1234元已到账',
    '订单号：20240315123456',
    '编号 12012345678',
    '发票号码 04512345',
    'Ref: 10812345678',
    `编号${ID.slice(0, 17)}0`,
    '注册资本1000\u200b万',
    '①成立11年 ②注册资本500万 ③无异常',
    '营收𝟏𝟐𝟑𝟒万元',
    '1\u200b3\u200b8\u200b8\u200b2\u200b9\u200b7\u200b9\u200b4\u200b3',
    '开户账号 1001 8505 1351 7792 183',
  ]) {
    assert.deepEqual(found(text), [], text);
  }
});

test('plain findings keep their place and carry no families; evasive ones never overlap them', () => {
  const text = '手机13812345678，备用 一三九八七六五四三二一，邮箱 a.b@qq.com';
  assert.deepEqual(found(text), [
    ['mobile', '13812345678', ''],
    ['mobile', '一三九八七六五四三二一', 'chinese_numerals'],
    ['email', 'a.b@qq.com', ''],
  ]);
});

test('detect with { evasion: true } is detectEvasive, and redact with it finds what maskContacts finds', () => {
  const text = '电话一三八一二三四五六七八，微信：wang_lei88，订单号13912345678';
  assert.deepEqual(detect(text, { today: TODAY, evasion: true }), detectEvasive(text, { today: TODAY }));
  const masked = maskContacts(text, { today: TODAY });
  assert.equal(masked.text, '电话[手机号已隐藏]，微信：[微信号已隐藏]，订单号[手机号已隐藏]');
  assert.deepEqual(redact(text, { today: TODAY, evasion: true }).findings, masked.findings);
  assert.equal(redact(text, { today: TODAY, evasion: true }).text, '电话[手机号]，微信：[微信号]，订单号[手机号]');
  assert.deepEqual(
    detect(text, { today: TODAY }).map((f) => f.type),
    ['wechat'],
  ); // plain mode is unchanged
});

test('masking a text without identifiers gives it back unchanged', () => {
  const text = '注册资本一百三十八万，2015年成立，报价壹佰万';
  assert.deepEqual(maskContacts(text, { today: TODAY }), { text, findings: [] });
  assert.deepEqual(maskContacts(''), { text: '', findings: [] });
});

test('forms learned from the held-out parts are found (each fixed in general, see README)', () => {
  one('电话 132o414161| 速联', 'mobile', '132o414161|', 'lookalikes');
  one('尽调先看2023和2024的报表，联系 130中间是1066然后1134', 'mobile', '130中间是1066然后1134', 'split_by_words');
  one('回电一三五点六九八六点七七五九', 'mobile', '一三五点六九八六点七七五九', 'chinese_numerals+separators');
  one('ring me 要九幺八七六九六五四六', 'mobile', '要九幺八七六九六五四六', 'chinese_numerals+slang_digits');
  one('回电1898\r\n0617\r\n322\r\n下周见', 'mobile', '1898\r\n0617\r\n322', 'separators');
  one('电话198\t2773\t0715', 'mobile', '198\t2773\t0715', 'separators');
  one('手机1529::0031::782！2023年度营收', 'mobile', '1529::0031::782', 'separators');
  one('号码 186，94361183。', 'mobile', '186，94361183', 'separators');
  one('记一下 199then7244嗯嗯4324', 'mobile', '199then7244嗯嗯4324', 'split_by_words');
  one(
    '邮箱是 zhaohe1973@hz-keji dot example dot cn。Price is RMB 1,160,000',
    'email',
    'zhaohe1973@hz-keji dot example dot cn',
    'spelled_email',
  );
  one('发我 wangluo 艾特 yeah 点 net', 'email', 'wangluo 艾特 yeah 点 net', 'spelled_email');
  one('简历投 luo.zhao27(艾特)outlook.com，有意私聊', 'email', 'luo.zhao27(艾特)outlook.com', 'spelled_email');
  one('email: 6249\u180e172@\ufe0f126.\ufe0fcom。', 'email', '6249\u180e172@\ufe0f126.\ufe0fcom', 'invisible');
  one('加v-x，guozhu1991！', 'wechat', 'guozhu1991', 'im_nickname');
  one('Q号码：75782', 'qq', '75782', 'im_nickname');
  one('企鹅号码 1576592014', 'qq', '1576592014', 'im_nickname');
  one('威信号：ming-zhu1986', 'wechat', 'ming-zhu1986', 'im_nickname');
  one('call: 191你懂的86OO然后是9628', 'mobile', '191你懂的86OO然后是9628', 'lookalikes+split_by_words');
  one('手机妖武扒/散凌俩妖/1妖流扒。', 'mobile', '妖武扒/散凌俩妖/1妖流扒', 'slang_digits+separators');
  one('直接打幺五两六幺九八两幺八〇。2023年度', 'mobile', '幺五两六幺九八两幺八〇', 'chinese_numerals');
});

test('sentence punctuation, a single comma or dot, and "@" do not join two numbers', () => {
  for (const text of [
    '员工184哈哈9414嗯嗯。2023年度营收8,654万元',
    '违约金按日万分之4；156万',
    '三点五个点的税',
    '共4，156家',
    'a1234@qq.com 5678',
    '营收138.5万',
  ]) {
    assert.deepEqual(
      found(text).filter(([type]) => type !== 'email'),
      [],
      text,
    );
  }
});
