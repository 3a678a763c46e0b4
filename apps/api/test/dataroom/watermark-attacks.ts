import { createCanvas, loadImage } from '@napi-rs/canvas';

/** What a leaker does to a page picture before passing it on (each returns a JPEG or PNG file). */
export const ATTACKS = {
  /** Re-saved as a JPEG at quality 60. */
  jpeg60: async (file: Buffer) => {
    const image = await loadImage(file);
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    return canvas.toBuffer('image/jpeg', 60);
  },
  /** Scaled down to half its width and height (saved as PNG, so only the scaling counts). */
  half: async (file: Buffer) => {
    const image = await loadImage(file);
    const canvas = createCanvas(Math.round(image.width / 2), Math.round(image.height / 2));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toBuffer('image/png');
  },
  /** 10 % of the width and height cut from the margins (5 % each side), saved as PNG. */
  crop10: async (file: Buffer) => {
    const image = await loadImage(file);
    const mx = Math.round(image.width * 0.05);
    const my = Math.round(image.height * 0.05);
    const canvas = createCanvas(image.width - 2 * mx, image.height - 2 * my);
    canvas.getContext('2d').drawImage(image, -mx, -my);
    return canvas.toBuffer('image/png');
  },
  /** All three at once, harder than asked: 10 % off each margin, then half size, then JPEG 60. */
  all: async (file: Buffer) => {
    const image = await loadImage(file);
    const mx = Math.round(image.width * 0.1);
    const my = Math.round(image.height * 0.1);
    const canvas = createCanvas(Math.round((image.width - 2 * mx) / 2), Math.round((image.height - 2 * my) / 2));
    canvas.getContext('2d').drawImage(image, mx, my, image.width - 2 * mx, image.height - 2 * my, 0, 0, canvas.width, canvas.height);
    return canvas.toBuffer('image/jpeg', 60);
  },
} as const;
