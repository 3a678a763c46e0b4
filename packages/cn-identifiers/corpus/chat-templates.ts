// Broker / buyer / seller messages (站内信, 群聊). Positives share contacts or documents' identifiers; hard
// negatives talk money, dates, order and registration numbers.
import { piece, type Part } from './compose.ts';
import { CLAUSES } from './contacts.ts';
import { amount, anyLookalike, codeLike, date, invalidCard, invalidId, invalidUscc, orderNumber, phoneLike } from './lookalikes.ts';
import { mobileSurface } from './surface.ts';
import { capital, place, years } from './phrases.ts';
import type { Rng } from './rng.ts';
import { mobile, surname, wechatId } from './synthetic-ids.ts';
import type { FindingType } from './types.ts';

const SPEAKERS = ['买家', '顾问', '卖家', '客服', '张总', '李经理', 'Buyer', 'Broker'];

function smallTalk(rng: Rng): string {
  const { city, district } = place(rng);
  return rng.pick([
    `${surname(rng)}总您好，我是交易中心的顾问，关于${city}那家公司`,
    `这家${district}的公司成立${years(rng)}年了，注册资本${capital(rng)}万`,
    '对方说可以先看一下营业执照和近三年的报表',
    `下周${rng.pick(['一', '二', '三', '四', '五'])}下午${rng.int(1, 5)}点去工商局办变更`,
    '尽调报告出来了，有两笔对外担保需要解除',
    `税务那边说要先完税，个税大概${rng.int(2, 60)}万`,
    '好的，收到，我跟老板确认一下',
    'Is the registered capital fully paid in?',
    `价格能不能再降${rng.int(1, 20)}万？`,
    '公章、财务章、法人章交割的时候一起给',
    '银行基本户变更需要法人本人到场',
    'OK, let me check with the seller and get back to you.',
    `股权质押解除大概要${rng.int(3, 15)}个工作日`,
    '平台规定不能私下交换联系方式哦',
    `资金共管账户已经开好，首付款${rng.int(10, 90)}%`,
  ]);
}

// Ways people sneak contact details past a filter in chat.
function obfuscatedContact(rng: Rng): Part[] {
  const digits = mobile(rng);
  return rng.pick<Part[]>([
    ['电话 ', piece('mobile', digits.split('').join(' ')), ' 你懂的'],
    ['加我 V信：', piece('wechat', wechatId(rng))],
    ['手机', piece('mobile', mobileSurface(rng, digits)), '，打之前先发短信'],
    ['扣扣：', piece('qq', String(rng.int(10000, 999999999)))],
    ['我的号', piece('mobile', digits.slice(0, 3) + '-' + digits.slice(3, 7) + '-' + digits.slice(7)), '，别在平台上说'],
  ]);
}

const CHAT_TYPES: readonly FindingType[] = ['mobile', 'mobile', 'mobile', 'wechat', 'wechat', 'qq', 'email', 'landline',
  'id_card', 'id_card', 'bank_card', 'bank_card', 'uscc'];

function line(rng: Rng, speaker: string, content: Part[]): Part[] {
  return rng.chance(0.5) ? [`${speaker}：`, ...content] : content;
}

export function chat(rng: Rng, positive: boolean): Part[] {
  const lines: Part[][] = [];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const content: Part[] = [smallTalk(rng)];
    // The first line of a negative always carries a number: a hard negative must have look-alikes.
    if (!positive || rng.chance(0.4)) content.push(rng.pick(['，', '。', '，另外', '；']), ...negativeSnippet(rng, !positive && i === 0));
    lines.push(line(rng, rng.pick(SPEAKERS), content));
  }
  if (positive) {
    const n = rng.pick([1, 1, 1, 2]);
    for (let i = 0; i < n; i++) {
      const clause = rng.chance(0.2) ? obfuscatedContact(rng) : CLAUSES[rng.pick(CHAT_TYPES)](rng);
      const at = rng.int(0, lines.length);
      lines.splice(at, 0, line(rng, rng.pick(SPEAKERS), clause));
    }
  }
  const out: Part[] = [];
  lines.forEach((l, i) => {
    if (i > 0) out.push(rng.pick(['\n', '\n', '。', ' / ']));
    out.push(...l);
  });
  return out;
}

function negativeSnippet(rng: Rng, numeric: boolean): Part[] {
  if (numeric) return [rng.pick([orderNumber, amount, date, codeLike, invalidId, invalidCard, phoneLike])(rng)];
  return rng.pick<() => Part[]>([
    () => ['定金已经转了，', orderNumber(rng), '，请查收'],
    () => [orderNumber(rng), '的那个单子怎么样了'],
    () => ['报价', amount(rng), '，含税'],
    () => ['我这边查了，', codeLike(rng)],
    () => ['你发的', invalidId(rng), '好像不对，校验位错了'],
    () => ['这个', invalidUscc(rng), '查不到'],
    () => [invalidCard(rng), '是不是少输了一位？'],
    () => ['手机号', phoneLike(rng), '多了一位吧'],
    () => ['约在', date(rng), '签协议'],
    () => ['老板说', amount(rng), '可以谈'],
    () => [anyLookalike(rng)],
    () => [anyLookalike(rng), '，', anyLookalike(rng)],
  ])();
}
