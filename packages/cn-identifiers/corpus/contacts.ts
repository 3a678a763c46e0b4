// Clauses that carry an identifier, in the many ways brokers, buyers and documents introduce one.
import { piece, type Part } from './compose.ts';
import type { Rng } from './rng.ts';
import { cardSurface, emailSurface, idSurface, landlineSurface, mobileSurface, usccSurface } from './surface.ts';
import { bankCard, email, idNumber, landline, mobile, qq, surname, uscc, wechatId } from './synthetic-ids.ts';
import { BANKS } from './phrases.ts';

export function mobileClause(rng: Rng): Part[] {
  const p = piece('mobile', mobileSurface(rng, mobile(rng)));
  const who = `${surname(rng)}${rng.pick(['经理', '先生', '女士', '总', '顾问'])}`;
  return rng.pick<Part[]>([
    [`联系人：${who} `, p],
    [`电话/微信：`, p],
    [`手机`, p, '（微信同号）'],
    [`有意者请致电`, p],
    [`${who}`, p],
    [`联系电话：`, p, '，非诚勿扰'],
    [`详询`, p],
    [`我的手机号是`, p, '，方便时回电'],
    [`Tel: `, p],
    [`Contact ${rng.pick(['Mr.', 'Ms.'])} ${rng.pick(['Wang', 'Li', 'Zhang', 'Chen'])} at `, p],
    [`call me on `, p, ' anytime'],
    [`号码`, p, '，打不通就发短信'],
    [`手机：`, p, ' '],
    [`VX`, piece('mobile', mobile(rng)), '（手机同号）'],
    [`微信：`, p],
  ]);
}

export function landlineClause(rng: Rng): Part[] {
  const p = piece('landline', landlineSurface(rng, landline(rng)));
  return rng.pick<Part[]>([
    ['座机：', p],
    ['办公电话 ', p],
    ['公司电话', p, '（工作日9:00-18:00）'],
    ['Office: ', p],
    ['传真/电话：', p],
    ['前台总机', p],
  ]);
}

export function wechatClause(rng: Rng): Part[] {
  const p = piece('wechat', wechatId(rng));
  return rng.pick<Part[]>([
    ['微信：', p],
    ['微信号 ', p],
    ['加V：', p],
    ['vx: ', p],
    ['VX：', p, ' 备注来意'],
    ['V信 ', p],
    ['威信：', p],
    ['薇信', '：', p],
    ['wx ', p],
    ['WeChat: ', p],
    ['WeChat ID ', p],
    ['+V：', p],
    ['加微信 ', p, ' 详聊'],
    ['微信/QQ：', p],
    ['微信搜 ', p],
  ]);
}

export function qqClause(rng: Rng): Part[] {
  const p = piece('qq', qq(rng));
  return rng.pick<Part[]>([
    ['QQ：', p],
    ['QQ ', p],
    ['qq号', p],
    ['扣扣：', p],
    ['企鹅号 ', p],
    ['QQ', p],
    ['QQ/微信：', p],
    ['my QQ is ', p],
  ]);
}

export function emailClause(rng: Rng): Part[] {
  const p = piece('email', emailSurface(rng, email(rng)));
  return rng.pick<Part[]>([
    ['邮箱：', p],
    ['资料发我邮箱', p],
    ['E-mail: ', p],
    ['简历请投递至', p],
    ['email me at ', p],
    ['合同扫描件发到 ', p, ' 就行'],
  ]);
}

export function idClause(rng: Rng): Part[] {
  const p = piece('id_card', idSurface(rng, idNumber(rng)));
  return rng.pick<Part[]>([
    ['身份证号：', p],
    ['法人身份证号码', p],
    ['证件号码：', p],
    ['身份证 ', p, '，照片稍后发你'],
    ['ID No. ', p],
    ['公民身份号码 ', p],
    ['股东身份证：', p],
    ['这是他的身份证号', p, '，你核一下'],
  ]);
}

export function usccClause(rng: Rng): Part[] {
  const p = piece('uscc', usccSurface(rng, uscc(rng)));
  return rng.pick<Part[]>([
    ['统一社会信用代码：', p],
    ['信用代码', p],
    ['税号：', p],
    ['纳税人识别号 ', p],
    ['USCC: ', p],
    ['公司的代码是', p, '，你可以先查一下'],
  ]);
}

export function cardClause(rng: Rng): Part[] {
  const p = piece('bank_card', cardSurface(rng, bankCard(rng)));
  const bank = rng.pick(BANKS);
  return rng.pick<Part[]>([
    ['卡号：', p, `（${bank}）`],
    [`收款账户：${bank} `, p],
    ['银行卡号', p],
    ['定金转到这张卡 ', p],
    ['Card No. ', p],
    [`${bank}储蓄卡 `, p, ' 户名同法人'],
    ['账号：', p],
    ['打到', p, '，到账截图发我'],
  ]);
}

export const CLAUSES = {
  mobile: mobileClause,
  landline: landlineClause,
  wechat: wechatClause,
  qq: qqClause,
  email: emailClause,
  id_card: idClause,
  uscc: usccClause,
  bank_card: cardClause,
} as const;
