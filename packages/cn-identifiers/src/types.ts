/** The kinds of identifier the detector reports. */
export type FindingType = 'mobile' | 'landline' | 'id_card' | 'uscc' | 'bank_card' | 'email' | 'wechat' | 'qq';

export const FINDING_TYPES: readonly FindingType[] = [
  'mobile',
  'landline',
  'id_card',
  'uscc',
  'bank_card',
  'email',
  'wechat',
  'qq',
];

/**
 * One identifier found in a text. Offsets are UTF-16 code units into the original text, end exclusive, so
 * `text.slice(start, end)` is exactly what was written (with its spaces, prefixes and full-width digits).
 * `value` is the normalized identifier (E.164 mobile, upper-case ID/credit code, digits-only card, lower-case
 * e-mail…); it is personal data and must never be logged.
 */
export type Finding = {
  type: FindingType;
  start: number;
  end: number;
  value: string;
};

export type DetectOptions = {
  /** "Now" for the birth-date check of ID numbers (a birth date in the future is not an ID). */
  today?: Date;
};
