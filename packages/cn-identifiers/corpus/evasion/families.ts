// The evasion families of the adversarial corpus. The corpus keeps its own copy of the names (like types.ts), so
// that the generator imports nothing from src/.
import type { CorpusItem } from '../types.ts';

export const EVASION_FAMILIES = [
  'unicode_forms', // circled, mathematical, keycap and full-width digits
  'chinese_numerals', // 一三八…, 〇/零, 幺 and 两
  'capital_numerals', // 壹叁捌… (大写数字)
  'slang_digits', // radio readings (洞幺两拐勾) and homophones (腰, 伞, 舞, 溜, 吧, 酒…)
  'separators', // dots, slashes, underscores, emoji, CJK punctuation, line breaks between digit groups
  'invisible', // zero-width, bidi, soft hyphen, variation selectors between characters
  'lookalikes', // O/o for 0, l/I/| for 1, Z, S, B; Cyrillic and Greek homoglyphs
  'split_by_words', // "138 我的 1234 号码 5678"
  'spelled_email', // "wang at qq dot com", "wang艾特qq点com", "wang#qq.com"
  'im_nickname', // 绿泡泡, 薇❤, 🐧, 扣扣… followed by an id
  'misleading_prefix', // "订单号", "Ref:", "编号" in front of a real mobile or ID number
  'combined', // two families in one identifier
] as const;
export type EvasionFamily = (typeof EVASION_FAMILIES)[number];

export type EvasionItem = CorpusItem & { family: EvasionFamily };
