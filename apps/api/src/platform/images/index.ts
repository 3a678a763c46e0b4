/** Checks of uploaded images by their bytes (JPEG / PNG magic, size) and metadata stripping; imports no module. */
export { checkImage, type ImageCheck, type ImageType } from './image-check.ts';
export { acceptImage, cleanImage } from './image-clean.ts';
