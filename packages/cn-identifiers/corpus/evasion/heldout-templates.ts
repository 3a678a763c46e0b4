// HELD-OUT PART of the adversarial corpus. Written, generated and committed before any evasion-aware detector
// code existed, and never changed afterwards (evasion.test.ts pins the file's SHA-256). Its phrasings, wrappers,
// fillers, separators, nicknames and homophones were chosen independently of tuning-templates.ts: where the two
// overlap it is because evaders use the same tricks, not because one was copied from the other.
import { decoy, piece, type Part } from '../compose.ts';
import type { Rng } from '../rng.ts';
import { badIdNumber, bankCard, email, idNumber, mobile, qq, wechatId } from '../synthetic-ids.ts';
import type { FindingType } from '../types.ts';
import type { EvasionFamily } from './families.ts';

export type Built = { kind: 'listing' | 'chat'; parts: Part[] };
type Builder = (rng: Rng) => Built;

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CAP = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const RADIO = ['洞', '幺', '两', '三', '四', '五', '六', '拐', '八', '勾'];
const SOUND: ReadonlyArray<readonly string[]> = [
  ['洞', '铃', '零'], ['腰', '幺', '衣'], ['两', '俩', '尔'], ['伞', '山'], ['寺', '死'],
  ['舞', '吾'], ['溜', '留'], ['拐', '漆', '期'], ['吧', '巴'], ['酒', '勾', '久'],
];
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];
const DOUBLE_STRUCK = ['𝟘', '𝟙', '𝟚', '𝟛', '𝟜', '𝟝', '𝟞', '𝟟', '𝟠', '𝟡'];
const SANS = ['𝟢', '𝟣', '𝟤', '𝟥', '𝟦', '𝟧', '𝟨', '𝟩', '𝟪', '𝟫'];
const ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u202c'];

const mapDigits = (digits: string, f: (d: number, i: number) => string): string => [...digits].map((c, i) => (/\d/.test(c) ? f(Number(c), i) : c)).join('');
const cut = (s: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(s.slice(at, at + n));
    at += n;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
};

// ---- Wrappers: a positive clause placed in a teaser or a chat line, with ordinary numbers around it. ----
function around(rng: Rng): string {
  return rng.pick([
    `深圳南山一家软件公司，${rng.int(2010, 2021)}年注册，认缴${rng.pick([100, 300, 1000])}万`,
    `杭州西湖区贸易公司转让，${rng.int(3, 15)}年老公司，年开票${rng.int(80, 900)}万`,
    `成都高新区建筑劳务公司，带三级资质，报价${rng.int(20, 200)}万`,
    `这家公司去年营收${rng.int(200, 3000)}万，员工${rng.int(5, 60)}人`,
    `尽调下周${rng.pick(['二', '四'])}开始，先看${rng.int(2019, 2023)}和${rng.int(2024, 2024)}的报表`,
    `价格${rng.int(30, 90)}万可以谈，定金${rng.int(2, 10)}万`,
    `税务那边${rng.int(3, 10)}个工作日办完`,
    `营业执照正副本、公章财务章都在`,
  ]);
}
function inListing(rng: Rng, clause: Part[]): Built {
  const tail = rng.pick(['', '，非诚勿扰', '，中介勿扰', '。价格可议', '，手慢无']);
  return { kind: 'listing', parts: [around(rng), rng.pick(['，', '。', '；']), ...clause, tail] };
}
function inChat(rng: Rng, clause: Part[]): Built {
  const who = rng.pick(['卖方', '买方', '王总', '小陈', 'Seller', '刘姐']);
  const parts: Part[] = [`${who}：`, ...clause];
  if (rng.chance(0.5)) parts.push(rng.pick(['\n', '。', ' ']), around(rng));
  return { kind: 'chat', parts };
}
const place = (rng: Rng, clause: Part[]): Built => (rng.chance(0.5) ? inListing(rng, clause) : inChat(rng, clause));
const lead = (rng: Rng, what: 'phone' | 'id' | 'card'): string =>
  ({
    phone: rng.pick(['电话', '手机', '联系我', '打这个', '号码是', '私聊', 'call ', 'my number ']),
    id: rng.pick(['身份证', '法人证件', '股东身份证号', '证件号码']),
    card: rng.pick(['转到这个卡', '收款卡', '银行卡号', '账号']),
  })[what];

