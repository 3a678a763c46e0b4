// Context rules for digit candidates. A run of digits that passes a checksum is still not an identifier when
// the words around it say what it is: "订单号13812345678" is an order, "¥13800000000" an amount. All rules
// look at the folded text right next to the candidate; none of them ever adds a finding, they only veto.

// Labels of numbers that are not personal identifiers. Checked right before the candidate, allowing
// "No.", "#", ":" and the like in between ("订单号：", "Order No. ").
const NOT_AN_IDENTIFIER_LABEL = new RegExp(
  '(?:' +
    [
      '订单号?',
      '单号',
      '流水号?',
      '交易(?:单|编)?号',
      '合同(?:编)?号',
      '协议编?号',
      '编号',
      '发票(?:号码|代码|号)?',
      '运单',
      '快递',
      '物流',
      '批次号?',
      '工单',
      '凭证号?',
      '序列号',
      '注册号',
      '登记号',
      '备案号?',
      '许可证号?',
      '证书号?',
      '案号',
      '文号',
      '条码',
      '工号',
      '会员号',
      '房号',
      '货号',
      '型号',
      '票号',
      '专利号?',
      '商标号?',
      '股票代码',
      '行号',
      '联行号',
      '对公账号',
      '对公账户',
      '基本户账号',
      '交易参考号',
      '参考号',
      '追踪号',
      '回单号?',
      '会议号',
      '会议ID',
      '第', // meeting numbers; ordinals ("第13812345678期")
      // Carriers in front of a waybill number ("顺丰单号 SF 0992…", "中通 0441 5595 6819 19").
      '顺丰',
      '中通',
      '圆通',
      '申通',
      '韵达',
      '极兔',
      '京东快递',
      '邮政',
      ...[
        'order',
        'invoice',
        'tracking',
        'waybill',
        'ref(?:erence)?',
        'serial',
        's/?n',
        'ticket',
        'transaction',
        'txn',
        'contract',
        'case',
        'batch',
        'sku',
        'po',
        'version',
        'ver',
        'build',
        'sf',
        'yto',
        'zto',
        'sto',
        'jd',
        'ems',
        'meeting\\s*id',
        String.raw`(?<!(?:phone|tel|mobile|cell|card|account|id|contact|passport)\s?)no\.?`,
      ].map((word) => `(?<![A-Za-z])${word}`),
    ].join('|') +
    String.raw`)(?:\s*(?:no\.?|number|num\.?|is|#|:|=|-|是|为|码|号))*\s*$`,
  'i',
);

// Money and sizes: "¥13800000000", "注册资本13800000000", "报价 13800000000".
const AMOUNT_BEFORE =
  /(?:[¥￥$€£]|RMB|CNY|USD|HKD|人民币|金额|价格|报价|售价|转让价|转让费|总价|价款|资本|实缴|认缴|营收|营业额|收入|利润|估值|定金|尾款|首付|余额|合计|共计|费用|税额|约)[\s:是为约达]*$/i;
// Only a space may stand between the number and its unit: after a line break "股票代码…" is a new line.
const AMOUNT_AFTER = /^[ \u00a0]?(?:元|圆|万|亿|块|美元|港币|港元|欧元|人民币|RMB|CNY|USD|%|％|‰|倍|平方|㎡)/i;

/**
 * Why the words around [start, end) say the digits are not an identifier: 'label' (an order, invoice or
 * reference number's label right before), 'context' (an amount, a decimal…), or null.
 */
export function contextVeto(folded: string, start: number, end: number): 'label' | 'context' | null {
  const before = folded.slice(Math.max(0, start - 24), start);
  if (amountOrDecimal(folded, before, end)) return 'context';
  return NOT_AN_IDENTIFIER_LABEL.test(before) ? 'label' : null;
}

/** True when the words around [start, end) say the digits are an order number, an amount, a decimal… */
export function vetoedByContext(folded: string, start: number, end: number): boolean {
  return contextVeto(folded, start, end) !== null;
}

function amountOrDecimal(folded: string, before: string, end: number): boolean {
  const after = folded.slice(end, end + 6);
  return (
    AMOUNT_BEFORE.test(before) ||
    AMOUNT_AFTER.test(after) ||
    /\d\.$/.test(before) || // the tail of a decimal (a comma before is a list: "13812345678,13987654321")
    /^\.\d/.test(after) || // a decimal part
    /^,\d{3}(?!\d)/.test(after) // a thousands group
  );
}

export type Hint = 'id_card' | 'uscc' | 'bank_card';

const HINTS: ReadonlyArray<readonly [Hint, RegExp]> = [
  ['id_card', /(?:身份证(?:号码?|号)?|公民身份号码|身份号码|证件号码?|证件号|ID\s*(?:card)?\s*(?:no\.?|number|#)?)[\s:：是为]*$/i],
  ['uscc', /(?:信用代码|纳税人识别号|税号|USCC|credit\s*code)[\s:：是为]*$/i],
  [
    'bank_card',
    /(?:卡号|银行卡号?|借记卡号?|信用卡号?|储蓄卡号?|收款账号|收款账户|个人账户|账号|帐号|card\s*(?:no\.?|number|#)?|account\s*(?:no\.?|number|#)?)[\s:：是为]*$/i,
  ],
];

/** The identifier type that the label right before `start` announces, if any. */
export function contextHint(folded: string, start: number): Hint | null {
  const before = folded.slice(Math.max(0, start - 20), start);
  for (const [hint, pattern] of HINTS) if (pattern.test(before)) return hint;
  return null;
}
