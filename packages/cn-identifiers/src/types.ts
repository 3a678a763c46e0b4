/** The kinds of identifier the detector reports. */
export type FindingType = 'mobile' | 'landline' | 'id_card' | 'uscc' | 'bank_card' | 'email' | 'wechat' | 'qq';

export const FINDING_TYPES: readonly FindingType[] = ['mobile', 'landline', 'id_card', 'uscc', 'bank_card', 'email', 'wechat', 'qq'];

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
  /**
   * Normalize before detecting, so that identifiers written to dodge a filter (Chinese numerals, separators,
   * invisible characters, look-alike letters, spelled-out e-mails, nicknames of messaging apps, misleading
   * labels) are found too. Off by default for `detect`; `detectEvasive`, `maskContacts` and the guards use it.
   */
  evasion?: boolean;
};

/** The tricks the evasion-aware detector undoes; each finding lists the ones it saw in its span. */
export const EVASION_FAMILIES = [
  'unicode_forms',
  'chinese_numerals',
  'capital_numerals',
  'slang_digits',
  'separators',
  'invisible',
  'lookalikes',
  'split_by_words',
  'spelled_email',
  'im_nickname',
  'misleading_prefix',
] as const;
export type EvasionFamily = (typeof EVASION_FAMILIES)[number];

/** A finding of `detectEvasive`: offsets still refer to the original text; `evasion` is empty for plain ones. */
export type EvasiveFinding = Finding & { evasion: EvasionFamily[] };