// ---- Positives per family ----
const positives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => mapDigits(m, (d) => CIRCLED[d]!),
      () => mapDigits(m, (d) => DOUBLE_STRUCK[d]!),
      () => mapDigits(m, (d) => SANS[d]!),
      () => [...m].map((c) => `${c}\ufe0f\u20e3`).join(''),
      () => cut(mapDigits(m, (d) => String.fromCharCode(0xff10 + d)), [3, 4, 4]).join('\u3000'),
      () => mapDigits(m, (d, i) => (i % 2 ? CIRCLED[d]! : String(d))),
    ])();
    return place(rng, [lead(rng, 'phone'), rng.pick([' ', '：', '']), piece('mobile', form)]);
  },
  chinese_numerals: (rng) => {
    const type = rng.pick<FindingType>(['mobile', 'mobile', 'mobile', 'id_card', 'qq']);
    if (type === 'id_card') {
      const id = idNumber(rng);
      return place(rng, [lead(rng, 'id'), '：', piece('id_card', mapDigits(id, (d) => (d === 0 ? '〇' : CN[d]!)))]);
    }
    if (type === 'qq') return place(rng, ['QQ ', piece('qq', mapDigits(qq(rng), (d) => CN[d]!))]);
    const m = mobile(rng);
    const form = rng.pick([
      () => mapDigits(m, (d) => (d === 0 ? '〇' : CN[d]!)),
      () => mapDigits(m, (d) => (d === 1 ? '幺' : d === 0 ? '零' : CN[d]!)),
      () => mapDigits(m, (d, i) => (i < 3 || i > 6 ? String(d) : CN[d]!)),
      () => cut(mapDigits(m, (d) => (d === 2 ? '两' : CN[d]!)), [3, 4, 4]).join(' '),
    ])();
    return place(rng, [lead(rng, 'phone'), rng.pick(['', '：', ' ']), piece('mobile', form)]);
  },
  capital_numerals: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => mapDigits(m, (d) => CAP[d]!),
      () => cut(mapDigits(m, (d) => CAP[d]!), [3, 4, 4]).join('-'),
      () => mapDigits(m, (d, i) => (i % 3 === 0 ? CAP[d]! : String(d))),
    ])();
    if (rng.chance(0.2)) return place(rng, [lead(rng, 'card'), ' ', piece('bank_card', mapDigits(bankCard(rng, 16), (d) => CAP[d]!))]);
    return place(rng, [lead(rng, 'phone'), rng.pick(['：', ' ']), piece('mobile', form)]);
  },
  slang_digits: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => mapDigits(m, (d) => RADIO[d]!),
      () => mapDigits(m, (d) => rng.pick(SOUND[d]!)),
      () => mapDigits(m, (d) => (rng.chance(0.5) ? rng.pick(SOUND[d]!) : String(d))),
      () => mapDigits(m, (d) => (rng.chance(0.4) ? RADIO[d]! : CN[d]!)),
    ])();
    return place(rng, [lead(rng, 'phone'), rng.pick(['：', ' ', '']), piece('mobile', form)]);
  },
  separators: (rng) => {
    if (rng.chance(0.2)) {
      const card = bankCard(rng, 16);
      return place(rng, [lead(rng, 'card'), '：', piece('bank_card', cut(card, [4, 4, 4, 4]).join(rng.pick(['.', '/', '_', '|'])))]);
    }
    const m = mobile(rng);
    const sep = rng.pick(['.', '/', '_', '~', '|', '、', '。', '·', '•', '*', '➖', '🔸', '\n', '＿', ' . ', '——', '／']);
    const form = rng.pick([
      () => cut(m, [3, 4, 4]).join(sep),
      () => cut(m, [3, 4, 4]).join(sep),
      () => [...m].join(rng.pick(['.', '·', '/', '_'])),
      () => cut(m, [4, 4, 3]).join(sep),
    ])();
    return place(rng, [lead(rng, 'phone'), rng.pick([' ', '：']), piece('mobile', form)]);
  },
  invisible: (rng) => {
    const zw = (): string => rng.pick(ZW);
    if (rng.chance(0.25)) {
      const e = email(rng);
      const at = e.indexOf('@');
      return place(rng, ['邮箱 ', piece('email', `${e.slice(0, at)}${zw()}@${zw()}${e.slice(at + 1)}`)]);
    }
    if (rng.chance(0.2)) {
      const id = idNumber(rng);
      return place(rng, [lead(rng, 'id'), ' ', piece('id_card', [...id].map((c, i) => (i > 0 && i % 3 === 0 ? zw() + c : c)).join(''))]);
    }
    const m = mobile(rng);
    const form = rng.chance(0.5) ? [...m].join(zw()) : [...m].map((c, i) => (i > 0 && rng.chance(0.4) ? zw() + c : c)).join('');
    return place(rng, [lead(rng, 'phone'), rng.pick(['：', ' ']), piece('mobile', form)]);
  },
  lookalikes: (rng) => {
    const m = mobile(rng);
    const swaps: Record<string, string[]> = { '0': ['O', 'o', 'О'], '1': ['l', 'I', '|'], '2': ['Z'], '5': ['S'], '8': ['B'] };
    let count = 0;
    const form = [...m].map((c, i) => {
      const options = swaps[c];
      if (i > 0 && options && count < 4 && rng.chance(0.6)) {
        count += 1;
        return rng.pick(options);
      }
      return c;
    }).join('');
    const forced = count === 0 ? form.replace(/^1/, 'l') : form;
    return place(rng, [lead(rng, 'phone'), rng.pick([' ', '：']), piece('mobile', forced), rng.pick(['', ' 速联'])]);
  },
  split_by_words: (rng) => {
    const filler = (): string => rng.pick(['嗯', '然后', '中间是', '接着', '尾号', '记好', '再来', '最后', '后面', '继续']);
    if (rng.chance(0.2)) {
      const [a, b, c] = cut(idNumber(rng), [6, 8, 4]);
      return place(rng, ['证件号前六位', piece('id_card', `${a}${filler()}${b}${filler()}${c}`)]);
    }
    const [a, b, c] = cut(mobile(rng), [3, 4, 4]);
    const form = rng.pick([
      () => `${a} ${filler()} ${b} ${filler()} ${c}`,
      () => `${a}${filler()}${b}${filler()}${c}`,
      () => `${a}，${filler()}${b}，${filler()}${c}`,
    ])();
    return place(rng, [rng.pick(['号码：', '打', '联系 ']), piece('mobile', form)]);
  },
  spelled_email: (rng) => {
    const e = email(rng);
    const [local = '', domain = ''] = e.split('@');
    const labels = domain.split('.');
    const form = rng.pick([
      () => `${local} at ${labels.join(' dot ')}`,
      () => `${local}(at)${labels.join('(dot)')}`,
      () => `${local} [at] ${labels.join(' [dot] ')}`,
      () => `${local}艾特${labels.join('点')}`,
      () => `${local}#${domain}`,
      () => `${local} AT ${labels.join(' DOT ')}`,
      () => `${local}@${labels.join('点')}`,
      () => `${local}{at}${domain}`,
    ])();
    return place(rng, [rng.pick(['资料发我邮箱 ', '邮件 ', 'mail me: ', '发到 ']), piece('email', form), rng.pick(['', ' 谢谢', '，收到回复'])]);
  },
  im_nickname: (rng) => {
    if (rng.chance(0.3)) {
      const cue = rng.pick(['🐧', '🐧号', '扣扣号', 'Q Q', '企鹅', 'qq号码']);
      return place(rng, [cue, rng.pick([' ', '：']), piece('qq', qq(rng))]);
    }
    const cue = rng.pick(['绿泡泡', '薇❤', 'V❤', '微❤️', '威❤', 'vx号', '卫星号', '薇芯', 'wei信', 'V X', '微 信']);
    return place(rng, [rng.pick(['加', '我的', '']), cue, rng.pick(['：', ' ', '是']), piece('wechat', wechatId(rng))]);
  },
  misleading_prefix: (rng) => {
    const prefix = rng.pick(['订单号：', 'Ref: ', '编号', '发票号 ', '单号 ', '合同编号：', 'Order No. ', '流水号：']);
    if (rng.chance(0.3)) return place(rng, [prefix, piece('id_card', idNumber(rng))]);
    return place(rng, [prefix, piece('mobile', mobile(rng)), rng.pick(['（有事打这个）', '', ' 懂的都懂', '，备注来意'])]);
  },
  combined: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => cut(mapDigits(m, (d) => CN[d]!), [3, 4, 4]).join('.'),
      () => [...mapDigits(m, (d) => CAP[d]!)].join('\u200b'),
      () => cut(m, [3, 4, 4]).map((g) => g.replace(/0/g, 'O')).join('🔹'),
      () => cut(mapDigits(m, (d) => CIRCLED[d]!), [3, 4, 4]).join('-'),
      () => {
        const [a, b, c] = cut(mapDigits(m, (d) => RADIO[d]!), [3, 4, 4]);
        return `${a}${rng.pick(['然后', '接着'])}${b}${rng.pick(['最后', '尾号'])}${c}`;
      },
    ])();
    return place(rng, [lead(rng, 'phone'), rng.pick(['：', ' ']), piece('mobile', form)]);
  },
};

