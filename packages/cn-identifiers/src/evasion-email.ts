// Spelled-out e-mail addresses: "wang at qq dot com", "wang(at)163(dot)com", "wang艾特qq点com", "wang#qq.com".
// The at-form and the dot-forms are rewritten to "@" and "." so that the ordinary e-mail pass finds the address.
// "at" is an English word and "点" a Chinese one, so the rewrite needs a whole address around them: a local
// part glued to the at-form, domain labels, and a real top-level domain at the end. A bare " at " also needs a
// reason to believe it is an address: a free-mail provider, a local part with digits or "._", or an e-mail cue.
import { FAMILY_BIT, type Cells } from './evasion-forms.ts';

const AT = /(?:\s*[([{<（【]\s*(?:at|艾特|at符号)\s*[)\]}>）】]\s*|\s+at\s+|\s*(?:艾特|at符号|圈a)\s*|#|@)/giy;
// Where an at-form may begin (the sticky AT then reads it whole).
const AT_SCAN = /[([{<（【]\s*(?:at|艾特)|\sat\s|艾特|at符号|圈a|[#@]/gi;
const DOT = /(?:\s*[([{<（【]\s*(?:dot|点|點)\s*[)\]}>）】]\s*|\s+dot\s+|\s*[点點。]\s*|\s\.\s|\.)/giy;
const LABEL = /[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?/y;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const TLDS = new Set([
  'com',
  'cn',
  'net',
  'org',
  'edu',
  'gov',
  'cc',
  'me',
  'io',
  'co',
  'hk',
  'tw',
  'mo',
  'us',
  'uk',
  'jp',
  'sg',
  'de',
  'info',
  'biz',
  'top',
  'vip',
  'xyz',
  'site',
  'online',
  'tech',
  'ltd',
  'club',
  'shop',
  'email',
  'mail',
  'live',
  'work',
  'ai',
]);
const PROVIDERS = new Set([
  'qq',
  'foxmail',
  '163',
  '126',
  'yeah',
  'sina',
  'sohu',
  'aliyun',
  '139',
  '189',
  'wo',
  'tom',
  '21cn',
  'gmail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'yahoo',
  'icloud',
  'me',
  'proton',
  'protonmail',
  'vip',
  'mail',
]);
const CUE = /(?:邮箱|邮件|电邮|e-?mail|mail|发到|发至|发送到|send\s+(?:it\s+)?to|write\s+to)[\s:：]*\S*\s*$/i;

export type Rewrite = { from: number; to: number; text: string };
export type SpelledEmail = { start: number; end: number; rewrites: Rewrite[] };

/** Spelled-out addresses in the cells (start/end are cell indices, end exclusive). */
export function findSpelledEmails(cells: Cells): SpelledEmail[] {
  const { base } = cells;
  const found: SpelledEmail[] = [];
  let searchFrom = 0;
  for (const candidate of base.matchAll(AT_SCAN)) {
    let i = candidate.index;
    while (i > searchFrom && /\s/.test(base[i - 1]!)) i -= 1; // the at-form may begin with spaces
    if (i < searchFrom) continue;
    AT.lastIndex = i;
    const at = AT.exec(base);
    if (!at) continue;
    const atEnd = i + at[0].length;
    let local = i;
    while (local > searchFrom && LOCAL_CHAR.test(base[local - 1]!)) local -= 1;
    while (base[local] === '.') local += 1;
    if (local >= i || base[i - 1] === '.' || i - local > 64) continue;
    const form = at[0].trim().toLowerCase();
    if ((form === '#' || form === '@') && at[0] !== form) continue; // "Order #12", "@张三": not glued
    const domain = parseDomain(base, atEnd);
    if (!domain) continue;
    const spelledDot = domain.dots.some((d) => base.slice(d.from, d.to) !== '.');
    if (form === '@' && !spelledDot) continue; // a plain address: the ordinary pass finds it
    if (form === 'at' && !plausible(base, local, i, domain.firstLabel)) continue;
    const rewrites: Rewrite[] = [{ from: i, to: atEnd, text: '@' }, ...domain.dots.map((d) => ({ ...d, text: '.' }))];
    found.push({ start: local, end: domain.end, rewrites });
    searchFrom = domain.end;
  }
  return found;
}

function parseDomain(base: string, from: number): { end: number; dots: Array<{ from: number; to: number }>; firstLabel: string } | null {
  const labels: Array<{ text: string; end: number }> = [];
  const dots: Array<{ from: number; to: number }> = [];
  let pos = from;
  for (;;) {
    LABEL.lastIndex = pos;
    const label = LABEL.exec(base);
    if (!label) break;
    pos += label[0].length;
    labels.push({ text: label[0], end: pos });
    DOT.lastIndex = pos;
    const dot = DOT.exec(base);
    if (!dot) break;
    LABEL.lastIndex = pos + dot[0].length;
    if (!LABEL.test(base)) break;
    dots.push({ from: pos, to: pos + dot[0].length });
    pos += dot[0].length;
  }
  // The address ends at the last label that is a top-level domain ("…dot cn。Price" ends at "cn").
  for (let k = labels.length; k >= 2; k--) {
    const last = labels[k - 1]!;
    if (TLDS.has(last.text.toLowerCase()) && !/[A-Za-z0-9-]/.test(base[last.end] ?? '')) {
      return { end: last.end, dots: dots.slice(0, k - 1), firstLabel: labels[0]!.text.toLowerCase() };
    }
  }
  return null;
}

// A bare " at " is an English word: believe it is an address only with a reason.
function plausible(base: string, local: number, at: number, firstLabel: string): boolean {
  if (PROVIDERS.has(firstLabel)) return true;
  if (/[\d._]/.test(base.slice(local, at))) return true;
  return CUE.test(base.slice(Math.max(0, local - 16), local));
}

/** Rewrites the at-form and dot-forms of each spelled-out address and claims its cells. */
export function rewriteSpelledEmails(cells: Cells): void {
  for (const email of findSpelledEmails(cells)) {
    for (const { from, to, text } of email.rewrites) {
      for (let k = from; k < to; k++) cells.out.set(k, k === from ? text : '');
    }
    for (let k = email.start; k < email.end; k++) {
      cells.claimed[k] = 1;
      cells.flags[k]! |= FAMILY_BIT.spelled_email;
    }
    cells.changed = cells.rewritten = true;
  }
}
