// WeChat ids and QQ numbers are only reported right after a word that announces them ("微信：", "加V",
// "QQ号"…): without the announcement every English word and every 8-digit number would be a candidate.
import { QQ_SOURCE, WECHAT_ID_SOURCE } from './im-handles.ts';

// Between the announcement and the handle: punctuation, brackets, "是", "为", "搜", English "is"/"id"/"number".
// Commas too ("你加我vx，abc123"), but never a line break: the next line is someone else speaking.
const GAP = String.raw`(?:[ \t\u00a0\u3000:=,，是为搜()\[\]【】「」"“”'‘’<>《》\-—~～]|(?:is|id|number|no\.)(?![A-Za-z]))`;
// "微信/QQ：…" and "QQ/微信：…" announce both; the handle decides which one it is.
const ALSO = String.raw`(?:[/、|或][ \t]*(?:QQ|qq|VX|vx|wx|WX|微信|V信|电话|手机)[ \t]*)?`;
const LATIN = String.raw`(?<![A-Za-z0-9_])`;
const END = String.raw`(?![A-Za-z0-9_])`;

const WECHAT_CUE =
  `(?:${LATIN}(?:vx|wx|wechat|weixin|v信)(?:\\s*id)?${END}|${LATIN}v(?=\\s*:)|微信(?:号码?|账号|ID|id)?|威信|薇信|徽信|维信|` +
  `加[Vv]${END}|\\+[Vv]${END}|加微信?|卫星号?|绿泡泡)`;
const QQ_CUE = `(?:${LATIN}qq(?!群|空间|邮箱|音乐|堂|飞车|浏览器|钱包)(?:号码?|号)?|扣扣|企鹅号?|Q号)`;

// A quoted word that closes its list or object ('"微信"],"answer"' in JSON) announces nothing after it.
const CLOSED = /["'”’][ \t]*[\]}]/;
// An id followed by ":" is the label of something else ("加微信\nBroker：…").
const WECHAT = new RegExp(`${WECHAT_CUE}${GAP}{0,5}${ALSO}${GAP}{0,4}(${WECHAT_ID_SOURCE})(?![A-Za-z0-9_\\-@]|\\.[A-Za-z0-9]|\\s*:)`, 'gi');
const QQ = new RegExp(`${QQ_CUE}${GAP}{0,5}${ALSO}${GAP}{0,4}(${QQ_SOURCE})(?![A-Za-z0-9_@]|\\.\\d)`, 'gi');

// Words that follow "WeChat:" in English prose and are not ids. Ids without a digit, "_" or "-" are
// checked against this list; ids with one are accepted as they are.
const NOT_IDS = new Set([
  'available',
  'contact',
  'contacts',
  'please',
  'request',
  'message',
  'messages',
  'account',
  'number',
  'private',
  'friend',
  'friends',
  'search',
  'official',
  'payment',
  'platform',
  'through',
  'details',
  'scanning',
  'address',
  'provided',
  'shared',
  'unavailable',
  'pending',
  'removed',
  'hidden',
  'same',
  'below',
  'above',
  'wechat',
  'weixin',
]);

/** `cueStart`: where the announcement ("微信：", "QQ") begins. */
export type ImHit = { type: 'wechat' | 'qq'; start: number; end: number; value: string; cueStart: number };

/** WeChat ids and QQ numbers announced in the (folded) text. */
export function findImHandles(folded: string): ImHit[] {
  const hits: ImHit[] = [];
  for (const match of folded.matchAll(WECHAT)) {
    const id = match[1] ?? '';
    if (!/[\d_-]/.test(id) && NOT_IDS.has(id.toLowerCase())) continue;
    if (CLOSED.test(match[0])) continue;
    const end = (match.index ?? 0) + match[0].length;
    hits.push({ type: 'wechat', start: end - id.length, end, value: id, cueStart: match.index ?? 0 });
  }
  for (const match of folded.matchAll(QQ)) {
    const qq = match[1] ?? '';
    if (CLOSED.test(match[0])) continue;
    const end = (match.index ?? 0) + match[0].length;
    hits.push({ type: 'qq', start: end - qq.length, end, value: qq, cueStart: match.index ?? 0 });
  }
  return hits;
}