// ---- Hard negatives per family: the same shapes, identifying nobody ----
const yearCn = (y: number): string => mapDigits(String(y), (d) => (d === 0 ? '〇' : CN[d]!));
const negatives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) =>
    place(rng, [decoy('circled list / full-width amount / math digits amount / keycap count', rng.pick([
      `①成立${rng.int(2, 15)}年 ②注册资本${rng.pick([100, 500])}万 ③无异常 ④可开专票`,
      `报价：${mapDigits(String(rng.int(100, 999)), (d) => String.fromCharCode(0xff10 + d))}万，${mapDigits(String(rng.int(2010, 2022)), (d) => String.fromCharCode(0xff10 + d))}年成立`,
      `营收${mapDigits(String(rng.int(1000, 9000)), (d) => DOUBLE_STRUCK[d]!)}万元`,
      `${rng.int(1, 9)}\ufe0f\u20e3个商标 ${rng.int(1, 9)}\ufe0f\u20e3项专利`,
      `第⑫条、第⑬条已删除，见附件${CIRCLED[rng.int(1, 9)]}`,
      `${mapDigits(String(rng.int(1000000000, 1299999999)), (d) => CIRCLED[d]!)}`,
    ]))]),
  chinese_numerals: (rng) =>
    place(rng, [decoy('amount in Chinese numerals / date in Chinese numerals / count', rng.pick([
      `注册资本一百三十八万`,
      `${yearCn(rng.int(2005, 2023))}年${rng.pick(['三', '五', '十一'])}月成立`,
      `一九九八年至二〇二四年连续经营`,
      `员工三十五人，其中一二线城市${rng.pick(['各五人', '十人'])}`,
      `估值一千三百八十万`,
      `二〇二四年三月十五日签约，二〇二四年四月一日交割`,
      `一二三四五六七八九十，数到十就下单`,
      `一三八一二三四五六七`,
      `一二三四五六七八九〇一`,
    ]))]),
  capital_numerals: (rng) =>
    place(rng, [decoy('amount in capital numerals / capital date', rng.pick([
      `转让价款人民币壹佰叁拾捌万元整`,
      `金额（大写）：${CAP[rng.int(1, 9)]}拾${CAP[rng.int(1, 9)]}万元整`,
      `定金贰万伍仟元，尾款壹佰零捌万元`,
      `贰零贰肆年叁月拾伍日`,
      `注册资本伍佰万元（大写）`,
      `壹贰叁肆伍陆柒捌玖零壹`,
    ]))]),
  slang_digits: (rng) =>
    place(rng, [decoy('slang characters near numbers', rng.pick([
      `两家子公司都在${rng.int(2012, 2020)}年成立`,
      `拐角那栋楼${rng.int(3, 28)}层，面积${rng.int(80, 500)}平`,
      `洞察${rng.int(2023, 2025)}，营收翻了两倍`,
      `一两年内不会迁址，社保${rng.int(3, 30)}人`,
      `勾选以下${rng.int(2, 6)}项，确认后${rng.int(1, 5)}个工作日出结果`,
      `腰部企业，年利润${rng.int(50, 500)}万，久经考验`,
      `山东的客户吧，说${rng.int(5, 9)}月份过来看`,
      `幺蛾子别出，按${rng.int(3, 7)}天的流程走`,
    ]))]),
  separators: (rng) =>
    place(rng, [decoy('version / IP address / dotted date / decimal amount / thousands / list', rng.pick([
      `版本 v${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(1000, 9999)}`,
      `服务器 ${rng.pick(['10', '172', '192'])}.${rng.int(16, 168)}.${rng.int(1, 254)}.${rng.int(1, 254)}`,
      `${rng.int(2015, 2024)}.${String(rng.int(1, 12)).padStart(2, '0')}.${String(rng.int(1, 28)).padStart(2, '0')} 成立`,
      `${rng.int(2015, 2024)}/${rng.int(1, 12)}/${rng.int(1, 28)}至今`,
      `营收${rng.int(100, 999)}.${rng.int(10, 99)}万元`,
      `1,${rng.int(100, 999)},${rng.int(100, 999)},${rng.int(100, 999)}元`,
      `第${rng.int(1, 9)}、${rng.int(10, 19)}、${rng.int(20, 29)}条`,
      `${rng.int(130, 199)}.${rng.int(1000, 9999)}.${rng.int(100, 999)}`,
      `🏢${rng.int(2010, 2020)}成立 💰${rng.int(100, 999)}万 👥${rng.int(5, 50)}人`,
      `增长${rng.int(10, 99)}.${rng.int(1, 9)}%`,
    ]))]),
  invisible: (rng) =>
    place(rng, [decoy('invisible characters in amounts and dates', rng.pick([
      `注册资本${rng.int(100, 5000)}\u200b万`,
      `${rng.int(2015, 2024)}\u200b-${String(rng.int(1, 12)).padStart(2, '0')}\u200b-${String(rng.int(1, 28)).padStart(2, '0')}`,
      `报价\u2060${rng.int(30, 300)}\u2060万`,
      `订单号\u200b${rng.int(2019, 2024)}${String(rng.int(1, 12)).padStart(2, '0')}${rng.digits(10)}`,
      [...String(rng.int(1300000000, 1399999999))].join('\u200b'),
      `社保\u00ad${rng.int(3, 60)}\u00ad人`,
    ]))]),
  lookalikes: (rng) =>
    place(rng, [decoy('letters that look like digits in words and codes', rng.pick([
      `通过ISO9001和ISO14001认证`,
      `做B2B和O2O业务，${rng.int(2015, 2021)}年成立`,
      `OEM代工，SOS响应${rng.int(2, 24)}小时`,
      `型号SZ-${rng.int(100, 999)}-B，库存${rng.int(10, 999)}台`,
      `提交 b91e805 和 3ace7c4 已合并`,
      `iPhone ${rng.int(12, 16)} Pro 采购${rng.int(10, 200)}台`,
      `Building B, Room ${rng.int(1001, 2999)}`,
      `SO${rng.digits(10)}`,
    ]))]),
  split_by_words: (rng) =>
    place(rng, [decoy('numbers separated by words', rng.pick([
      `成立${rng.int(2008, 2020)}年注册资本${rng.pick([100, 500, 1000])}万实缴${rng.int(10, 100)}万`,
      `${rng.int(130, 199)}家门店和${rng.int(1000, 9999)}名员工${rng.int(1000, 9999)}万营收`,
      `房号${rng.int(1001, 2999)} 电梯 ${rng.int(10, 30)}层`,
      `第${rng.int(130, 199)}期 共${rng.int(1000, 9999)}人 ${rng.int(1000, 9999)}元`,
      `${rng.int(2010, 2015)} 到 ${rng.int(2016, 2024)} 年一直盈利`,
      `社保${rng.int(130, 199)}人，其中${rng.int(10, 99)}人本科，年薪${rng.int(10, 50)}万`,
    ]))]),
  spelled_email: (rng) =>
    place(rng, [decoy('at / dot / # used as words', rng.pick([
      `meet at ${rng.int(2, 5)} pm at the office`,
      `C#.NET开发团队${rng.int(5, 30)}人`,
      `#公司转让# #${rng.pick(['上海', '深圳'])}#`,
      `点com时代成立的老公司，${rng.int(1998, 2003)}年注册`,
      `艾特我一下就行，明天${rng.int(9, 11)}点开会`,
      `@王总 价格${rng.int(30, 90)}万可以吗`,
      `官网是 www.example.com`,
      `Order #${rng.digits(6)} shipped`,
    ]))]),
  im_nickname: (rng) =>
    place(rng, [decoy('messaging nickname without an id', rng.pick([
      `绿泡泡里聊过了，价格${rng.int(30, 90)}万`,
      `🐧公司的业务，${rng.int(2015, 2020)}年成立`,
      `威信县${rng.int(2010, 2020)}年注册的公司`,
      `卫星城项目，投资${rng.int(1000, 9000)}万`,
      `企鹅公司合作方，社保${rng.int(5, 50)}人`,
      `薇❤支付${rng.int(100, 9999)}元已到账`,
      `扣扣子掉了，回头再说`,
    ]))]),
  misleading_prefix: (rng) =>
    place(rng, [decoy('order or invoice number that is not a mobile or ID', rng.pick([
      `订单号：${rng.int(2019, 2024)}${String(rng.int(1, 12)).padStart(2, '0')}${rng.digits(8)}`,
      `编号 12${rng.digits(9)}`,
      `发票号码 ${rng.digits(8)}`,
      `Ref: 10${rng.digits(9)}`,
      `单号 ${rng.pick(['SF', 'YT', 'JT'])}${rng.digits(13)}`,
      `合同编号：HT-${rng.int(2020, 2024)}-${rng.digits(4)}`,
      `编号${badIdNumber(rng, 'check digit')}`,
      `流水号：${rng.digits(20)}`,
      `订单号 13${rng.digits(12)}`,
    ]))]),
  combined: (rng) =>
    place(rng, [decoy('mixed forms of amounts and dates', rng.pick([
      `${yearCn(rng.int(2010, 2023))}.${rng.pick(['三', '六', '九'])}.${rng.pick(['一', '十五'])}`,
      `壹佰\u200b叁拾\u200b捌万`,
      `ISO${mapDigits('9001', (d) => CIRCLED[d]!)}认证`,
      `营收①③⑧万，员工②③人`,
      `两千零一十五年注册，一百三十八万元`,
    ]))]),
};

export function heldoutItem(rng: Rng, family: EvasionFamily, positive: boolean): Built {
  return (positive ? positives : negatives)[family](rng);
}
