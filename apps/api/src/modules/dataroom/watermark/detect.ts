import { decodePayload, PAYLOAD_BITS } from './payload.ts';
import { CELL_PX, CELLS, NOMINAL_WIDTH, SYNC_CELLS, TILE_CELLS, TILE_PX, type WatermarkLayout } from './pattern.ts';

/** A grayscale picture: luminance 0..255, row by row. */
export type Gray = { width: number; height: number; data: Float32Array };

export type Detection = {
  /** The decoded rendering code, or null when no watermark (or no consistent payload) was found. */
  code: number | null;
  /** Strength of the best sync match in standard deviations of chance (≈ 5 is what noise reaches). */
  syncZ: number;
  /** The scale the page was found at (1 = as rendered) and how many tiles' worth of pixels were read. */
  scale: number;
  tiles: number;
};

/** Below this sync strength the payload is not even read: chance alone reaches about 5 over all the searched shifts. */
export const SYNC_THRESHOLD = 7;

export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Gray {
  const data = new Float32Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4)
    data[i] = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
  return { width, height, data };
}

/** Pixels at least this light are paper (or a light background); darker ones are content and carry no pattern. */
const PAPER = 150;
/** Within a cell, pixels this much darker than its lightest pixel are ink edges, not paper. */
const PAPER_SPREAD = 12;

/** Sums over a (2r+1)² window from an integral image of width w+1. */
function windowSum(integral: Float64Array, w: number, x0: number, y0: number, x1: number, y1: number): number {
  const stride = w + 1;
  return (
    (integral[y1 * stride + x1] ?? 0) -
    (integral[y0 * stride + x1] ?? 0) -
    (integral[y1 * stride + x0] ?? 0) +
    (integral[y0 * stride + x0] ?? 0)
  );
}

function integrals(values: Float32Array, mask: Uint8Array, w: number, h: number): { sum: Float64Array; count: Float64Array } {
  const sum = new Float64Array((w + 1) * (h + 1));
  const count = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    let rowCount = 0;
    for (let x = 0; x < w; x++) {
      if (mask[y * w + x]) {
        rowSum += values[y * w + x] ?? 0;
        rowCount += 1;
      }
      const i = (y + 1) * (w + 1) + x + 1;
      sum[i] = (sum[i - w - 1] ?? 0) + rowSum;
      count[i] = (count[i - w - 1] ?? 0) + rowCount;
    }
  }
  return { sum, count };
}

/**
 * Paper pixels minus the local mean of the paper around them (content is left out of both), clipped: what is
 * left is the pattern plus noise. Ink and its anti-aliased edges are zero.
 */
function residual(g: Gray, radius: number, clip: number): Float32Array {
  const { width: w, height: h, data } = g;
  // Paper: light pixels not much darker than the lightest pixel near them (that leaves ink edges out).
  const rowMax = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, x - radius); k <= Math.min(w - 1, x + radius); k++) m = Math.max(m, data[y * w + k] ?? 0);
      rowMax[y * w + x] = m;
    }
  }
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, y - radius); k <= Math.min(h - 1, y + radius); k++) m = Math.max(m, rowMax[k * w + x] ?? 0);
      const v = data[y * w + x] ?? 0;
      mask[y * w + x] = v >= PAPER && v >= m - PAPER_SPREAD ? 1 : 0;
    }
  }
  const { sum, count } = integrals(data, mask, w, h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const n = windowSum(count, w, x0, y0, x1, y1);
      const r = (data[y * w + x] ?? 0) - windowSum(sum, w, x0, y0, x1, y1) / n;
      out[y * w + x] = r > clip || r < -clip ? 0 : r;
    }
  }
  return out;
}

