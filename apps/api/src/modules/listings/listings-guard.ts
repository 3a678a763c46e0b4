import { REDACTION_PLACEHOLDERS } from '@sealbridge/cn-identifiers';
import type { TTextFinding } from '@sealbridge/contracts';
import { identifiersIn } from '../../platform/free-text/index.ts';
import { regionNames } from './listings-regions.ts';

const LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|分公司|集团|工作室|合伙企业|个人独资企业)$/;
const TRADE_WORDS = [
  '信息技术',
  '科技',
  '信息',
  '技术',
  '网络',
  '软件',
  '贸易',
  '商贸',
  '咨询',
  '管理',
  '服务',
  '发展',
  '实业',
  '文化',
  '传媒',
  '建筑',
  '工程',
  '建设',
  '环保',
  '医疗',
  '器械',
  '物流',
  '运输',
  '投资',
  '人力资源',
  '餐饮',
  '电子',
  '商务',
  '供应链',
  '国际',
  '数据',
  '智能',
  '新材料',
  '能源',
  '生物',
  '健康',
  '教育',
  '电气',
  '机械',
  '设备',
  '装饰',
  '广告',
  '设计',
  '营销',
  '物业',
  '劳务',
  '控股',
  '云',
];

/**
 * The distinctive part of a company name (字号): 上海云启信息科技有限公司 → 云启. Text that contains it points at the
 * company as surely as the full name does.
 */
export function tradeNameOf(companyName: string): string {
  const whole = companyName
    .replace(/[（(][^）)]*[）)]/g, '')
    .trim()
    .replace(LEGAL_FORMS, '');
  const stripped = stripTradeWords(stripRegion(whole));
  // A name that is all place and trade words (新华科技) keeps its place: "科技" alone would flag every description.
  return stripped.length >= 2 && !TRADE_WORDS.includes(stripped) ? stripped : stripTradeWords(whole);
}

function stripRegion(name: string): string {
  for (const region of regionNames()) if (name.startsWith(region) && name.length > region.length + 1) return name.slice(region.length);
  return name;
}

function stripTradeWords(name: string): string {
  let core = name;
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of TRADE_WORDS) {
      if (core.endsWith(word) && core.length - word.length >= 2) {
        core = core.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return core;
}

export type GuardedText = { field: string; text: string };

/**
 * Identifiers (however written: evasion-aware) and the company's own name in free text: each finding names the
 * field and where, never the value.
 */
export function scanFreeText(texts: readonly GuardedText[], companyName: string | null): TTextFinding[] {
  const findings: TTextFinding[] = identifiersIn(texts);
  const names = companyName ? [...new Set([companyName.trim(), tradeNameOf(companyName)])].filter((n) => n.length >= 2) : [];
  for (const { field, text } of texts) {
    for (const name of names) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        if (!findings.some((x) => x.field === field && x.start <= at && x.end >= at + name.length)) {
          findings.push({ field, kind: 'company_name', start: at, end: at + name.length });
        }
      }
    }
  }
  return findings.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field < b.field ? -1 : 1));
}

/** Replaces every finding in one text by its placeholder (the seller's confirmed alternative to a refusal). */
export function redactFindings(text: string, findings: readonly TTextFinding[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const f of sorted) {
    if (f.start < cursor) continue;
    out += text.slice(cursor, f.start) + (f.kind === 'company_name' ? '[公司名称]' : REDACTION_PLACEHOLDERS[f.kind]);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}
