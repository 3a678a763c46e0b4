// FOURTH HELD-OUT PART (held-out D). Written after the one fix held-out C prompted, generated once with its own
// seed and frozen before the detector ran on it (evasion.test.ts pins its hash): the last blind estimate.
// The chats imitate people on a platform that masks contacts, each family in fresh phrasings.
import { decoy, piece, type Part } from '../compose.ts';
import type { Rng } from '../rng.ts';
import { email, idNumber, mobile, qq, wechatId } from '../synthetic-ids.ts';
import type { EvasionFamily } from './families.ts';
import type { Built } from './heldout-templates.ts';

type Builder = (rng: Rng) => Built;
const XIAO = '〇一二三四五六七八九';
const DA = '零壹贰叁肆伍陆柒捌玖';
const map = (digits: string, f: (d: number, i: number) => string): string => [...digits].map((c, i) => (c >= '0' && c <= '9' ? f(Number(c), i) : c)).join('');
const cut = (s: string, sizes: readonly number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(s.slice(at, at + n));
    at += n;
  }
  return at < s.length ? [...out, s.slice(at)] : out;
};

function talk(rng: Rng): string {
  return rng.pick([
    `平台抽成${rng.int(1, 5)}%太高了`,
    `公司${rng.int(2012, 2021)}年成立的，一直正常报税，去年交了${rng.int(3, 40)}万税`,
    `注册地址在${rng.pick(['浦东', '南山', '余杭', '天河'])}，可以不迁`,
    `对方要求先付${rng.int(1, 10)}万诚意金`,
    `营业执照、开户许可证、${rng.int(2, 6)}枚印章都齐`,
    `明天下午${rng.int(2, 5)}点半前给答复`,
    `报价${rng.int(20, 99)}万，含过户费`,
  ]);
}
function put(rng: Rng, clause: Part[]): Built {
  if (rng.chance(0.4)) return { kind: 'listing', parts: [talk(rng), rng.pick(['，', '；', '。']), ...clause] };
  const before: Part[] = rng.chance(0.5) ? [talk(rng), rng.pick(['，', '。', ' ', '\n'])] : [];
  return { kind: 'chat', parts: [...before, ...clause, rng.pick(['', '，速回', '。谢谢', ' 🙏'])] };
}
const call = (rng: Rng): string => rng.pick(['直接电话：', '私下联系 ', '我手机', '打我电话', '联系方式：', '这是我号码', '号：', 'call: ']);

const positives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => {
    const m = mobile(rng);
    return put(rng, [call(rng), piece('mobile', rng.pick([
      () => map(m, (d) => String.fromCodePoint(0x1d7e2 + d)), // sans-serif
      () => map(m, (d) => (d === 0 ? '⓿' : String.fromCodePoint(0x2775 + d))),
      () => map(m, (d, i) => (i % 3 === 0 ? String.fromCharCode(0xff10 + d) : String.fromCodePoint(0x2460 + d - 1 + (d === 0 ? 0x24ea - 0x245f : 0)))),
      () => map(m, (d) => String.fromCodePoint(0x1d7ce + d)),
    ])())]);
  },
  chinese_numerals: (rng) => {
    const m = mobile(rng);
    return put(rng, [call(rng), piece('mobile', rng.pick([
      () => map(m, (d) => XIAO[d]!),
      () => cut(map(m, (d) => XIAO[d]!), [3, 4, 4]).join(' '),
      () => map(m, (d, i) => (i % 2 === 0 ? XIAO[d]! : String(d))),
      () => map(m, (d) => (d === 0 ? '零' : d === 2 ? '两' : XIAO[d]!)),
    ])())]);
  },
  capital_numerals: (rng) => {
    const m = mobile(rng);
    return put(rng, [call(rng), piece('mobile', rng.pick([
      () => map(m, (d) => DA[d]!),
      () => map(m, (d, i) => (i < 4 ? DA[d]! : String(d))),
      () => cut(map(m, (d) => DA[d]!), [3, 4, 4]).join('、'),
    ])())]);
  },
  slang_digits: (rng) => {
    const m = mobile(rng);
    const alt = [['洞', '零'], ['幺', '腰'], ['两', '二'], ['三', '伞'], ['四', '死'], ['五', '舞'], ['六', '溜'], ['拐', '七'], ['八', '吧'], ['勾', '酒']];
    return put(rng, [call(rng), piece('mobile', rng.pick([
      () => map(m, (d) => rng.pick(alt[d]!)),
      () => map(m, (d) => (rng.chance(0.4) ? alt[d]![0]! : String(d))),
    ])())]);
  },
  separators: (rng) => {
    const m = mobile(rng);
    const sep = rng.pick(['。', '.', '-', '_', '/', '💰', '✨', '👉', ' . ', '~', '·']);
    return put(rng, [call(rng), piece('mobile', rng.chance(0.25) ? [...m].join(rng.pick(['.', '-', '/'])) : cut(m, [3, 4, 4]).join(sep))]);
  },
  invisible: (rng) => {
    const hide = (): string => rng.pick(['\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u2064']);
    if (rng.chance(0.2)) {
      const id = idNumber(rng);
      return put(rng, ['身份证', piece('id_card', [...id].map((c, i) => (i > 0 && i % 2 === 0 ? hide() + c : c)).join(''))]);
    }
    return put(rng, [call(rng), piece('mobile', [...mobile(rng)].map((c, i) => (i > 0 && rng.chance(0.5) ? hide() + c : c)).join(''))]);
  },
  lookalikes: (rng) => {
    const m = mobile(rng);
    const swapped = [...m].map((c, i) => (i > 0 && c === '0' && rng.chance(0.7) ? 'O' : i > 0 && c === '1' && rng.chance(0.7) ? 'l' : c)).join('');
    return put(rng, [call(rng), ' ', piece('mobile', swapped === m ? `l${m.slice(1)}` : swapped), ' ']);
  },
  split_by_words: (rng) => {
    const [a, b, c] = cut(mobile(rng), [3, 4, 4]);
    const w = (): string => rng.pick(['嘿嘿', '你懂的', '接下来', '再后面', '别截图', '然后是']);
    return put(rng, [call(rng), piece('mobile', rng.pick([() => `${a}${w()}${b}${w()}${c}`, () => `${a}，${w()}${b}，${w()}${c}`, () => `${a} ${w()} ${b}${c}`])())]);
  },
  spelled_email: (rng) => {
    const [local = '', domain = ''] = email(rng).split('@');
    const labels = domain.split('.');
    return put(rng, [rng.pick(['邮箱：', '发邮件 ', 'mail ']), piece('email', rng.pick([
      () => `${local}(at)${domain}`,
      () => `${local} at ${labels.join(' dot ')}`,
      () => `${local}艾特${domain}`,
      () => `${local}#${domain}`,
      () => `${local}【at】${labels.join('【dot】')}`,
      () => `${local} AT ${labels.join('.')}`,
    ])())]);
  },
  im_nickname: (rng) => {
    if (rng.chance(0.3)) return put(rng, [rng.pick(['🐧', '扣扣：', 'QQ号码', '企鹅：']), rng.pick([' ', '']), piece('qq', qq(rng))]);
    return put(rng, [rng.pick(['薇❤：', '绿泡泡 ', 'V❤ ', '威信号：', '+V ', 'v x：', '微❤ ']), piece('wechat', wechatId(rng))]);
  },
  misleading_prefix: (rng) => {
    if (rng.chance(0.2)) return put(rng, [rng.pick(['编号', '单号：', 'Ref ']), piece('id_card', idNumber(rng))]);
    return put(rng, [rng.pick(['订单号：', '发票号码', '编号 ', '单号', 'Ref#', '快递单号：']), piece('mobile', mobile(rng))]);
  },
  combined: (rng) => {
    const m = mobile(rng);
    return put(rng, [call(rng), piece('mobile', rng.pick([
      () => cut(map(m, (d) => XIAO[d]!), [3, 4, 4]).join('✨'),
      () => [...map(m, (d) => DA[d]!)].join('\u200d'),
      () => {
        const [a, b, c] = cut(m.replace(/0/g, 'O'), [3, 4, 4]);
        return `${a}你懂的${b}然后是${c}`;
      },
    ])())]);
  },
};

