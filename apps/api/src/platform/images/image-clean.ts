import sharp from 'sharp';
import { checkImage, type ImageCheck, type ImageType } from './image-check.ts';

/** Longest side kept: a photo of a seal or a licence stays legible; a 50-megapixel original is not needed as evidence. */
const MAX_SIDE = 4096;

/**
 * Re-encodes an uploaded photo without its metadata: EXIF (GPS position, time, camera serial), XMP, IPTC and
 * comments are dropped, the EXIF orientation is applied to the pixels first so nothing turns sideways. Photos of
 * seals and licences are taken at the company's premises, so the GPS tag alone would locate the company a listing
 * keeps anonymous. JPEG stays JPEG (quality 90, mozjpeg), PNG stays PNG. Throws on bytes sharp cannot decode (the
 * caller answers with its own "not an image" error); the caller has already checked type and size by the bytes.
 */
export async function cleanImage(bytes: Buffer, type: ImageType): Promise<Buffer> {
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  return type === 'jpeg' ? image.jpeg({ quality: 90, mozjpeg: true }).toBuffer() : image.png({ compressionLevel: 8 }).toBuffer();
}

/**
 * `checkImage` then `cleanImage`: what every upload path that stores a photo uses. An image whose bytes start like
 * a JPEG / PNG but do not decode is refused as `type` (nothing is stored).
 */
export async function acceptImage(base64: string, maxBytes: number): Promise<ImageCheck> {
  const checked = checkImage(base64, maxBytes);
  if (!checked.ok) return checked;
  try {
    const cleaned = await cleanImage(Buffer.from(checked.base64, 'base64'), checked.type);
    return { ok: true, type: checked.type, base64: cleaned.toString('base64') };
  } catch {
    return { ok: false, reason: 'type' };
  }
}
