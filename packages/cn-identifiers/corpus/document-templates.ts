// Document snippets: 股权转让协议 clauses, 营业执照 text, bank statements, resolutions, handover lists.
import { piece, type Part } from './compose.ts';
import { CLAUSES, idClause, mobileClause, usccClause } from './contacts.ts';
import { amount, codeLike, date, invalidCard, invalidId, invalidUscc, oldRegistration, orderNumber } from './lookalikes.ts';
import { address, BANKS, capital, companyName, INDUSTRIES } from './phrases.ts';
import type { Rng } from './rng.ts';
import { cardSurface, idSurface, mobileSurface, usccSurface } from './surface.ts';
import { bankCard, idNumber, mobile, personName, uscc } from './synthetic-ids.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const cnDate = (rng: Rng): string => `${rng.int(2005, 2024)}年${pad2(rng.int(1, 12))}月${pad2(rng.int(1, 28))}日`;

function agreement(rng: Rng, positive: boolean): Part[] {
  const seller = personName(rng);
  const price = rng.int(10, 2000);
  const parts: Part[] = [`股权转让协议\n转让方（甲方）：${seller}\n`];
  if (positive) {
    parts.push('身份证号码：', piece('id_card', idSurface(rng, idNumber(rng))), '\n');
    if (rng.chance(0.6)) parts.push('联系电话：', piece('mobile', mobileSurface(rng, mobile(rng))), '\n');
  } else {
    parts.push(rng.pick(['身份证号码：（见附件一）\n', '身份证号码：3101**********1234\n', '证件类型：居民身份证\n', '']), invalidId(rng), '\n');
  }
  parts.push(`住所：${address(rng)}\n受让方（乙方）：${companyName(rng)}\n`);
  if (positive && rng.chance(0.7)) parts.push('统一社会信用代码：', piece('uscc', usccSurface(rng, uscc(rng))), '\n');
  parts.push(`法定代表人：${personName(rng)}\n`);
  parts.push(rng.pick([
    `第三条 转让价款：甲方将其持有的目标公司100%股权以人民币${price}万元（大写：${['壹', '贰', '叁', '伍'][rng.int(0, 3)]}佰万元整）转让给乙方。`,
    `第四条 乙方应于本协议签订之日起${rng.int(3, 10)}个工作日内支付定金人民币${rng.int(5, 50)}万元，剩余款项于工商变更完成后${rng.int(3, 15)}日内付清。`,
    `第六条 过渡期内（自${cnDate(rng)}至交割日）目标公司不得对外提供担保。`,
    `第九条 任何一方违约，应向守约方支付转让价款${rng.int(5, 30)}%的违约金。`,
  ]));
  if (positive && rng.chance(0.6)) {
    parts.push(`\n甲方指定收款账户：开户行：${rng.pick(BANKS)}，账号：`, piece('bank_card', cardSurface(rng, bankCard(rng))));
  } else {
    parts.push('\n', rng.pick([orderNumber(rng), amount(rng), date(rng), codeLike(rng)]));
  }
  return parts;
}

function businessLicence(rng: Rng, positive: boolean): Part[] {
  const founded = cnDate(rng);
  const code: Part[] = positive
    ? [piece('uscc', usccSurface(rng, uscc(rng)))]
    : [rng.pick(['（见原件）', '91310115MA1K******', '已打码']), '\n', invalidUscc(rng)];
  return [
    '营业执照\n统一社会信用代码 ', ...code,
    `\n名称 ${companyName(rng)}\n类型 有限责任公司（自然人投资或控股）\n法定代表人 ${personName(rng)}`,
    `\n经营范围 ${rng.pick(INDUSTRIES)}领域内的技术开发、技术咨询；${rng.pick(INDUSTRIES)}\n注册资本 人民币${capital(rng)}万元整`,
    `\n成立日期 ${founded}\n营业期限 ${founded}至${rng.int(2030, 2060)}年${pad2(rng.int(1, 12))}月${pad2(rng.int(1, 28))}日`,
    `\n住所 ${address(rng)}\n登记机关 ${rng.pick(['浦东新区', '海淀区', '南山区', '余杭区'])}市场监督管理局 ${cnDate(rng)}`,
    ...(rng.chance(0.5) ? ['\n', oldRegistration(rng)] : []),
  ];
}