const negatives: Record<EvasionFamily, Builder> = {
  unicode_forms: (rng) => put(rng, [decoy('numbered lists and decorated amounts', rng.pick([`❶资料齐 ❷可过户`, `𝟥𝟢万`, `①年期`, `１，２００万`]))]),
  chinese_numerals: (rng) => put(rng, [decoy('quantities and dates in numerals', rng.pick([`一两个月`, `二〇一八年`, `三四十万`, `一二三季度`, `九八年的老公司`, `一三八五年`]))]),
  capital_numerals: (rng) => put(rng, [decoy('amounts in capitals', rng.pick([`壹拾万元整`, `贰佰叁拾万`, `零元转让`, `伍仟`]))]),
  slang_digits: (rng) => put(rng, [decoy('slang characters in words', rng.pick([`两个人`, `拐个弯`, `吧里说`, `酒水`, `舞台`, `腰疼`]))]),
  separators: (rng) => put(rng, [decoy('dates and versions', rng.pick([`${rng.int(2015, 2024)}.${rng.int(1, 12)}.${rng.int(1, 28)}`, `${rng.int(10, 99)}/${rng.int(10, 99)}`, `v${rng.int(1, 5)}.${rng.int(0, 9)}`, `${rng.int(100, 999)}✨${rng.int(1000, 9999)}`]))]),
  invisible: (rng) => put(rng, [decoy('invisible characters in amounts', rng.pick([`${rng.int(10, 99)}\u200b万`, `${rng.int(2000, 2024)}\u2060年`]))]),
  lookalikes: (rng) => put(rng, [decoy('letters and digits in names', rng.pick([`OPPO R${rng.int(10, 17)}`, `ISO${rng.int(9001, 9009)}`, `lol`, `B${rng.int(1, 9)}栋`]))]),
  split_by_words: (rng) => put(rng, [decoy('numbers in sentences', rng.pick([`${rng.int(130, 199)}万你懂的${rng.int(1000, 9999)}万`, `嘿嘿${rng.int(100, 999)}`, `${rng.int(2010, 2015)}然后是${rng.int(2016, 2024)}`]))]),
  spelled_email: (rng) => put(rng, [decoy('at and # in prose', rng.pick([`at the meeting`, `#转让#`, `艾特一下`, `C# dev`]))]),
  im_nickname: (rng) => put(rng, [decoy('nicknames without an id', rng.pick([`绿泡泡聊`, `🐧🐧`, `威信县`, `+V认证`]))]),
  misleading_prefix: (rng) => put(rng, [decoy('real order numbers', rng.pick([`订单号：${rng.int(2020, 2024)}${rng.digits(12)}`, `发票号码${rng.digits(8)}`, `单号${rng.pick(['SF', 'JT'])}${rng.digits(12)}`, `编号 ${rng.int(10, 12)}${rng.digits(9)}`]))]),
  combined: (rng) => put(rng, [decoy('mixed quantities', rng.pick([`二〇二〇.五.一`, `壹\u200d佰万`, `O2O 项目${rng.int(2, 9)}个`]))]),
};

export function heldoutDItem(rng: Rng, family: EvasionFamily, positive: boolean): Built {
  return (positive ? positives : negatives)[family](rng);
}
