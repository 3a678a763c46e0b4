import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { applyInvisible, INVISIBLE_STEP, invisibleTile } from './embed.ts';
import { CELL_PX, TILE_CELLS, TILE_PX, createLayout, tileValues } from './pattern.ts';

/** The page a viewer would get: white with dark text, so the multiply shows on ink and paper alike. */
function page() {
  const canvas = createCanvas(1000, 1414);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#333';
  ctx.font = '20px sans-serif';
  for (let y = 20; y < canvas.height; y += 30) ctx.fillText('Revenue 1234  Assets 567  Liabilities  Cash flow', 30, y);
  return canvas;
}

/** The reference: a TILE_PX tile drawn cell by cell with rectangles, multiplied through an unscaled pattern. */
function referenceApply(canvas: Canvas, values: Int8Array) {
  const tile = createCanvas(TILE_PX, TILE_PX);
  const t = tile.getContext('2d');
  t.fillStyle = '#fff';
  t.fillRect(0, 0, TILE_PX, TILE_PX);
  const grey = 255 - INVISIBLE_STEP;
  t.fillStyle = `rgb(${grey}, ${grey}, ${grey})`;
  for (let k = 0; k < values.length; k++)
    if ((values[k] ?? 1) < 0) t.fillRect((k % TILE_CELLS) * CELL_PX, Math.floor(k / TILE_CELLS) * CELL_PX, CELL_PX, CELL_PX);
  const ctx = canvas.getContext('2d');
  ctx.globalCompositeOperation = 'multiply';
  const pattern = ctx.createPattern(tile, 'repeat');
  assert.ok(pattern);
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

test('the invisible pattern applied from a one-pixel-per-cell tile gives exactly the pixels of the tile drawn cell by cell', () => {
  const layout = createLayout(Buffer.from('embed-test-secret'));
  for (const code of [0x5eed0001, 0x0badcafe]) {
    const fast = page();
    applyInvisible(fast.getContext('2d'), fast.width, fast.height, invisibleTile(layout, code));
    const reference = page();
    referenceApply(reference, tileValues(layout, code));
    const a = fast.getContext('2d').getImageData(0, 0, fast.width, fast.height).data;
    const b = reference.getContext('2d').getImageData(0, 0, reference.width, reference.height).data;
    let differing = 0;
    let darkened = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    for (let i = 0; i < a.length; i += 4) if (a[i] === 255 - INVISIBLE_STEP) darkened++;
    assert.equal(differing, 0);
    // Not vacuous: about half of the paper carries the darker cells.
    assert.ok(darkened > (fast.width * fast.height) / 4, `only ${darkened} darkened pixels`);
  }
});
