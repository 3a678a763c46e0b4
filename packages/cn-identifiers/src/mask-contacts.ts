import { detectEvasive } from './detect-evasive.ts';
import type { DetectOptions, EvasiveFinding, FindingType } from './types.ts';

/** What `maskContacts` puts in place of each kind of identifier: it tells the reader something was hidden. */
export const MASK_PLACEHOLDERS: Readonly<Record<FindingType, string>> = Object.freeze({
  mobile: '[手机号已隐藏]',
  landline: '[座机已隐藏]',
  id_card: '[身份证号已隐藏]',
  uscc: '[信用代码已隐藏]',
  bank_card: '[银行卡号已隐藏]',
  email: '[邮箱已隐藏]',
  wechat: '[微信号已隐藏]',
  qq: '[QQ号已隐藏]',
});

export type MaskedText = {
  text: string;
  /** Offsets refer to the original text; `evasion` says which tricks each one used (for the sender's notice). */
  findings: EvasiveFinding[];
};

/** Replaces each finding's span of `text` with `placeholders[type]`; spans are sorted and never overlap. */
export function replaceSpans(
  text: string,
  findings: readonly { type: FindingType; start: number; end: number }[],
  placeholders: Readonly<Record<FindingType, string>>,
): string {
  let out = '';
  let cursor = 0;
  for (const finding of findings) {
    out += text.slice(cursor, finding.start) + placeholders[finding.type];
    cursor = finding.end;
  }
  return findings.length === 0 ? text : out + text.slice(cursor);
}

/**
 * The messaging mask: every identifier, however it is written, replaced by a typed notice
 * ("电话[手机号已隐藏]"). Evasion-aware always. Pure: it never logs and never keeps the text.
 */
export function maskContacts(text: string, options: Omit<DetectOptions, 'evasion'> = {}): MaskedText {
  const findings = detectEvasive(text, options);
  return { text: replaceSpans(text, findings, MASK_PLACEHOLDERS), findings };
}
