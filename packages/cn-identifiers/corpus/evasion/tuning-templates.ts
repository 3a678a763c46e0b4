// TUNING PART of the adversarial corpus: the texts the evasion-aware detector was developed against. Extend it
// freely; the held-out part (heldout-templates.ts, evasion-heldout.jsonl) is frozen and never looked at while
// tuning.
import { decoy, piece, type Part } from '../compose.ts';
import type { Rng } from '../rng.ts';
import { badIdNumber, bankCard, email, idNumber, mobile, qq, wechatId } from '../synthetic-ids.ts';
import type { EvasionFamily } from './families.ts';

type Built = { kind: 'listing' | 'chat'; parts: Part[] };
type Builder = (rng: Rng) => Built;

const CN = '〇一二三四五六七八九';
const CAP = '零壹贰叁肆伍陆柒捌玖';
const RADIO = '洞幺两三四五六拐八勾';
const HOMOPHONES = ['零', '腰', '两', '伞', '死', '舞', '溜', '拐', '吧', '酒'];
const ZW = ['\u200b', '\u200d', '\u2060', '\ufeff', '\u200f', '\u2066'];

const digitsAs = (digits: string, f: (d: number, i: number) => string): string => [...digits].map((c, i) => (c >= '0' && c <= '9' ? f(Number(c), i) : c)).join('');
const groups = (digits: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(digits.slice(at, at + n));
    at += n;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out;
};

function intro(rng: Rng): string {
  return rng.pick([
    `上海浦东贸易公司转让，成立${rng.int(3, 12)}年，注册资本${rng.pick([100, 500, 1000])}万`,
    `北京朝阳科技公司，${rng.int(2012, 2021)}年成立，小规模，无异常`,
    `广州天河广告公司，年开票${rng.int(100, 800)}万，社保${rng.int(2, 30)}人`,
    `苏州园区医疗器械公司，带二类备案，价格${rng.int(30, 150)}万`,
    `资料我看了，${rng.int(2020, 2023)}年的账有点乱`,
    `对方说定金${rng.int(3, 20)}万先付，余款分${rng.int(2, 4)}期`,
    `工商变更大概${rng.int(5, 15)}个工作日`,
  ]);
}
function listing(rng: Rng, clause: Part[]): Built {
  return { kind: 'listing', parts: [intro(rng), rng.pick(['，', '。']), ...clause, rng.pick(['', '。', '，欢迎咨询'])] };
}
function chat(rng: Rng, clause: Part[]): Built {
  const parts: Part[] = [rng.pick(['买家：', '卖家：', '顾问：', '', 'Buyer: ']), ...clause];
  if (rng.chance(0.4)) parts.push(rng.pick(['。', '\n']), intro(rng));
  return { kind: 'chat', parts };
}
const anywhere = (rng: Rng, clause: Part[]): Built => (rng.chance(0.5) ? listing(rng, clause) : chat(rng, clause));
const phoneCue = (rng: Rng): string => rng.pick(['电话', '手机号', '联系电话：', '打我', '号码 ', 'Tel ', '找我', '直接打']);

