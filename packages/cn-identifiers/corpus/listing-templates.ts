// Listing teasers (公司转让信息). Positives are teasers in which someone slipped contact details or registry
// identifiers; hard negatives are teasers full of numbers that identify nobody.
import type { Part } from './compose.ts';
import { CLAUSES } from './contacts.ts';
import { amount, anyLookalike, codeLike, date, orderNumber, phoneLike } from './lookalikes.ts';
import { capital, INDUSTRIES, INDUSTRIES_EN, LICENCES, place, PLACES_EN, years, BANKS } from './phrases.ts';
import type { Rng } from './rng.ts';
import type { FindingType } from './types.ts';

function header(rng: Rng): string {
  const { city, district } = place(rng);
  const industry = rng.pick(INDUSTRIES);
  return rng.pick([
    `【${city}${district}】${industry}公司转让`,
    `${city}某${industry}有限公司整体转让`,
    `急转！${city}${district}${industry}公司`,
    `出售${city}${rng.int(2005, 2020)}年${industry}公司`,
    `${city}${industry}类公司，股权100%转让`,
    `精品推荐：${city}${district}老牌${industry}企业`,
    `${city}${industry}公司低价转让（编号${rng.pick(['SB', 'ZR', 'GS'])}-${rng.int(1000, 9999)}）`,
  ]);
}

const ATTRIBUTES: ReadonlyArray<(rng: Rng) => string> = [
  (rng) => `成立${years(rng)}年`,
  (rng) => `成立于${rng.int(2004, 2022)}年${rng.int(1, 12)}月`,
  (rng) => `注册资本${capital(rng)}万${rng.pick(['已实缴', '认缴', '实缴到位', '未实缴'])}`,
  (rng) => rng.pick(['一般纳税人', '小规模纳税人', '一般纳税人，可开13%专票']),
  (rng) => `${rng.pick(['A', 'B', 'M'])}级纳税信用`,
  (rng) => `年开票${rng.int(50, 5000)}万`,
  (rng) => `${rng.int(2019, 2024)}年营业额${rng.int(100, 9000)}万元`,
  (rng) => `社保${rng.int(0, 80)}人`,
  (rng) => `有${rng.int(1, 12)}个商标、${rng.int(0, 30)}项软著`,
  (rng) => `${rng.pick(BANKS)}基本户，U盾齐全`,
  (rng) => rng.pick(['无欠税、无异常、无诉讼', '账务清晰，零申报', '无经营异常', '无行政处罚记录', '无股权质押']),
  (rng) => `带${rng.pick(LICENCES)}`,
  (rng) => rng.pick([`转让价${rng.int(5, 500)}万`, '价格面议', `一口价${rng.int(3, 200)}.${rng.int(0, 9)}万`, `报价${rng.int(3, 300)}万元，可谈`]),
  (rng) => `浏览${rng.int(100, 99999)}次`,
  (rng) => `地址${place(rng).district}某园区${rng.int(1, 30)}楼，可迁出`,
  (rng) => `经营范围含${rng.pick(INDUSTRIES)}、${rng.pick(INDUSTRIES)}`,
  (rng) => `${rng.int(1, 5)}-${rng.int(6, 15)}个工作日完成变更`,
];

const PLATFORM_CONTACT = [
  '有意者请通过平台站内信咨询', '联系方式实名认证后可见', '手机号已隐藏，请在平台内沟通', '详情请联系您的专属顾问',
  '请勿私下交易，平台担保', '买家请先签署保密协议', '资料齐全，可预约看照', '',
];

function attributes(rng: Rng, count: number): string[] {
  return rng.shuffle(ATTRIBUTES).slice(0, count).map((attribute) => attribute(rng));
}

const SEPARATORS = ['，', '，', '；', '。', '\n', ' | ', '、'];

/** Joins clauses with punctuation (never a bare space, which would glue two numbers into one run). */
export function joinClauses(rng: Rng, clauses: ReadonlyArray<string | Part[]>): Part[] {
  const sep = rng.pick(SEPARATORS);
  const out: Part[] = [];
  clauses.forEach((clause, i) => {
    if (i > 0) out.push(sep);
    if (typeof clause === 'string') out.push(clause);
    else out.push(...clause);
  });
  return out;
}

const LISTING_TYPES: readonly FindingType[] = ['mobile', 'mobile', 'mobile', 'mobile', 'wechat', 'wechat', 'qq', 'email',
  'email', 'landline', 'landline', 'uscc', 'id_card', 'bank_card'];

function englishListing(rng: Rng, contact: Part[][], positive: boolean): Part[] {
  const decoys = Array.from({ length: positive ? rng.int(0, 1) : rng.int(1, 3) }, () => [
    rng.pick([orderNumber, amount, date, codeLike, phoneLike])(rng),
  ]);
  const clauses: Array<string | Part[]> = [
    `For sale: ${rng.pick(PLACES_EN)} ${rng.pick(INDUSTRIES_EN)} company (est. ${rng.int(2005, 2021)})`,
    `registered capital RMB ${rng.pick([1, 5, 10, 20, 50])}M ${rng.pick(['fully paid', 'subscribed'])}`,
    rng.pick(['general VAT taxpayer', 'small-scale taxpayer']),
    `${rng.pick(['A', 'B'])}-level tax credit`,
    `${rng.int(2, 40)} employees on social insurance`,
    rng.pick([`asking price RMB ${rng.int(1, 9)},${rng.int(100, 999)},000`, 'price negotiable', `asking ${rng.int(1, 9)}.${rng.int(1, 9)}M`]),
    ...rng.shuffle([...decoys, ...contact]),
  ];
  return joinClauses(rng, clauses).map((p) => (p === '，' || p === '、' || p === '；' ? ', ' : p === '。' ? '. ' : p));
}

export function listing(rng: Rng, positive: boolean): Part[] {
  const contact: Part[][] = [];
  if (positive) {
    const n = rng.pick([1, 1, 1, 2, 2, 3]);
    for (let i = 0; i < n; i++) contact.push(CLAUSES[rng.pick(LISTING_TYPES)](rng));
  }
  if (rng.chance(0.12)) return englishListing(rng, contact, positive);
  const decoyCount = positive ? rng.int(0, 2) : rng.int(2, 4);
  const body: Array<string | Part[]> = [
    ...attributes(rng, rng.int(3, 7)),
    ...Array.from({ length: decoyCount }, () => [anyLookalike(rng)]),
    ...contact,
  ];
  const clauses = [header(rng), ...rng.shuffle(body)];
  if (!positive) clauses.push(rng.pick(PLATFORM_CONTACT));
  return joinClauses(rng, clauses.filter((c) => c !== ''));
}
