import { createHash } from 'node:crypto';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { CURRENT_SENSITIVE_CONSENT_STATEMENT, SENSITIVE_CONSENT_STATEMENTS } from '@sealbridge/contracts';

/** A valid 18-digit resident ID number for a region and birth date (YYYYMMDD) and sequence. */
export function idNumber(region: string, birth: string, sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Image files that are JPEG / PNG by their first bytes, carrying a recognisable marker for at-rest searches. */
export const jpegWith = (marker: string) => Buffer.concat([JPEG_MAGIC, Buffer.from(`JFIF\0${marker}`, 'utf8'), Buffer.alloc(64, 7)]);
export const pngWith = (marker: string) => Buffer.concat([PNG_MAGIC, Buffer.from(`IHDR${marker}`, 'utf8'), Buffer.alloc(64, 9)]);

/** The consent a customer gives by ticking the box next to the current statement (zh-CN text shown). */
export function currentConsent(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const text = SENSITIVE_CONSENT_STATEMENTS[CURRENT_SENSITIVE_CONSENT_STATEMENT][locale];
  return {
    given: true as const,
    statement: CURRENT_SENSITIVE_CONSENT_STATEMENT,
    textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

export function submission(overrides: Partial<{ fullName: string; idNumber: string; front: Buffer; back: Buffer }> = {}) {
  return {
    fullName: overrides.fullName ?? '司马相如',
    idNumber: overrides.idNumber ?? idNumber('110105', '19760815'),
    idFrontImage: (overrides.front ?? jpegWith('front')).toString('base64'),
    idBackImage: (overrides.back ?? pngWith('back')).toString('base64'),
    consent: currentConsent(),
  };
}

/** Someone born `years` years ago today plus a day: one day short of that birthday (China date assumed ≈ UTC date). */
export function birthDateYearsAgo(years: number, dayOffset = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + dayOffset);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}
