// THIRD HELD-OUT PART (held-out C). Written after the fixes that held-out B prompted, generated once with its
// own seed and frozen before the detector ever ran on it (evasion.test.ts pins its hash). It is the blind
// estimate reported in the README; parts A and B are no longer blind for the families they made us fix.
import { decoy, piece, type Part } from '../compose.ts';
import type { Rng } from '../rng.ts';
import { bankCard, email, idNumber, mobile, qq, wechatId } from '../synthetic-ids.ts';
import type { EvasionFamily } from './families.ts';
import type { Built } from './heldout-templates.ts';

type Builder = (rng: Rng) => Built;
const ZH = '零一二三四五六七八九';
const DAXIE = '零壹贰叁肆伍陆柒捌玖';
const swap = (digits: string, f: (d: number, i: number) => string): string => [...digits].map((c, i) => (c >= '0' && c <= '9' ? f(Number(c), i) : c)).join('');
const chunks = (s: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(s.slice(at, at + n));
    at += n;
  }
  return at < s.length ? [...out, s.slice(at)] : out;
};

function scene(rng: Rng): string {
  return rng.pick([
    `【转让】天津滨海新区供应链公司，成立${rng.int(4, 14)}年，实缴${rng.int(50, 500)}万，${rng.int(2021, 2023)}年开票${rng.int(500, 5000)}万`,
    `长沙岳麓区教育咨询公司，办学许可在办，租约剩${rng.int(1, 5)}年，月租${rng.int(1, 9)}.${rng.int(1, 9)}万`,
    `第${rng.int(2, 4)}期款${rng.int(10, 80)}万已付，剩余${rng.int(5, 40)}%交割后${rng.int(3, 15)}个工作日内付清`,
    `这家的社保是${rng.int(3, 40)}人，去年${rng.int(6, 12)}月才开始交`,
    `老板说最低${rng.int(60, 180)}万，不含税`,
    `Seller says the books are clean since ${rng.int(2015, 2021)}, ${rng.int(2, 9)} trademarks included`,
    `${rng.int(2019, 2024)}年${rng.int(1, 12)}月${rng.int(1, 28)}日变更过一次法人`,
  ]);
}
function place(rng: Rng, clause: Part[]): Built {
  if (rng.chance(0.5)) return { kind: 'listing', parts: [scene(rng), rng.pick(['。', '，', '｜', ' ']), ...clause, rng.pick(['', '。', '，有意私聊'])] };
  const parts: Part[] = [rng.pick(['卖方代表：', '买方律师：', '', '群主：', 'Li: ']), ...clause];
  if (rng.chance(0.6)) parts.push(rng.pick(['\n', '。', '；', ' ~ ']), scene(rng));
  return { kind: 'chat', parts };
}
const say = (rng: Rng): string => rng.pick(['TEL：', '本人电话', '加我', '微电同号 ', '联系人李', 'hotline ', '电话号码是', '拨']);