const positives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => digitsAs(m, (d) => '⓪①②③④⑤⑥⑦⑧⑨'[d]!),
      () => digitsAs(m, (d) => String.fromCodePoint(0x1d7ce + d)), // mathematical bold
      () => digitsAs(m, (d) => `${d}\ufe0f\u20e3`),
      () => digitsAs(m, (d) => String.fromCharCode(0xff10 + d)),
      () => digitsAs(m, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]!),
    ])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
  chinese_numerals: (rng) => {
    if (rng.chance(0.2)) return anywhere(rng, ['身份证 ', piece('id_card', digitsAs(idNumber(rng), (d) => CN[d]!))]);
    const m = mobile(rng);
    const form = rng.pick([
      () => digitsAs(m, (d) => CN[d]!),
      () => digitsAs(m, (d) => (d === 0 ? '零' : d === 1 ? '幺' : CN[d]!)),
      () => groups(digitsAs(m, (d) => CN[d]!), [3, 4, 4]).join(' '),
      () => digitsAs(m, (d, i) => (i >= 3 ? CN[d]! : String(d))),
    ])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
  capital_numerals: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([() => digitsAs(m, (d) => CAP[d]!), () => groups(digitsAs(m, (d) => CAP[d]!), [3, 4, 4]).join(' '), () => digitsAs(m, (d, i) => (i % 2 ? CAP[d]! : CN[d]!))])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
  slang_digits: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => digitsAs(m, (d) => RADIO[d]!),
      () => digitsAs(m, (d) => (rng.chance(0.5) ? HOMOPHONES[d]! : CN[d]!)),
      () => digitsAs(m, (d) => (rng.chance(0.35) ? HOMOPHONES[d]! : String(d))),
    ])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
  separators: (rng) => {
    if (rng.chance(0.15)) {
      const id = idNumber(rng);
      return anywhere(rng, ['身份证号 ', piece('id_card', groups(id, [6, 8, 4]).join(rng.pick(['.', '/', '_'])))]);
    }
    const m = mobile(rng);
    const sep = rng.pick(['.', '/', '_', '*', '、', '，', '😊', '👉', '\n', ' / ', '...', '=', '+']);
    const form = rng.pick([() => groups(m, [3, 4, 4]).join(sep), () => groups(m, [3, 8]).join(sep), () => [...m].join(rng.pick(['.', '/', '*']))])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
  invisible: (rng) => {
    const zw = (): string => rng.pick(ZW);
    if (rng.chance(0.2)) return anywhere(rng, ['卡号 ', piece('bank_card', [...bankCard(rng)].join(zw()))]);
    const m = mobile(rng);
    return anywhere(rng, [phoneCue(rng), piece('mobile', rng.chance(0.5) ? [...m].join(zw()) : groups(m, [3, 4, 4]).join(zw()))]);
  },
  lookalikes: (rng) => {
    const m = mobile(rng);
    const table: Record<string, string> = { '0': 'O', '1': 'l', '2': 'Z', '5': 'S', '8': 'B' };
    const form = [...m].map((c, i) => (i % 2 === 1 && table[c] ? table[c] : c)).join('');
    const swapped = form === m ? `l${m.slice(1)}` : form;
    return anywhere(rng, [phoneCue(rng), ' ', piece('mobile', swapped)]);
  },
  split_by_words: (rng) => {
    const word = (): string => rng.pick(['我的', '号码', '记一下', '前面', '中间', '后四位', '别告诉别人', '懂吧']);
    const [a, b, c] = groups(mobile(rng), rng.pick([[3, 4, 4], [3, 4, 4], [3, 8]]));
    const form = c ? `${a} ${word()} ${b} ${word()} ${c}` : `${a}${word()}${b}`;
    return anywhere(rng, [rng.pick(['电话', '找我：', '']), piece('mobile', form)]);
  },
  spelled_email: (rng) => {
    const e = email(rng);
    const [local = '', domain = ''] = e.split('@');
    const parts = domain.split('.');
    const form = rng.pick([
      () => `${local} at ${parts.join(' dot ')}`,
      () => `${local}(at)${parts.join('(dot)')}`,
      () => `${local}艾特${parts.join('点')}`,
      () => `${local}#${domain}`,
      () => `${local} [at] ${domain}`,
      () => `${local}＃${domain}`,
    ])();
    return anywhere(rng, [rng.pick(['邮箱：', 'email ', '发邮件到']), piece('email', form)]);
  },
  im_nickname: (rng) => {
    if (rng.chance(0.3)) return anywhere(rng, [rng.pick(['🐧', '企鹅号', '扣扣', '抠抠', 'q号']), rng.pick(['：', ' ']), piece('qq', qq(rng))]);
    return anywhere(rng, [rng.pick(['绿泡泡', '薇❤', '威❤', 'V❤', 'vx', '微x', '卫星', '徽信', '魏信']), rng.pick(['：', ' ', '搜 ']), piece('wechat', wechatId(rng))]);
  },
  misleading_prefix: (rng) => {
    const prefix = rng.pick(['订单号', '订单号：', 'Ref:', '编号：', '发票号', '快递单号 ', 'No.', '交易参考号']);
    if (rng.chance(0.25)) return anywhere(rng, [prefix, piece('id_card', idNumber(rng))]);
    return anywhere(rng, [prefix, piece('mobile', mobile(rng))]);
  },
  combined: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => groups(digitsAs(m, (d) => CN[d]!), [3, 4, 4]).join('/'),
      () => [...digitsAs(m, (d) => RADIO[d]!)].join('\u200b'),
      () => groups(digitsAs(m, (d) => '⓪①②③④⑤⑥⑦⑧⑨'[d]!), [3, 4, 4]).join('.'),
      () => `${m.slice(0, 3)} 我的 ${digitsAs(m.slice(3, 7), (d) => CAP[d]!)} 号码 ${m.slice(7)}`,
    ])();
    return anywhere(rng, [phoneCue(rng), piece('mobile', form)]);
  },
};

