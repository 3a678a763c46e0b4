import { ID_IMAGE_MAX_BYTES } from '@sealbridge/contracts';
import { checkImage, type ImageCheck } from '../../platform/images/index.ts';

export type { ImageCheck, ImageType } from '../../platform/images/index.ts';

/** Checks an uploaded ID card image by its content: JPEG or PNG, at most ID_IMAGE_MAX_BYTES (platform/images). */
export function checkIdCardImage(base64: string): ImageCheck {
  return checkImage(base64, ID_IMAGE_MAX_BYTES);
}
