import { detect } from './detect.ts';
import { replaceSpans } from './mask-contacts.ts';
import type { DetectOptions, Finding, FindingType } from './types.ts';

/** What each kind of identifier is replaced with by `redact`. */
export const REDACTION_PLACEHOLDERS: Readonly<Record<FindingType, string>> = Object.freeze({
  mobile: '[手机号]',
  landline: '[座机]',
  id_card: '[身份证号]',
  uscc: '[统一社会信用代码]',
  bank_card: '[银行卡号]',
  email: '[邮箱]',
  wechat: '[微信号]',
  qq: '[QQ号]',
});

export type Redaction = {
  text: string;
  /** Offsets refer to the original text, not to the redacted one. */
  findings: Finding[];
};

/**
 * Replaces every detected identifier with its typed placeholder, e.g. "电话[手机号]". With `{ evasion: true }`
 * it finds exactly what `maskContacts` finds (only the placeholders differ); the findings then carry `evasion`.
 */
export function redact(text: string, options: DetectOptions = {}): Redaction {
  const findings = detect(text, options);
  return { text: replaceSpans(text, findings, REDACTION_PLACEHOLDERS), findings };
}