function statementRow(rng: Rng): string {
  const y = rng.int(2022, 2024);
  const m = pad2(rng.int(1, 12));
  const d = pad2(rng.int(1, 28));
  const amountText = `${rng.pick(['-', ''])}${rng.int(1, 999)},${rng.digits(3)}.${rng.digits(2)}`;
  return `${y}-${m}-${d} ${amountText} 余额 ${rng.int(1, 9)},${rng.digits(3)},${rng.digits(3)}.${rng.digits(2)} ${rng.pick(['货款', '服务费', '工资', '税费', '转账', '利息'])}`;
}

function bankStatement(rng: Rng, positive: boolean): Part[] {
  const parts: Part[] = [`${rng.pick(BANKS)}账户交易明细\n户名：${personName(rng)}\n`];
  if (positive) parts.push('卡号：', piece('bank_card', cardSurface(rng, bankCard(rng))), '\n');
  else parts.push(rng.pick([invalidCard(rng), codeLike(rng)]), '\n');
  parts.push(`起止日期：${rng.int(2022, 2024)}-01-01 至 ${rng.int(2022, 2024)}-12-31\n交易日期 交易金额 余额 摘要\n`);
  const rows = rng.int(2, 5);
  for (let i = 0; i < rows; i++) parts.push(statementRow(rng), '\n');
  if (positive && rng.chance(0.4)) parts.push('对方卡号：', piece('bank_card', cardSurface(rng, bankCard(rng))), '\n');
  parts.push(orderNumber(rng));
  return parts;
}

function resolution(rng: Rng, positive: boolean): Part[] {
  const parts: Part[] = [
    `股东会决议\n会议时间：${cnDate(rng)}\n会议地点：${address(rng)}\n`,
    `应到股东${rng.int(1, 5)}人，实到${rng.int(1, 5)}人，代表${rng.int(51, 100)}%表决权。\n`,
    `一、同意股东${personName(rng)}将其持有的${rng.int(10, 100)}%股权（认缴出资额${capital(rng)}万元）转让给${personName(rng)}；\n`,
    '二、其他股东放弃优先购买权；\n',
  ];
  if (positive) {
    parts.push(...rng.pick<Part[]>([
      ['受让人身份证号码：', piece('id_card', idSurface(rng, idNumber(rng)))],
      ['受让人联系电话：', piece('mobile', mobileSurface(rng, mobile(rng)))],
      ['受让方（法人股东）统一社会信用代码：', piece('uscc', usccSurface(rng, uscc(rng)))],
      ['转让款支付至转让方个人账户，卡号', piece('bank_card', cardSurface(rng, bankCard(rng)))],
    ]), '\n');
  }
  else parts.push(rng.pick([amount(rng), date(rng), oldRegistration(rng)]), '\n');
  parts.push(`三、本决议自${cnDate(rng)}起生效。`);
  return parts;
}

function handover(rng: Rng, positive: boolean): Part[] {
  const parts: Part[] = [
    '交割清单\n', `1. 公章、财务章、法人章、发票章各1枚\n2. 营业执照正副本\n3. 银行U盾${rng.int(1, 3)}个，税务UKey 1个\n`,
    `4. ${rng.int(2019, 2023)}-${rng.int(2020, 2024)}年账册凭证${rng.int(3, 40)}本\n`,
  ];
  if (positive) {
    parts.push('5. 接收人联系方式：', ...CLAUSES[rng.pick(['mobile', 'landline', 'email', 'wechat'] as const)](rng), '\n');
  } else {
    parts.push(`5. 旧章已于${cnDate(rng)}在公安机关备案注销，`, rng.pick([orderNumber(rng), codeLike(rng)]), '\n');
  }
  parts.push(`交割日期：${cnDate(rng)}`);
  return parts;
}

function dueDiligence(rng: Rng, positive: boolean): Part[] {
  const parts: Part[] = [
    `尽职调查摘要\n目标公司：${companyName(rng)}\n`,
    `注册资本：${capital(rng)}万元，实缴${rng.int(0, 100)}%\n纳税信用等级：${rng.pick(['A', 'B', 'M'])}\n`,
    `诉讼：${rng.pick(['无', `1件（${rng.int(2019, 2024)}）沪0115民初${rng.digits(5)}号，已结案`])}\n`,
  ];
  if (positive) parts.push(...rng.pick([usccClause, idClause, mobileClause])(rng), '\n');
  parts.push(rng.pick([invalidId(rng), invalidUscc(rng), invalidCard(rng), oldRegistration(rng), amount(rng), codeLike(rng)]));
  return parts;
}

const DOCUMENTS = [agreement, businessLicence, bankStatement, resolution, handover, dueDiligence];

export function document(rng: Rng, positive: boolean): Part[] {
  return rng.pick(DOCUMENTS)(rng, positive);
}