const positives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => swap(m, (d) => (d === 0 ? '⓪' : String.fromCodePoint(0x245f + d))),
      () => swap(m, (d) => String.fromCodePoint(0x1d7f6 + d)), // monospace digits
      () => swap(m, (d) => String.fromCodePoint(0x1d7ec + d)), // sans-serif bold
      () => swap(m, (d) => `${d}\u20e3`),
      () => chunks(swap(m, (d) => String.fromCharCode(0xff10 + d)), [3, 4, 4]).join('－'),
    ])();
    return place(rng, [say(rng), piece('mobile', form)]);
  },
  chinese_numerals: (rng) => {
    if (rng.chance(0.2)) return place(rng, ['身份证号码', piece('id_card', swap(idNumber(rng), (d) => ZH[d]!))]);
    const m = mobile(rng);
    const form = rng.pick([
      () => swap(m, (d) => ZH[d]!),
      () => chunks(swap(m, (d) => ZH[d]!), [3, 4, 4]).join('-'),
      () => swap(m, (d, i) => (i < 7 ? ZH[d]! : String(d))),
      () => swap(m, (d) => (d === 0 ? '〇' : d === 1 ? '幺' : ZH[d]!)),
    ])();
    return place(rng, [say(rng), piece('mobile', form)]);
  },
  capital_numerals: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([() => swap(m, (d) => DAXIE[d]!), () => chunks(swap(m, (d) => DAXIE[d]!), [3, 4, 4]).join(' '), () => swap(m, (d, i) => (i > 2 ? DAXIE[d]! : String(d)))])();
    return place(rng, [say(rng), piece('mobile', form)]);
  },
  slang_digits: (rng) => {
    const readings = [['洞', '零'], ['幺', '腰', '要'], ['两', '俩'], ['三', '伞'], ['四', '死'], ['五', '舞'], ['六', '溜'], ['拐', '七'], ['八', '吧'], ['勾', '九', '酒']];
    const m = mobile(rng);
    return place(rng, [say(rng), piece('mobile', swap(m, (d) => rng.pick(readings[d]!)))]);
  },
  separators: (rng) => {
    const sep = rng.pick(['.', '-.-', '_', '💥', '⭐', '、', '/', ' | ', '·', '\n', '…', '+']);
    if (rng.chance(0.2)) return place(rng, ['身份证：', piece('id_card', chunks(idNumber(rng), [6, 8, 4]).join(sep))]);
    return place(rng, [say(rng), piece('mobile', chunks(mobile(rng), rng.pick([[3, 4, 4], [3, 4, 4], [4, 4, 3], [3, 8]])).join(sep))]);
  },
  invisible: (rng) => {
    const z = (): string => rng.pick(['\u200b', '\u200c', '\u2063', '\ufeff', '\u00ad', '\u202d', '\u2066']);
    if (rng.chance(0.25)) return place(rng, ['卡号', piece('bank_card', [...bankCard(rng)].map((c, i) => (i > 0 && i % 4 === 0 ? z() + c : c)).join(''))]);
    return place(rng, [say(rng), piece('mobile', [...mobile(rng)].map((c, i) => (i > 0 && rng.chance(0.6) ? z() + c : c)).join(''))]);
  },
  lookalikes: (rng) => {
    const m = mobile(rng);
    const table: Record<string, string[]> = { '0': ['O', 'o', 'Ο'], '1': ['l', 'I'], '5': ['S'], '8': ['B'] };
    let swaps = 0;
    const form = [...m].map((c) => (table[c] && rng.chance(0.5) && swaps++ < 5 ? rng.pick(table[c]!) : c)).join('');
    return place(rng, [say(rng), ' ', piece('mobile', swaps === 0 ? `l${m.slice(1)}` : form), ' ']);
  },
  split_by_words: (rng) => {
    const fill = (): string => rng.pick(['呃', '记住', '就是', '后面是', '中间', '别外传', 'and']);
    if (rng.chance(0.2)) {
      const [a, b, c] = chunks(idNumber(rng), [6, 8, 4]);
      return place(rng, ['证件', piece('id_card', `${a}${fill()}${b}${fill()}${c}`)]);
    }
    const [a, b, c] = chunks(mobile(rng), [3, 4, 4]);
    return place(rng, [say(rng), piece('mobile', rng.chance(0.5) ? `${a} ${fill()} ${b} ${fill()} ${c}` : `${a}${fill()}${b}${fill()}${c}`)]);
  },
  spelled_email: (rng) => {
    const [local = '', domain = ''] = email(rng).split('@');
    const labels = domain.split('.');
    const form = rng.pick([
      () => `${local} at ${labels.join(' dot ')}`,
      () => `${local}(艾特)${domain}`,
      () => `${local} [AT] ${domain}`,
      () => `${local}#${labels.join('点')}`,
      () => `${local} at ${labels.join('.')}`,
      () => `${local}＠${labels.join('。')}`,
    ])();
    return place(rng, [rng.pick(['邮箱 ', 'mail: ', '简历投 ', '资料请发 ']), piece('email', form)]);
  },
  im_nickname: (rng) => {
    if (rng.chance(0.3)) return place(rng, [rng.pick(['🐧号码：', '扣扣 ', '抠抠：', 'Q Q号 ']), piece('qq', qq(rng))]);
    const cue = rng.pick(['薇信', '威❤️', '绿泡泡：', 'VX号：', 'v x ', '微❤号', '卫星：', '徽信', '维❤']);
    return place(rng, [cue, rng.pick(['', ' ']), piece('wechat', wechatId(rng))]);
  },
  misleading_prefix: (rng) => {
    const label = rng.pick(['订单号码：', '编号为', '发票号 ', 'Ref No. ', '合同号', '流水：', '单号：', 'Tracking: ']);
    if (rng.chance(0.2)) return place(rng, [label, piece('id_card', idNumber(rng))]);
    return place(rng, [label, piece('mobile', mobile(rng))]);
  },
  combined: (rng) => {
    const m = mobile(rng);
    const form = rng.pick([
      () => chunks(swap(m, (d) => DAXIE[d]!), [3, 4, 4]).join('💥'),
      () => [...swap(m, (d) => ZH[d]!)].join('\u200b'),
      () => chunks(m.replace(/1/g, 'l'), [3, 4, 4]).join('.'),
      () => {
        const [a, b, c] = chunks(swap(m, (d) => ZH[d]!), [3, 4, 4]);
        return `${a}就是${b}记住${c}`;
      },
    ])();
    return place(rng, [say(rng), piece('mobile', form)]);
  },
};

