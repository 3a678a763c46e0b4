// Nicknames of messaging apps, rewritten to the words the handle pass knows ("微信", "QQ"), so that an id after
// "绿泡泡", "薇❤", "V X" or "🐧" (already "QQ" in the cells) is announced like one after "微信：".
// Only the announcement is rewritten: whether an id follows is still the handle pass's business, so
// "绿泡泡里聊过了" stays a sentence.
import { FAMILY_BIT, type Cells } from './evasion-forms.ts';

const WECHAT = new RegExp(
  [
    '绿色?泡泡',
    '[薇微威维徽卫魏喂]\\s*❤',
    '(?<![A-Za-z])[Vv]\\s*❤',
    '[薇微威徽魏][芯心]',
    '[魏喂]信',
    '[威薇徽维卫](?=信号)信',
    '(?<![A-Za-z])wei\\s*信',
    '[微威薇]\\s*[xX](?![A-Za-z])',
    '(?<![A-Za-z])[Vv]\\s*[-_.·]?\\s+[Xx](?![A-Za-z])',
    '(?<![A-Za-z])[Vv]\\s*[-_.·]\\s*[Xx](?![A-Za-z])',
    '微\\s+信',
    '(?<![A-Za-z])(?:vx|VX|Vx|wx|WX)(?=号)',
  ]
    .map((p) => `(?:${p})`)
    .join('|') + '(?:号码?)?',
  'g',
);
const QQ = /(?:(?<![A-Za-z])[Qq]\s+[Qq](?![A-Za-z])|抠抠|扣扣号码?|(?<![A-Za-z])[Qq]号码|企鹅号码)/g;

function rewrite(cells: Cells, from: number, to: number, word: string): void {
  for (let k = from; k < to; k++) {
    if (cells.claimed[k]) return;
  }
  cells.out.set(from, word.slice(0, 1));
  if (to - from >= 2) {
    cells.out.set(from + 1, word.slice(1));
    for (let k = from + 2; k < to; k++) cells.out.set(k, '');
  } else {
    cells.out.set(from, word);
  }
  for (let k = from; k < to; k++) {
    cells.claimed[k] = 1;
    cells.flags[k]! |= FAMILY_BIT.im_nickname;
  }
  cells.changed = cells.rewritten = true;
}

/** Rewrites each nickname of WeChat to "微信" and of QQ to "QQ". */
export function rewriteNicknames(cells: Cells): void {
  if (!/[泡❤芯心信xXQq抠扣企]/.test(cells.base)) return;
  for (const m of cells.base.matchAll(WECHAT)) rewrite(cells, m.index, m.index + m[0].length, '微信');
  for (const m of cells.base.matchAll(QQ)) rewrite(cells, m.index, m.index + m[0].length, 'QQ');
}
