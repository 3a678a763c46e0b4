import { createHash } from 'node:crypto';
import { encodePayload, PAYLOAD_BITS } from './payload.ts';

/**
 * The invisible watermark's geometry. A page rendered at NOMINAL_WIDTH pixels is covered by square tiles of
 * TILE_CELLS × TILE_CELLS cells of CELL_PX pixels, repeated edge to edge from the top-left corner. In every tile
 * SYNC_CELLS cells carry a fixed keyed ±1 sequence (found again after a crop or a rescale) and the other cells
 * carry the 48 payload bits, each spread over CELLS_PER_BIT cells with a keyed ±1 chip sequence. Which cell does
 * what, and every chip, comes from a secret: without it the pattern is indistinguishable from noise.
 */
export const NOMINAL_WIDTH = 1000;
export const CELL_PX = 12;
export const TILE_CELLS = 32;
export const TILE_PX = CELL_PX * TILE_CELLS;
export const CELLS = TILE_CELLS * TILE_CELLS;
export const CELLS_PER_BIT = 14;
export const SYNC_CELLS = CELLS - PAYLOAD_BITS * CELLS_PER_BIT;

export type WatermarkLayout = {
  /** Per cell: -1 for a sync cell, otherwise the payload bit it carries. */
  role: Int16Array;
  /** Per cell: the keyed ±1 chip (the sync value for sync cells, the spreading chip for data cells). */
  chip: Int8Array;
  /** Indices of the sync cells, and of the data cells of each bit. */
  syncCells: Int32Array;
  bitCells: Int32Array[];
};

/** A deterministic byte stream from a secret (SHA-256 in counter mode). */
function keyedStream(secret: Buffer, label: string) {
  let counter = 0;
  let block = Buffer.alloc(0);
  let at = 0;
  return (): number => {
    if (at >= block.length) {
      block = createHash('sha256').update(secret).update(`${label}:${counter++}`).digest();
      at = 0;
    }
    return block[at++] ?? 0;
  };
}

export function createLayout(secret: Buffer): WatermarkLayout {
  const next = keyedStream(secret, 'sealbridge/dataroom-watermark/v1');
  const uint32 = () => ((next() << 24) | (next() << 16) | (next() << 8) | next()) >>> 0;
  // A keyed Fisher–Yates shuffle decides which cells are sync cells and which carry which bit.
  const order = Int32Array.from({ length: CELLS }, (_, i) => i);
  for (let i = CELLS - 1; i > 0; i--) {
    const j = uint32() % (i + 1);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const role = new Int16Array(CELLS);
  const chip = new Int8Array(CELLS);
  const syncCells = order.slice(0, SYNC_CELLS);
  const bitCells: Int32Array[] = [];
  for (const cell of syncCells) role[cell] = -1;
  for (let b = 0; b < PAYLOAD_BITS; b++) {
    const cells = order.slice(SYNC_CELLS + b * CELLS_PER_BIT, SYNC_CELLS + (b + 1) * CELLS_PER_BIT);
    for (const cell of cells) role[cell] = b;
    bitCells.push(cells);
  }
  for (let k = 0; k < CELLS; k++) chip[k] = next() & 1 ? 1 : -1;
  return { role, chip, syncCells, bitCells };
}

/** The ±1 value of every cell of a tile for one rendering code. */
export function tileValues(layout: WatermarkLayout, code: number): Int8Array {
  const bits = encodePayload(code);
  const out = new Int8Array(CELLS);
  for (let k = 0; k < CELLS; k++) {
    const r = layout.role[k] ?? -1;
    out[k] = (layout.chip[k] ?? 1) * (r < 0 ? 1 : (bits[r] ?? 1));
  }
  return out;
}
