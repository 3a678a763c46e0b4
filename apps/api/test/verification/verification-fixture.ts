import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { CURRENT_SENSITIVE_CONSENT_STATEMENT, SENSITIVE_CONSENT_STATEMENTS } from '@sealbridge/contracts';

/** A valid 18-digit resident ID number for a region and birth date (YYYYMMDD) and sequence. */
export function idNumber(region: string, birth: string, sequence = '123'): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A real 16 × 16 baseline JPEG of noise (made once with sharp). */
const BASE_JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAgAE/8QAHhAAAgIDAQEBAQAAAAAAAAAAAQIDEgQREwUiFCT/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAIBEAAgEDBAMAAAAAAAAAAAAAAREhAAIDEzFRcUFhof/aAAwDAQACEQMRAD8ACLNDmU8tZYvNjgsYkRnUxqR/QJLGob4UgHYBsNlRbNmRRtl2WXjhcO/G7OvQu0kY5a1ZlIaoZT9k6Tp8z5MORjR+TiPEtlC5Ui5EbdHddNK0R0oU7TYOiunBK1k0vPb9saeaTIicAqywFIwo0iAn6sgRjsgKD8WNKSAMN14GpfCPmGeSA+nEoE0txHHiAa3B5+7+wnA7r//Z',
  'base64',
);
/** Metadata as a phone would write it: the marker stands where GPS tags and comments sit. */
export const IMAGE_METADATA_PREFIX = 'SB-META:';

const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

/**
 * Real, decodable images carrying `SB-META:<marker>` in their metadata (a JPEG COM segment, a PNG tEXt chunk), the
 * place a phone writes GPS tags. Uploads strip metadata, so the marker must never come back or be found at rest.
 * The PNG's pixels are noise drawn from the marker, so two markers make two different images.
 */
export const jpegWith = (marker: string) => {
  const comment = Buffer.from(`${IMAGE_METADATA_PREFIX}${marker}`, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(comment.length + 2);
  return Buffer.concat([BASE_JPEG.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, comment, BASE_JPEG.subarray(2)]);
};
export const pngWith = (marker: string) => {
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const seed = createHash('sha256').update(marker).digest();
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let i = 0; i < rows.length; i++) rows[i] = i % (1 + size * 3) === 0 ? 0 : (seed[i % 32] ?? 0) ^ (i * 31);
  return Buffer.concat([
    PNG_MAGIC,
    pngChunk('IHDR', header),
    pngChunk('tEXt', Buffer.from(`Comment\0${IMAGE_METADATA_PREFIX}${marker}`, 'latin1')),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

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
