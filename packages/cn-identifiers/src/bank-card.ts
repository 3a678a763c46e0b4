// Bank card numbers (银行卡号): 16 to 19 digits with a Luhn check digit.
import { compact } from './fold.ts';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Digits only, when the input is a 16–19 digit Luhn-valid card number (spaces and dashes allowed), else null. */
export function normalizeBankCard(input: string): string | null {
  const digits = compact(input);
  return /^\d{16,19}$/.test(digits) && luhnValid(digits) ? digits : null;
}

export function isValidBankCard(input: string): boolean {
  return normalizeBankCard(input) !== null;
}

/**
 * Whether the number starts like a card issued to people in China: UnionPay 62/60, Visa 4, Mastercard 51–55
 * and 22–27, JCB 35, Amex 37, the old domestic 95 cards. Used by the detector only (a form validator should
 * not guess issuers): one Luhn-valid run in ten is random, and company bank accounts (often 1001…, 3100…)
 * and 18-digit ID numbers from provinces 1x/2x are then not mistaken for cards.
 */
export function hasPlausibleCardIssuer(digits: string): boolean {
  return /^(?:62|60|4|5[1-5]|2[2-7]|35|37|95)/.test(digits);
}
