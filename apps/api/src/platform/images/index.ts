/** Checks of uploaded images by their bytes (JPEG / PNG magic, size); imports no module. */
export { checkImage, type ImageCheck, type ImageType } from './image-check.ts';