const negatives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => place(rng, [decoy('symbols and wide digits in amounts', rng.pick([
    `⑤年老店`, `𝟸𝟶𝟸𝟹年`, `1⃣号楼`, `价格：１２０－１５０万`, `①②③④⑤⑥⑦⑧⑨⓪`,
  ]))]),
  chinese_numerals: (rng) => place(rng, [decoy('Chinese numerals as quantities', rng.pick([
    `一年零三个月`, `二〇〇八年奥运会那年成立`, `五六个人的小团队`, `七八十万的样子`, `三十一二岁`, `一二三四五六七八九〇`,
  ]))]),
  capital_numerals: (rng) => place(rng, [decoy('capital numerals as amounts', rng.pick([
    `人民币（大写）捌拾万元整`, `壹仟零捌拾万`, `第贰期`, `肆佰伍拾陆万柒仟元`,
  ]))]),
  slang_digits: (rng) => place(rng, [decoy('readings that are words', rng.pick([
    `舞蹈培训机构，${rng.int(3, 9)}家门店`, `死账${rng.int(2, 9)}笔已核销`, `吧台${rng.int(2, 9)}个`, `酒水批发${rng.int(2010, 2020)}年起`, `拐卖儿童零容忍`, `要的话今天定`,
  ]))]),
  separators: (rng) => place(rng, [decoy('dotted, slashed and listed numbers', rng.pick([
    `${rng.int(2019, 2024)}.${rng.int(1, 12)}-${rng.int(2025, 2026)}.${rng.int(1, 12)}`, `${rng.int(100, 999)}/${rng.int(100, 999)}`, `${rng.int(1, 9)}.${rng.int(1, 9)}.${rng.int(1, 9)}版`,
    `${rng.int(10, 99)}⭐${rng.int(10, 99)}⭐`, `${rng.int(1000, 9999)}…${rng.int(1000, 9999)}`, `1${rng.int(3, 9)}${rng.int(0, 9)}-${rng.int(1000, 9999)}`,
  ]))]),
  invisible: (rng) => place(rng, [decoy('invisible characters in amounts', rng.pick([
    `${rng.int(100, 999)}\u200c万`, `${rng.int(2010, 2023)}\u2063年`, `\ufeff${rng.int(10, 99)}%`, `报价${rng.int(10, 99)}\u00ad万`,
  ]))]),
  lookalikes: (rng) => place(rng, [decoy('letters and digits in product codes', rng.pick([
    `SOLO${rng.int(10, 99)}`, `ISO/IEC 27001`, `LOL${rng.int(1000, 9999)}`, `BIOS ${rng.int(1, 9)}.${rng.int(0, 9)}`, `OBS-${rng.int(100, 999)}`,
  ]))]),
  split_by_words: (rng) => place(rng, [decoy('numbers between words', rng.pick([
    `${rng.int(130, 199)}平办公室就是${rng.int(1000, 9999)}元月租`, `呃${rng.int(100, 999)}记住${rng.int(1000, 9999)}`, `${rng.int(2015, 2020)}和${rng.int(2021, 2024)}两年的账`,
  ]))]),
  spelled_email: (rng) => place(rng, [decoy('at, dot and # in ordinary text', rng.pick([
    `arrive at 9 am`, `#${rng.int(1, 99)}楼`, `C#和Java都行`, `点评：价格偏高`, `${rng.int(2, 9)}点开会`,
  ]))]),
  im_nickname: (rng) => place(rng, [decoy('nicknames without an id', rng.pick([
    `薇信的群已解散`, `🐧 ${rng.int(2015, 2020)}年注册`, `卫星：${rng.int(2, 9)}颗`, `扣扣搜搜的买家`,
  ]))]),
  misleading_prefix: (rng) => place(rng, [decoy('order numbers that are not mobiles', rng.pick([
    `订单号码：${rng.int(2020, 2024)}${rng.digits(14)}`, `编号为NO.${rng.digits(5)}`, `发票号 ${rng.digits(8)}`, `Ref No. ${rng.pick(['10', '11', '12'])}${rng.digits(9)}`, `单号：YT${rng.digits(13)}`,
  ]))]),
  combined: (rng) => place(rng, [decoy('mixed forms of quantities', rng.pick([
    `二〇二三.十二.三十一`, `叁佰\u200b万`, `①年②个月`, `l0l0`,
  ]))]),
};

export function heldoutCItem(rng: Rng, family: EvasionFamily, positive: boolean): Built {
  return (positive ? positives : negatives)[family](rng);
}
