// Display masking. A mask keeps just enough for a person to recognise their own data ("138****1234" is my
// number) and never enough to contact or impersonate anyone. Masking never throws: a value that does not
// have the expected shape comes back fully starred, because echoing junk could echo someone's data.
import { compact, foldWidth } from './fold.ts';
import { normalizeEmail } from './email.ts';
import { normalizeLandline } from './landline.ts';
import { maskAddress } from './mask-address.ts';
import { maskName } from './mask-name.ts';
import type { FindingType } from './types.ts';

export { maskAddress } from './mask-address.ts';
export { maskName } from './mask-name.ts';

export type MaskKind = FindingType | 'name' | 'address';

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const stars = (n: number): string => '*'.repeat(n);

/** "138****1234"; accepts +86 / 0086 prefixes and separators. */
export function maskMobile(value: string): string {
  const digits = foldWidth(asText(value)).replace(/\D/g, '');
  const national = /^(?:0086|86)?(1\d{10})$/.exec(digits)?.[1];
  return national ? `${national.slice(0, 3)}****${national.slice(7)}` : stars(11);
}

/** First 3 and last 4 characters: "110***********1234". Also masks 15-digit first-generation numbers. */
export function maskIdNumber(value: string): string {
  const id = compact(asText(value)).toUpperCase();
  return /^(?:\d{17}[\dX]|\d{15})$/.test(id) ? `${id.slice(0, 3)}${stars(id.length - 7)}${id.slice(-4)}` : stars(18);
}

/** "****1234", whatever the card length (the length itself narrows down the issuer). */
export function maskBankCard(value: string): string {
  const digits = compact(asText(value));
  return /^\d{12,19}$/.test(digits) ? `****${digits.slice(-4)}` : stars(8);
}

/** First 2 and last 4 characters: "91************123X". */
export function maskUscc(value: string): string {
  const code = compact(asText(value)).toUpperCase();
  return /^[0-9A-Z]{18}$/.test(code) ? `${code.slice(0, 2)}${stars(12)}${code.slice(-4)}` : stars(18);
}

/** Area code and the last 2 digits: "021-******67"; an extension is dropped. */
export function maskLandline(value: string): string {
  const normalized = normalizeLandline(asText(value));
  if (normalized === null) return stars(8);
  const [area = '', local = ''] = normalized.split('-');
  return `${area}-${stars(local.length - 2)}${local.slice(-2)}`;
}

/** First character of the local part, then the domain: "a***@example.com". */
export function maskEmail(value: string): string {
  const email = normalizeEmail(asText(value));
  if (email === null) return stars(6);
  const at = email.indexOf('@');
  return `${email[0]}***${email.slice(at)}`;
}

/** First and last character with a fixed-width middle, so the mask does not reveal the length. */
export function maskWechatId(value: string): string {
  const id = foldWidth(asText(value)).trim();
  return /^[A-Za-z][A-Za-z0-9_-]{5,19}$/.test(id) ? `${id[0]}****${id.slice(-1)}` : stars(6);
}

export function maskQq(value: string): string {
  const qq = foldWidth(asText(value)).trim();
  return /^[1-9]\d{4,10}$/.test(qq) ? `${qq[0]}****${qq.slice(-1)}` : stars(6);
}

const MASKERS: Readonly<Record<MaskKind, (value: string) => string>> = {
  mobile: maskMobile,
  landline: maskLandline,
  id_card: maskIdNumber,
  uscc: maskUscc,
  bank_card: maskBankCard,
  email: maskEmail,
  wechat: maskWechatId,
  qq: maskQq,
  name: maskName,
  address: maskAddress,
};

/** Masks one value of the given kind for display. Never throws; an unknown kind gives "******". */
export function mask(kind: MaskKind, value: string): string {
  const masker = Object.hasOwn(MASKERS, kind) ? MASKERS[kind] : undefined;
  return masker ? masker(value) : stars(6);
}