const dateCn = (): string => '二〇二三年六月三十日';
const negatives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => anywhere(rng, [decoy('numbered list and wide amounts', rng.pick([
    `优势：①${rng.int(3, 15)}年老公司 ②无异常 ③可开专票`,
    `价格 ${digitsAs(String(rng.int(30, 900)), (d) => String.fromCharCode(0xff10 + d))} 万`,
    `${digitsAs(String(rng.int(2008, 2022)), (d) => String.fromCharCode(0xff10 + d))}年成立`,
    `营收 ${digitsAs(String(rng.int(100, 999)), (d) => String.fromCodePoint(0x1d7ce + d))} 万`,
    `${digitsAs(String(rng.int(1000000000, 1999999999)), (d) => '⓪①②③④⑤⑥⑦⑧⑨'[d]!)}`,
  ]))]),
  chinese_numerals: (rng) => anywhere(rng, [decoy('Chinese numerals as amounts and dates', rng.pick([
    `转让价一百二十万`, dateCn(), `二〇一${rng.int(0, 9)}年成立`, `三十八万八千`, `一三八一二三四五六`, `第一二三批`, `员工一百三十八人`,
    `一二一二三四五六七八九`,
  ]))]),
  capital_numerals: (rng) => anywhere(rng, [decoy('capital numerals as amounts', rng.pick([
    `价款人民币叁佰万元整`, `大写：壹拾贰万伍仟元整`, `壹佰叁拾捌万元`, `贰〇贰叁年`, `壹贰叁肆伍陆柒捌玖`,
  ]))]),
  slang_digits: (rng) => anywhere(rng, [decoy('slang characters in words', rng.pick([
    `两个股东，${rng.int(2010, 2020)}年注册`, `拐弯就到，${rng.int(2, 20)}楼`, `漏洞已修复，营收${rng.int(100, 900)}万`, `酒类经营许可证，${rng.int(3, 10)}年`,
    `伞下有${rng.int(3, 9)}家分公司`, `吧台设备${rng.int(10, 60)}台`,
  ]))]),
  separators: (rng) => anywhere(rng, [decoy('dotted and slashed numbers', rng.pick([
    `${rng.int(2015, 2024)}.${rng.int(1, 12)}.${rng.int(1, 28)}`, `${rng.int(2015, 2024)}/${rng.int(1, 12)}/${rng.int(1, 28)}`, `v${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 99)}`,
    `192.168.${rng.int(0, 9)}.${rng.int(100, 200)}`, `${rng.int(100, 999)}.${rng.int(10, 99)}万`, `${rng.int(1, 9)},${rng.int(100, 999)},${rng.int(100, 999)}元`,
    `${rng.int(130, 199)}/${rng.int(1000, 9999)}/${rng.int(100, 999)}`, `第${rng.int(1, 9)}、${rng.int(1, 9)}、${rng.int(10, 99)}项`,
  ]))]),
  invisible: (rng) => anywhere(rng, [decoy('invisible characters in ordinary numbers', rng.pick([
    `注册资本\u200b${rng.int(100, 900)}万`, `${rng.int(2010, 2024)}\u200d年`, `价格${rng.int(10, 90)}\u2060万`, [...String(rng.int(1000000000, 1999999999))].join('\u200b'),
  ]))]),
  lookalikes: (rng) => anywhere(rng, [decoy('letters in codes and words', rng.pick([
    `ISO9001认证`, `B2B平台`, `OEM工厂`, `SOS`, `型号B${rng.int(100, 999)}`, `Zone B ${rng.int(10, 99)}`, `LOL ${rng.int(2010, 2020)}`, `SO${rng.digits(9)}`,
  ]))]),
  split_by_words: (rng) => anywhere(rng, [decoy('numbers between words', rng.pick([
    `成立${rng.int(2010, 2020)}年，注册资本${rng.int(100, 999)}万，实缴${rng.int(10, 99)}万`,
    `${rng.int(130, 199)}个客户 ${rng.int(1000, 9999)}份合同 ${rng.int(1000, 9999)}万流水`,
    `${rng.int(130, 199)} 号楼 ${rng.int(1000, 2999)} 室`,
  ]))]),
  spelled_email: (rng) => anywhere(rng, [decoy('at and dot as words', rng.pick([
    `see you at ${rng.int(2, 6)} pm`, `C#开发`, `#急转#`, `艾特一下财务`, `官网 example.com`, `点com`,
  ]))]),
  im_nickname: (rng) => anywhere(rng, [decoy('nicknames without an id', rng.pick([
    `绿泡泡上说了`, `🐧真可爱`, `卫星导航公司，${rng.int(2010, 2020)}年`, `企鹅电竞合作`, `扣扣群满了`,
  ]))]),
  misleading_prefix: (rng) => anywhere(rng, [decoy('real order numbers', rng.pick([
    `订单号${rng.int(2019, 2024)}${rng.digits(10)}`, `编号：11${rng.digits(9)}`, `发票号 ${rng.digits(8)}`, `Ref: 12${rng.digits(9)}`,
    `编号${badIdNumber(rng, 'impossible date')}`,
  ]))]),
  combined: (rng) => anywhere(rng, [decoy('mixed amounts and dates', rng.pick([
    `二〇二〇.五.一`, `壹佰\u200d万`, `①②③ 三个要点`, `一百 三十八 万`,
  ]))]),
};

export function tuningItem(rng: Rng, family: EvasionFamily, positive: boolean): Built {
  return (positive ? positives : negatives)[family](rng);
}