/** Bilinear resampling by `factor` (> 1 enlarges). */
export function resample(g: Gray, factor: number): Gray {
  const width = Math.max(1, Math.round(g.width * factor));
  const height = Math.max(1, Math.round(g.height * factor));
  const data = new Float32Array(width * height);
  const src = g.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(g.height - 1.001, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(g.width - 1.001, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const i = y0 * g.width + x0;
      const top = (src[i] ?? 0) * (1 - fx) + (src[i + 1] ?? 0) * fx;
      const bottom = (src[i + g.width] ?? 0) * (1 - fx) + (src[i + g.width + 1] ?? 0) * fx;
      data[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data };
}

/**
 * Candidate tile periods in the picture's own pixels: the pattern repeats every TILE_PX × scale pixels, so the
 * residual's autocorrelation peaks there (row and column lags together). Searched between 40 % and 110 % of
 * the rendered size; the best few peaks are refined by a parabola through their neighbours.
 */
export function periodCandidates(g: Gray): number[] {
  const step = g.width > 700 ? 2 : 1;
  const small = step === 1 ? g : resample(g, 1 / step);
  const r = residual(small, 4, 20);
  const { width: w, height: h } = small;
  const minLag = Math.floor((TILE_PX * 0.4) / step);
  const maxLag = Math.min(Math.ceil((TILE_PX * 1.12) / step), Math.max(w, h) - 8);
  const score = new Float64Array(maxLag + 2);
  for (let lag = minLag - 1; lag <= maxLag + 1; lag++) {
    let sum = 0;
    let n = 0;
    for (let y = 0; y < h; y += 2) {
      const row = y * w;
      for (let x = 0; x + lag < w; x++) sum += (r[row + x] ?? 0) * (r[row + x + lag] ?? 0);
      n += Math.max(0, w - lag);
    }
    for (let y = 0; y + lag < h; y += 2) {
      const row = y * w;
      const below = (y + lag) * w;
      for (let x = 0; x < w; x++) sum += (r[row + x] ?? 0) * (r[below + x] ?? 0);
      n += w;
    }
    score[lag] = n > 0 ? sum / n : 0;
  }
  const peaks: { lag: number; value: number }[] = [];
  for (let lag = minLag; lag <= maxLag; lag++) {
    const v = score[lag] ?? 0;
    if (v > (score[lag - 1] ?? 0) && v >= (score[lag + 1] ?? 0)) {
      const a = score[lag - 1] ?? 0;
      const c = score[lag + 1] ?? 0;
      const denom = a - 2 * v + c;
      const offset = denom < 0 ? (0.5 * (a - c)) / denom : 0;
      peaks.push({ lag: (lag + Math.max(-0.5, Math.min(0.5, offset))) * step, value: v });
    }
  }
  return peaks
    .sort((a, b) => b.value - a.value)
    .slice(0, 6)
    .map((p) => p.lag);
}

type Alignment = { z: number; grid: Float32Array; sx: number; sy: number };

/**
 * Reads a nominal-scale picture cell by cell from each sub-cell offset — the mean of each cell's paper pixels
 * near its centre, minus the mean of the cells around it — folds the cells onto one tile and finds where the
 * sync sequence sits in it.
 */
export function align(nominal: Gray, layout: WatermarkLayout, offsetStep = 2): Alignment & { tiles: number } {
  const { width: w, height: h, data } = nominal;
  const inner = Math.floor(CELL_PX / 4);
  let best: Alignment = { z: -Infinity, grid: new Float32Array(CELLS), sx: 0, sy: 0 };
  for (let oy = 0; oy < CELL_PX; oy += offsetStep) {
    for (let ox = 0; ox < CELL_PX; ox += offsetStep) {
      const cw = Math.floor((w - ox) / CELL_PX);
      const ch = Math.floor((h - oy) / CELL_PX);
      if (cw < 3 || ch < 3) continue;
      const value = new Float32Array(cw * ch);
      const valid = new Uint8Array(cw * ch);
      for (let cy = 0; cy < ch; cy++) {
        for (let cx = 0; cx < cw; cx++) {
          // Paper is the lightest part of a cell: pixels within PAPER_SPREAD of the lightest one (ink edges are out).
          let top = 0;
          for (let py = inner; py < CELL_PX - inner; py++) {
            const row = (oy + cy * CELL_PX + py) * w + ox + cx * CELL_PX;
            for (let px = inner; px < CELL_PX - inner; px++) top = Math.max(top, data[row + px] ?? 0);
          }
          const floor = Math.max(PAPER, top - PAPER_SPREAD);
          let sum = 0;
          let n = 0;
          for (let py = inner; py < CELL_PX - inner; py++) {
            const row = (oy + cy * CELL_PX + py) * w + ox + cx * CELL_PX;
            for (let px = inner; px < CELL_PX - inner; px++) {
              const v = data[row + px] ?? 0;
              if (v >= floor) {
                sum += v;
                n++;
              }
            }
          }
          // A cell mostly covered by content says nothing about the pattern.
          if (n >= (CELL_PX - 2 * inner) ** 2 / 2) {
            value[cy * cw + cx] = sum / n;
            valid[cy * cw + cx] = 1;
          }
        }
      }
      const around = integrals(value, valid, cw, ch);
      const grid = new Float32Array(CELLS);
      for (let cy = 0; cy < ch; cy++) {
        for (let cx = 0; cx < cw; cx++) {
          if (!valid[cy * cw + cx]) continue;
          const x0 = Math.max(0, cx - 2);
          const y0 = Math.max(0, cy - 2);
          const x1 = Math.min(cw, cx + 3);
          const y1 = Math.min(ch, cy + 3);
          const r = (value[cy * cw + cx] ?? 0) - windowSum(around.sum, cw, x0, y0, x1, y1) / windowSum(around.count, cw, x0, y0, x1, y1);
          const k = (cy % TILE_CELLS) * TILE_CELLS + (cx % TILE_CELLS);
          grid[k] = (grid[k] ?? 0) + Math.max(-12, Math.min(12, r));
        }
      }
      normalize(grid);
      for (let sy = 0; sy < TILE_CELLS; sy++) {
        for (let sx = 0; sx < TILE_CELLS; sx++) {
          let s = 0;
          for (const k of layout.syncCells) {
            const ky = (k / TILE_CELLS) | 0;
            const kx = k % TILE_CELLS;
            s += (layout.chip[k] ?? 0) * (grid[((ky + sy) % TILE_CELLS) * TILE_CELLS + ((kx + sx) % TILE_CELLS)] ?? 0);
          }
          const z = s / Math.sqrt(SYNC_CELLS);
          if (z > best.z) best = { z, grid, sx, sy };
        }
      }
    }
  }
  return { ...best, tiles: (w * h) / (TILE_PX * TILE_PX) };
}

function normalize(values: Float32Array): void {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / values.length) || 1;
  for (let i = 0; i < values.length; i++) values[i] = ((values[i] ?? 0) - mean) / sd;
}

function readPayload(a: Alignment, layout: WatermarkLayout): number | null {
  const soft = new Float64Array(PAYLOAD_BITS);
  layout.bitCells.forEach((cells, b) => {
    let s = 0;
    for (const k of cells) {
      const ky = (k / TILE_CELLS) | 0;
      const kx = k % TILE_CELLS;
      s += (layout.chip[k] ?? 0) * (a.grid[((ky + a.sy) % TILE_CELLS) * TILE_CELLS + ((kx + a.sx) % TILE_CELLS)] ?? 0);
    }
    soft[b] = s;
  });
  return decodePayload(soft);
}

/**
 * Finds the invisible watermark in a (possibly re-encoded, rescaled, cropped) page picture. The scale is unknown:
 * first the likely ones are tried — as rendered, the width ratio to NOMINAL_WIDTH (a plain rescale), the
 * autocorrelation peaks and their halves (a rescale and a crop together) — and, when none shows the sync
 * sequence, every scale from 40 % to 115 % in 2 % steps. The best is refined in steps of 0.3 % before the
 * payload is read.
 */
export function detectWatermark(picture: Gray, layout: WatermarkLayout): Detection {
  let best = { z: -Infinity, scale: 1 };
  // Pages are rendered NOMINAL_WIDTH wide and a crop only narrows them: a picture w pixels wide was scaled by at
  // least w / NOMINAL_WIDTH (a little slack for rounding). That bounds the search and keeps every resample small.
  const minScale = Math.max(0.35, picture.width / (NOMINAL_WIDTH * 1.03));
  const coarse = (scale: number, offsetStep = 4) => {
    if (scale < minScale || scale > 1.3) return;
    const z = align(resample(picture, 1 / scale), layout, offsetStep).z;
    if (z > best.z) best = { z, scale };
  };
  // As rendered, or only rescaled (the width tells the scale): no search needed when the sync shows clearly.
  for (const scale of new Set([1, picture.width / NOMINAL_WIDTH])) coarse(scale);
  if (best.z < SYNC_THRESHOLD + 2) {
    const likely = new Set<number>();
    for (const period of periodCandidates(picture)) {
      likely.add(period / TILE_PX);
      likely.add(period / TILE_PX / 2);
    }
    for (const scale of likely) coarse(scale);
  }
  // Half-cell offset steps are enough to see the sync at the right scale; the refinement below aligns exactly.
  if (best.z < SYNC_THRESHOLD) for (let scale = minScale; scale <= 1.15; scale *= 1.02) coarse(scale, CELL_PX / 2);
  let found = { z: -Infinity, scale: best.scale, alignment: undefined as (Alignment & { tiles: number }) | undefined };
  const steps = best.z >= SYNC_THRESHOLD + 4 ? [-0.003, 0, 0.003] : [-0.006, -0.003, 0, 0.003, 0.006];
  const fine = (scale: number) => {
    const alignment = align(resample(picture, 1 / scale), layout, 2);
    if (alignment.z > found.z) found = { z: alignment.z, scale, alignment };
  };
  for (const e of steps) fine(best.scale * (1 + e));
  // A weaker match (a rescale and a crop together) gets a second, finer look: 0.15 % of scale is a few pixels of drift.
  if (found.z < SYNC_THRESHOLD + 6) {
    const centre = found.scale;
    for (const e of [-0.0015, 0.0015]) fine(centre * (1 + e));
  }
  const a = found.alignment;
  if (!a || a.z < SYNC_THRESHOLD) return { code: null, syncZ: Math.max(0, found.z), scale: found.scale, tiles: a?.tiles ?? 0 };
  return { code: readPayload(a, layout), syncZ: a.z, scale: found.scale, tiles: a.tiles };
}
