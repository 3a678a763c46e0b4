// SECOND HELD-OUT PART (held-out B). The first held-out part was looked at once (README: two families were then
// fixed), so it no longer measures those families blind. This part was written after that look and before any
// further change to the detector, generated once with its own seed, and frozen (evasion.test.ts pins its hash).
// Phrasings, wrappers and encodings are new; some forms are ones the detector is not known to handle.
import { decoy, piece, type Part } from '../compose.ts';
import type { Rng } from '../rng.ts';
import { bankCard, email, idNumber, mobile, qq, wechatId } from '../synthetic-ids.ts';
import type { EvasionFamily } from './families.ts';
import type { Built } from './heldout-templates.ts';

type Builder = (rng: Rng) => Built;
const NUM = '〇一二三四五六七八九';
const BIG = '零壹贰叁肆伍陆柒捌玖';
const each = (digits: string, f: (d: number) => string): string => [...digits].map((c) => (c >= '0' && c <= '9' ? f(Number(c)) : c)).join('');
const split = (s: string, sizes: readonly number[]): string[] => {
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(s.slice(at, at + n));
    at += n;
  }
  return at < s.length ? [...parts, s.slice(at)] : parts;
};

function context(rng: Rng): string {
  return rng.pick([
    `南京江宁区一家物流公司，${rng.int(2009, 2019)}年成立，车辆${rng.int(5, 40)}台，年营收${rng.int(300, 3000)}万`,
    `青岛黄岛区外贸公司，进出口权齐全，${rng.int(2, 12)}个海关编码，注册资本${rng.pick([200, 800, 2000])}万`,
    `2023年度：营收${rng.int(1, 9)},${rng.int(100, 999)}万元，净利润${rng.int(10, 300)}.${rng.int(1, 9)}万元`,
    `合同约定首付${rng.int(20, 40)}%，${rng.int(30, 90)}天内付清，违约金按日万分之${rng.int(3, 5)}`,
    `你上次说的那家，${rng.int(2016, 2022)}年的审计报告还没给`,
    `周${rng.pick(['一', '三', '五'])}上午${rng.int(9, 11)}点在园区${rng.int(1, 9)}号楼碰一下`,
    `Price is RMB ${rng.int(40, 300)}0,000, negotiable`,
  ]);
}
function wrap(rng: Rng, clause: Part[]): Built {
  if (rng.chance(0.5)) return { kind: 'listing', parts: [context(rng), rng.pick(['；', '，', '\n']), ...clause, rng.pick(['', '（诚心转让）', '。'])] };
  const parts: Part[] = [rng.pick(['A：', 'B：', '顾问小林：', '', '[买家] ']), ...clause];
  if (rng.chance(0.5)) parts.push(rng.pick(['\r\n', '。', '！']), context(rng));
  return { kind: 'chat', parts };
}
const ask = (rng: Rng): string => rng.pick(['直接打', '手机', '电话多少？', '回电', 'ring me ', '我号', '联系方式', '打给我 ']);

