import { ID_IMAGE_MAX_BYTES } from '@sealbridge/contracts';
import { acceptImage, checkImage, type ImageCheck } from '../../platform/images/index.ts';

export type { ImageCheck, ImageType } from '../../platform/images/index.ts';

/** Checks an uploaded ID card image by its content: JPEG or PNG, at most ID_IMAGE_MAX_BYTES (platform/images). */
export function checkIdCardImage(base64: string): ImageCheck {
  return checkImage(base64, ID_IMAGE_MAX_BYTES);
}

/** What the verification stores: the checked image re-encoded without its metadata (a phone's GPS tags locate a home). */
export function acceptIdCardImage(base64: string): Promise<ImageCheck> {
  return acceptImage(base64, ID_IMAGE_MAX_BYTES);
}
