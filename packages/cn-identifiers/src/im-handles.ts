// Instant-messaging handles. Both are only meaningful when the text announces them ("微信：…", "QQ …"):
// on its own "zhang2024" is any word and "12345678" any number.
import { foldWidth } from './fold.ts';

/** WeChat ids: 6–20 characters, a letter first, then letters, digits, "_" or "-". */
export const WECHAT_ID_SOURCE = String.raw`[A-Za-z][A-Za-z0-9_\-]{5,19}`;
/** QQ numbers: 5–11 digits, never a leading 0. */
export const QQ_SOURCE = String.raw`[1-9]\d{4,10}`;

const WECHAT = new RegExp(`^${WECHAT_ID_SOURCE}$`);
const QQ = new RegExp(`^${QQ_SOURCE}$`);

/** The id as written (WeChat ids are matched case-insensitively by WeChat, but shown as chosen), else null. */
export function normalizeWechatId(input: string): string | null {
  const id = foldWidth(input).trim();
  return WECHAT.test(id) ? id : null;
}

export function isValidWechatId(input: string): boolean {
  return normalizeWechatId(input) !== null;
}

export function normalizeQq(input: string): string | null {
  const qq = foldWidth(input).trim();
  return QQ.test(qq) ? qq : null;
}

export function isValidQq(input: string): boolean {
  return normalizeQq(input) !== null;
}