const positives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => each(m, (d) => (d === 0 ? '⓿' : String.fromCodePoint(0x24f4 + d))),
      () => each(m, (d) => (d === 0 ? '0' : String.fromCodePoint(0x2775 + d))),
      () => each(m, (d) => (d === 0 ? '0' : String.fromCodePoint(0x2789 + d))),
      () => each(m, (d) => String.fromCodePoint(0x2080 + d)),
      () => each(m, (d) => (rng.chance(0.5) ? String.fromCharCode(0xff10 + d) : String(d))),
    ])();
    return wrap(rng, [ask(rng), piece('mobile', form)]);
  },
  chinese_numerals: (rng) => {
    const roll = rng.next();
    if (roll < 0.15) return wrap(rng, ['卡号：', piece('bank_card', each(bankCard(rng), (d) => NUM[d]!))]);
    const m = mobile(rng);
    const form = rng.pick([
      () => [...each(m, (d) => NUM[d]!)].join(' '),
      () => split(each(m, (d) => NUM[d]!), [3, 4, 4]).join('点'),
      () => each(m, (d) => (d === 0 ? '零' : NUM[d]!)),
      () => each(m, (d) => (d === 1 ? '幺' : d === 2 ? '两' : NUM[d]!)),
    ])();
    return wrap(rng, [ask(rng), piece('mobile', form)]);
  },
  capital_numerals: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => each(m, (d) => (rng.chance(0.5) ? BIG[d]! : NUM[d]!)),
      () => split(each(m, (d) => BIG[d]!), [3, 4, 4]).join('，'),
      () => each(m, (d) => (rng.chance(0.3) ? BIG[d]! : String(d))),
    ])();
    return wrap(rng, [ask(rng), piece('mobile', form)]);
  },
  slang_digits: (rng) => {
    const sounds = ['凌', '妖', '俩', '散', '丝', '武', '流', '妻', '扒', '韭'];
    const m = mobile(rng);
    const form = rng.pick([
      () => each(m, (d) => (rng.chance(0.5) ? sounds[d]! : String(d))),
      () => each(m, (d) => (d === 1 ? rng.pick(['要', '幺', '腰']) : NUM[d]!)),
      () => each(m, (d) => ['洞', '幺', '两', '三', '四', '五', '六', '拐', '八', '勾'][d]!),
    ])();
    return wrap(rng, [ask(rng), piece('mobile', form)]);
  },
  separators: (rng) => {
    const m = mobile(rng);
    const sep = rng.pick(['‧', '→', '🔥', '\t', ' / ', '\r\n', '、', '^', '::', '#', '♦']);
    if (rng.chance(0.15)) return wrap(rng, ['收款 ', piece('bank_card', split(bankCard(rng, 19), [4, 4, 4, 4]).join(sep))]);
    return wrap(rng, [ask(rng), piece('mobile', split(m, rng.pick([[3, 4, 4], [3, 4, 4], [4, 4, 3]])).join(sep))]);
  },
  invisible: (rng) => {
    const inv = (): string => rng.pick(['\u2061', '\u180e', '\u034f', '\ufe0f', '\u3164', '\u200b', '\u2062']);
    if (rng.chance(0.2)) {
      const e = email(rng);
      return wrap(rng, ['email: ', piece('email', [...e].map((c, i) => (i > 0 && i % 4 === 0 ? inv() + c : c)).join(''))]);
    }
    return wrap(rng, [ask(rng), piece('mobile', [...mobile(rng)].map((c, i) => (i > 0 && rng.chance(0.5) ? inv() + c : c)).join(''))]);
  },
  lookalikes: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => m.replace(/0/g, 'O').replace(/^1/, 'I'),
      () => m.replace(/1/g, 'l'),
      () => m.replace(/8/g, 'B').replace(/5/g, 'S'),
      () => m.replace(/0/g, 'о'), // Cyrillic
      () => m.replace(/2/g, 'Z').replace(/0/g, 'o'),
    ])();
    const shown = form === m ? `l${m.slice(1)}` : form;
    return wrap(rng, [ask(rng), ' ', piece('mobile', shown), ' ']);
  },
  split_by_words: (rng) => {
    const w = (): string => rng.pick(['哈哈', '嗯嗯', '你记下', '是我的', '打过来', 'then', '再加上', '没错']);
    const [a, b, c] = split(mobile(rng), [3, 4, 4]);
    const form = rng.pick([() => `${a}${w()}${b}${w()}${c}`, () => `${a} ${w()} ${b} ${w()} ${c}`, () => `${a}${w()}${b}${c}`]);
    return wrap(rng, [rng.pick(['号：', '记一下 ', '']), piece('mobile', form())]);
  },
  spelled_email: (rng) => {
    const [local = '', domain = ''] = email(rng).split('@');
    const labels = domain.split('.');
    const form = rng.pick([
      () => `${local} at ${domain}`,
      () => `${local} (at) ${labels.join(' (dot) ')}`,
      () => `${local}@${labels.join(' dot ')}`,
      () => `${local} 艾特 ${labels.join(' 点 ')}`,
      () => `${local}＃${domain}`,
      () => `${local}[at]${labels.join('[dot]')}`,
    ])();
    return wrap(rng, [rng.pick(['邮箱是 ', 'email ', 'BP发这里：', '发我 ']), piece('email', form)]);
  },
  im_nickname: (rng) => {
    if (rng.chance(0.3)) return wrap(rng, [rng.pick(['扣扣号码 ', 'Q号码：', '🐧：', '企鹅号码 ']), piece('qq', qq(rng))]);
    const cue = rng.pick(['v-x', '威x', '薇x', '微 ❤', 'V 信', '绿泡泡号', 'vx号码', '徽❤', '卫❤']);
    return wrap(rng, ['加', cue, rng.pick(['：', ' ', '，']), piece('wechat', wechatId(rng))]);
  },
  misleading_prefix: (rng) => {
    const label = rng.pick(['发票号码：', '订单编号 ', '会员号', '工单号：', '参考号 ', 'Invoice No. ', '批次号']);
    if (rng.chance(0.25)) return wrap(rng, [label, piece('id_card', idNumber(rng))]);
    return wrap(rng, [label, piece('mobile', mobile(rng)), rng.pick(['', '（你懂的）', ' 随时'])]);
  },
  combined: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => split(each(m, (d) => (rng.chance(0.5) ? ['凌', '妖', '俩', '散', '丝', '武', '流', '妻', '扒', '韭'][d]! : String(d))), [3, 4, 4]).join('/'),
      () => [...m.replace(/0/g, 'O')].join('\u200b'),
      () => split(each(m, (d) => String.fromCharCode(0xff10 + d)), [3, 4, 4]).join('、'),
      () => {
        const [a, b, c] = split(each(m, (d) => BIG[d]!), [3, 4, 4]);
        return `${a}嗯嗯${b}没错${c}`;
      },
    ])();
    return wrap(rng, [ask(rng), piece('mobile', form)]);
  },
};

