import { createCanvas, DOMMatrix, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { CELL_PX, TILE_CELLS, tileValues, type WatermarkLayout } from './pattern.ts';

/**
 * How much darker a "-1" cell is than a "+1" cell, in 8-bit levels. Chosen by the robustness table in the module's
 * NOTES.md: the smallest step that still reads back after JPEG quality 60, a 50 % downscale or a 10 % margin crop.
 */
export const INVISIBLE_STEP = 5;

/** What the visible watermark says: never a full name (the viewer's masked name), the customer number, time, code. */
export type VisibleMark = { maskedName: string; accountNo: string; time: string; code: string };

/**
 * The invisible tile of one rendering code at one pixel per cell (TILE_CELLS × TILE_CELLS): white for "+1", light grey
 * for "-1". `applyInvisible` scales it by CELL_PX with nearest-neighbour sampling, which gives exactly the pixels of a
 * TILE_PX tile drawn cell by cell (test: `embed.test.ts`) at a fraction of the cost (ADR 0012, addendum on rendering
 * cost): 1,024 bytes written from JavaScript instead of ~500 rectangles and a 384 × 384 intermediate bitmap.
 */
export function invisibleTile(layout: WatermarkLayout, code: number): Canvas {
  const values = tileValues(layout, code);
  const tile = createCanvas(TILE_CELLS, TILE_CELLS);
  const ctx = tile.getContext('2d');
  const image = ctx.createImageData(TILE_CELLS, TILE_CELLS);
  const grey = 255 - INVISIBLE_STEP;
  for (let k = 0; k < values.length; k++) {
    const v = (values[k] ?? 1) < 0 ? grey : 255;
    image.data[4 * k] = v;
    image.data[4 * k + 1] = v;
    image.data[4 * k + 2] = v;
    image.data[4 * k + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return tile;
}

/**
 * Multiplies the invisible pattern onto the whole page, tiles of TILE_PX anchored at the top-left corner: the
 * one-pixel-per-cell tile is repeated through a pattern scaled by CELL_PX, sampled nearest-neighbour so every cell
 * stays a sharp CELL_PX square.
 */
export function applyInvisible(ctx: SKRSContext2D, width: number, height: number, tile: Canvas): void {
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.imageSmoothingEnabled = false;
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) throw new Error('canvas could not make a pattern');
  pattern.setTransform(new DOMMatrix([CELL_PX, 0, 0, CELL_PX, 0, 0]));
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

const FONT = '"Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei", "DejaVu Sans", sans-serif';

/**
 * The visible watermark: two lines of text repeated diagonally across the whole page (so no margin crop removes
 * it), dark enough to survive a photocopy, light enough to read the page through.
 */
export function applyVisible(ctx: SKRSContext2D, width: number, height: number, mark: VisibleMark): void {
  const size = Math.max(14, Math.round(width / 48));
  const lines = [`${mark.maskedName}  ${mark.accountNo}`, `${mark.time}  ${mark.code}`];
  ctx.save();
  ctx.font = `${size}px ${FONT}`;
  ctx.fillStyle = 'rgba(180, 30, 30, 0.22)';
  ctx.textBaseline = 'middle';
  const stepX = Math.round(size * 17);
  const stepY = Math.round(size * 7);
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-Math.PI / 7);
  const reach = Math.hypot(width, height) / 2 + stepX;
  let row = 0;
  for (let y = -reach; y < reach; y += stepY, row++) {
    for (let x = -reach + (row % 2) * (stepX / 2); x < reach; x += stepX) {
      ctx.fillText(lines[0] ?? '', x, y - size * 0.65);
      ctx.fillText(lines[1] ?? '', x, y + size * 0.65);
    }
  }
  ctx.restore();
}
