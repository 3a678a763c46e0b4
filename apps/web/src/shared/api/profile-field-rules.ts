import { isValidEmail, isValidIdNumber, isValidMobile, isValidWechatId } from '@sealbridge/cn-identifiers';
import type { ProfileField } from '@sealbridge/contracts';

const lengthBetween = (min: number, max: number) => (value: string) => {
  const length = [...value.trim()].length;
  return length >= min && length <= max;
};

/**
 * Client-side checks of profile values, the same validators the server's personal-data registry uses
 * (@sealbridge/cn-identifiers), so a form can point at the field before anything is sent. The server checks again.
 */
export const PROFILE_FIELD_RULES: Record<ProfileField, (value: string) => boolean> = {
  realName: lengthBetween(1, 50),
  mobile: isValidMobile,
  email: isValidEmail,
  wechat: isValidWechatId,
  idNumber: isValidIdNumber,
  address: lengthBetween(2, 200),
};

/** True when `value` is empty (nothing to check) or a valid value of `field`. */
export function isAcceptableProfileValue(field: ProfileField, value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || PROFILE_FIELD_RULES[field](value);
}