const negatives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => wrap(rng, [decoy('numbered points, subscripts, wide amounts', rng.pick([
    `❶资质齐全 ❷账目清晰 ❸可过户`, `H₂O 设备${rng.int(10, 90)}台`, `第⓵期款${rng.int(10, 90)}万`, `１３８万，２０１９年`, `➊${rng.int(2010, 2020)}年 ➋${rng.int(100, 900)}万`,
  ]))]),
  chinese_numerals: (rng) => wrap(rng, [decoy('Chinese numerals in amounts, dates and ordinals', rng.pick([
    `三点五个点的税`, `二〇一九年十二月三十一日`, `一三八元一份`, `零二年注册的老公司`, `一二三四季度都有开票`, `三五七九十一`, `增长一点三八倍`,
  ]))]),
  capital_numerals: (rng) => wrap(rng, [decoy('capital numerals in amounts', rng.pick([
    `大写人民币叁仟捌佰万元整`, `贰佰万元整（¥2,000,000.00）`, `壹号楼贰层`, `拾万元`,
  ]))]),
  slang_digits: (rng) => wrap(rng, [decoy('homophone characters in words', rng.pick([
    `流水${rng.int(100, 900)}万，留存利润${rng.int(10, 90)}万`, `武汉的公司，${rng.int(2010, 2020)}年`, `妻子是股东之一`, `韭菜别割了，价格${rng.int(30, 90)}万`,
    `凌晨${rng.int(1, 4)}点发的消息`, `要不要再谈谈，${rng.int(2, 9)}折`, `散户持股${rng.int(5, 30)}%`,
  ]))]),
  separators: (rng) => wrap(rng, [decoy('numbers with separators that are not one identifier', rng.pick([
    `${rng.int(2015, 2024)}→${rng.int(2025, 2026)}`, `${rng.int(100, 999)}\t${rng.int(1000, 9999)}\t${rng.int(100, 999)}`, `${rng.int(10, 99)}::${rng.int(10, 99)}`,
    `#${rng.int(1, 9)} #${rng.int(10, 99)} #${rng.int(100, 999)}`, `${rng.int(1, 12)}‧${rng.int(1, 28)}`, `13${rng.int(0, 9)}/${rng.int(1000, 9999)}/${rng.int(10, 99)}`,
  ]))]),
  invisible: (rng) => wrap(rng, [decoy('invisible characters in ordinary numbers', rng.pick([
    `${rng.int(100, 999)}\u2061万`, `${rng.int(2010, 2024)}\u180e年`, `价\u034f格${rng.int(10, 99)}万`, [...String(rng.int(10000000, 99999999))].join('\u2062'),
  ]))]),
  lookalikes: (rng) => wrap(rng, [decoy('codes made of letters and digits', rng.pick([
    `GB/T 35273-2020`, `SSL/TLS 1.3`, `BOSS直聘`, `Z${rng.int(10, 99)}型号`, `OS${rng.int(10, 17)}`, `lOl`, `S${rng.int(1000, 9999)}次列车`,
  ]))]),
  split_by_words: (rng) => wrap(rng, [decoy('numbers in a sentence', rng.pick([
    `${rng.int(130, 199)}万收购，${rng.int(1000, 9999)}万估值`, `${rng.int(100, 129)} then ${rng.int(1000, 9999)} then ${rng.int(1000, 9999)} units`,
    `员工${rng.int(130, 199)}哈哈${rng.int(1000, 9999)}嗯嗯`, `${rng.int(2015, 2020)}年到${rng.int(2021, 2024)}年累计${rng.int(1000, 9999)}万`,
  ]))]),
  spelled_email: (rng) => wrap(rng, [decoy('at and dot in prose', rng.pick([
    `look at it dot by dot`, `we are at ${rng.int(2, 9)} dot ${rng.int(0, 9)} million`, `艾特了一下财务`, `价格点${rng.int(1, 9)}个`, `#${rng.int(100, 999)}号房`,
  ]))]),
  im_nickname: (rng) => wrap(rng, [decoy('nicknames without an id', rng.pick([
    `绿泡泡联系过了，${rng.int(2, 9)}号再说`, `威x那个平台不靠谱`, `🐧🐧🐧`, `卫❤️工程`,
  ]))]),
  misleading_prefix: (rng) => wrap(rng, [decoy('real order and invoice numbers', rng.pick([
    `发票号码：${rng.digits(8)}`, `订单编号 ${rng.int(2019, 2024)}${rng.digits(12)}`, `会员号${rng.digits(6)}`, `工单号：GD${rng.digits(10)}`, `Invoice No. INV-${rng.digits(6)}`,
  ]))]),
  combined: (rng) => wrap(rng, [decoy('mixed forms of amounts', rng.pick([
    `壹佰\u200b万`, `１３８/１２３４万`, `二〇二〇/五/一`, `ISO 9001：2015`,
  ]))]),
};

export function heldoutBItem(rng: Rng, family: EvasionFamily, positive: boolean): Built {
  return (positive ? positives : negatives)[family](rng);
}
