/**
 * @sealbridge/cn-identifiers — validators, normalizers, display masks and a detector for the personal
 * identifiers that circulate in Chinese company-transfer deals. No dependencies, no I/O, no logging.
 *
 * Validators take free-form input (full-width digits, spaces, dashes) and `normalize*` returns the canonical
 * form or null; `mask*` never throws; `detect` reports positions, `redact` replaces, `scanToJson` is the
 * CLI output (positions only, never values). `detectEvasive` (= `detect(text, { evasion: true })`) also finds
 * identifiers written to dodge a filter; `maskContacts` is the messaging mask built on it.
 */
export type { DetectOptions, EvasionFamily, EvasiveFinding, Finding, FindingType } from './types.ts';
export { EVASION_FAMILIES, FINDING_TYPES } from './types.ts';

export {
  ageFromIdNumber,
  idNumberCheckChar,
  isValidIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  type IdNumberInfo,
  type Sex,
} from './id-card.ts';
export { isValidUscc, normalizeUscc, usccCheckChar } from './uscc.ts';
export { isValidBankCard, luhnValid, normalizeBankCard } from './bank-card.ts';
export { isValidMobile, normalizeMobile } from './mobile.ts';
export { isValidLandline, normalizeLandline } from './landline.ts';
export { isValidEmail, normalizeEmail } from './email.ts';
export { isValidQq, isValidWechatId, normalizeQq, normalizeWechatId } from './im-handles.ts';

export {
  mask,
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdNumber,
  maskLandline,
  maskMobile,
  maskName,
  maskQq,
  maskUscc,
  maskWechatId,
  type MaskKind,
} from './mask.ts';

export { detect } from './detect.ts';
export { detectEvasive } from './detect-evasive.ts';
export { REDACTION_PLACEHOLDERS, redact, type Redaction } from './redact.ts';
export { MASK_PLACEHOLDERS, maskContacts, type MaskedText } from './mask-contacts.ts';
export { scanToJson } from './scan-to-json.ts';
