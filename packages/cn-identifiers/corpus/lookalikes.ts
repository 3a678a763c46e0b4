// Numbers that are not personal identifiers but look like them: the hard negatives. Several are built to
// pass a checksum (a Luhn-valid order number, a mobile-shaped amount) so that only context can reject them.
import { decoy, type Decoy } from './compose.ts';
import type { Rng } from './rng.ts';
import { badBankCard, badIdNumber, badUscc, luhnValidOrderNumber, mobile, regionCode } from './synthetic-ids.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const date8 = (rng: Rng): string => `${rng.int(2015, 2024)}${pad2(rng.int(1, 12))}${pad2(rng.int(1, 28))}`;

export function orderNumber(rng: Rng): Decoy {
  const label = rng.pick(['订单号', '单号', '流水号', '交易流水号', '合同编号', '发票号码', '运单号', '快递单号', '订单编号',
    '工单号', '凭证号', '交易参考号', '回单号', 'Order No.', 'Order #', 'Ref:', 'Invoice No.', 'Tracking number']);
  const sep = /[a-z.#:]$/i.test(label) ? ' ' : rng.pick(['：', ':', ' ', '', '为']);
  const value = rng.pick([
    () => mobile(rng), // mobile-shaped
    () => luhnValidOrderNumber(rng), // card-shaped and Luhn-valid
    () => date8(rng) + rng.digits(rng.int(4, 10)),
    () => rng.digits(rng.int(9, 14)),
    () => `${rng.pick(['HT', 'SB', 'ZR', 'DD'])}-${rng.int(2019, 2024)}-${rng.digits(4)}`,
  ])();
  return decoy('order number', `${label}${sep}${value}`);
}

export function amount(rng: Rng): Decoy {
  const m = mobile(rng).slice(0, 3);
  return decoy('amount', rng.pick([
    `注册资本${rng.pick([100, 200, 500, 1000, 3000, 5000])}万${rng.pick(['已实缴', '认缴', '元'])}`,
    `¥${m}00000000`,
    `￥${rng.int(1, 9)}${rng.digits(2)},${rng.digits(3)},${rng.digits(3)}.00`,
    `${m.slice(0, 2)},${m.slice(2)}00,000 元`,
    `人民币${m}00000000元`,
    `报价：${m}00000000`,
    `转让价${rng.int(8, 300)}万`,
    `年营业额${rng.int(1, 9)},${rng.digits(3)}万元`,
    `实缴资本 ${m}${rng.digits(8)} 元`,
    `估值约${rng.int(1, 20)}.${rng.int(1, 9)}亿`,
    `RMB ${m}${rng.digits(8)}`,
    `定金${rng.int(2, 50)}万`,
    `${m}${rng.digits(8)}.00元`,
  ]));
}

export function date(rng: Rng): Decoy {
  const y = rng.int(2008, 2025);
  const mo = rng.int(1, 12);
  const d = rng.int(1, 28);
  return decoy('date', rng.pick([
    `${y}${pad2(mo)}${pad2(d)}`,
    `${y}-${pad2(mo)}-${pad2(d)}`,
    `${y}年${mo}月${d}日`,
    `${y}/${mo}/${d}`,
    `${y}.${pad2(mo)}.${pad2(d)}`,
    `${y}-${pad2(mo)}-${pad2(d)} ${pad2(rng.int(8, 20))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`,
    `${pad2(d)}/${pad2(mo)}/${y}`,
  ]));
}

export function invalidId(rng: Rng): Decoy {
  const kind = rng.pick(['check digit', 'check digit', 'impossible date', 'future birth date', 'unknown region'] as const);
  const label = rng.pick(['身份证号：', '身份证号码', '法人身份证 ', '证件号码：', '身份证号 ']);
  return decoy(`ID number with ${kind}`, label + badIdNumber(rng, kind));
}

export function invalidUscc(rng: Rng): Decoy {
  return decoy('credit code with wrong check character', rng.pick(['统一社会信用代码：', '信用代码', '税号：']) + badUscc(rng));
}

export function invalidCard(rng: Rng): Decoy {
  return decoy('card number failing Luhn', rng.pick(['卡号：', '银行卡号 ', '收款账号：']) + badBankCard(rng));
}

export function oldRegistration(rng: Rng): Decoy {
  const value = regionCode(rng) + rng.digits(9);
  return decoy('15-digit registration number', rng.pick([`注册号：${value}`, `原工商注册号${value}`, `税务登记证号 ${value}`, `旧版注册号 ${value}`]));
}

export function phoneLike(rng: Rng): Decoy {
  const m = mobile(rng);
  return decoy('phone-like run of the wrong length', rng.pick([
    `${m}${rng.int(0, 9)}`,
    m.slice(0, 10),
    `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}-${rng.int(0, 9)}`,
    `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}${rng.int(0, 9)}`,
    `0${m}${rng.int(0, 9)}`,
  ]));
}

export function codeLike(rng: Rng): Decoy {
  const kind = rng.pick(['tracking number', 'version number', 'timestamp', 'postal code', 'invoice code', 'bank routing number',
    'company account', 'organization code', 'QQ group', 'court case number', 'ICP licence', 'stock code', 'IP address',
    'percentage', 'licence number', 'patent number', 'trademark number', 'service hotline', 'plate number', 'ISBN'] as const);
  const text = {
    'tracking number': () => rng.pick([`SF${rng.digits(13)}`, `顺丰单号 SF ${rng.digits(12)}`, `YT${rng.digits(13)}`, `中通 ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(2)}`, `JDVA${rng.digits(11)}`, `EMS EA${rng.digits(9)}CN`]),
    'version number': () => rng.pick([`v${rng.int(1, 13)}.${rng.int(0, 9)}.${rng.int(0, 2000)}`, `版本号 ${rng.int(1, 13)}.${rng.int(0, 9)}.${rng.digits(4)}`, `Build ${date8(rng)}.${rng.int(1, 9)}`]),
    timestamp: () => rng.pick([`时间戳${rng.int(1500000000, 1719999999)}${rng.digits(3)}`, `ts=${rng.int(1500000000, 1719999999)}`, `${date8(rng)}${pad2(rng.int(0, 23))}${pad2(rng.int(0, 59))}${pad2(rng.int(0, 59))}`]),
    'postal code': () => `邮编${rng.pick(['200120', '100020', '518057', '310012', '610041', '430074'])}`,
    'invoice code': () => `发票代码 0${rng.digits(11)} 发票号码 ${rng.digits(8)}`,
    'bank routing number': () => `联行号${rng.pick(['102', '103', '104', '105', '308'])}${rng.digits(9)}`,
    'company account': () => rng.pick([`对公账户 ${rng.pick(['3100', '3105', '4402'])}${rng.digits(16)}`, `基本户账号：1001${rng.digits(15)}`, `开户账号 ${rng.pick(['1210', '1001'])} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(3)}`]),
    'organization code': () => `组织机构代码 ${rng.pick(['MA1K', '7654', '1234'])}${rng.digits(4)}-${rng.int(0, 9)}`,
    'QQ group': () => `QQ群：${rng.int(100000000, 999999999)}`,
    'court case number': () => `（${rng.int(2019, 2024)}）沪0${rng.int(101, 120)}民初${rng.digits(5)}号`,
    'ICP licence': () => `沪ICP备${rng.int(2015, 2024)}${rng.digits(6)}号-${rng.int(1, 3)}`,
    'stock code': () => `股票代码 ${rng.pick(['600519', '000001', '300750', '688981'])}`,
    'IP address': () => `192.168.${rng.int(0, 255)}.${rng.int(100, 199)}`,
    percentage: () => `同比增长${rng.int(1, 99)}.${rng.int(1, 9)}%`,
    'licence number': () => `食品经营许可证编号JY${rng.digits(14)}`,
    'patent number': () => `ZL ${rng.int(2015, 2024)} 1 ${rng.digits(7)}.${rng.int(0, 9)}`,
    'trademark number': () => `商标注册号第${rng.digits(8)}号`,
    'service hotline': () => rng.pick(['400-820-8820', '95588', '12366', '800-830-1234']),
    'plate number': () => `沪A${rng.digits(5)}`,
    ISBN: () => `ISBN 978-7-${rng.digits(3)}-${rng.digits(5)}-${rng.int(0, 9)}`,
  }[kind]();
  return decoy(kind, text);
}

/** Numbers that are mentioned with a messaging word but are not a handle. */
export function imLookalike(rng: Rng): Decoy {
  return decoy('messaging word without a handle', rng.pick([
    '微信同号', '加V认证企业', '微信支付已到账', '微信公众号：沪上企服', `微信支付订单号${rng.digits(28)}`,
    `微信转账${rng.int(1000, 50000)}元`, 'WeChat: available on request', '请勿私下加微信', `QQ空间访问量${rng.int(1000, 99999)}`,
    '扣扣群里发了资料', `vx转账 ${rng.int(100, 9999)} 元`,
  ]));
}

const ALL = [orderNumber, amount, date, invalidId, invalidUscc, invalidCard, oldRegistration, phoneLike, codeLike, codeLike, imLookalike];

export function anyLookalike(rng: Rng): Decoy {
  return rng.pick(ALL)(rng);
}
