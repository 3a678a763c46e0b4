import { ageBand, capitalBand } from './listings-bands.ts';

/**
 * A bundled synthetic sample of the public company registry (no real company): what a reverse search in gsxt
 * would find for a teaser's region, industry, age band and capital band. Deterministic: the same rows every time.
 * Big cities hold many companies, small ones few — so a rare licence business in a small city stands out.
 */
const CITY_WEIGHTS: [string, number][] = [
  ['3101', 40],
  ['1101', 36],
  ['4403', 34],
  ['4401', 26],
  ['3301', 22],
  ['3205', 18],
  ['3201', 16],
  ['5101', 18],
  ['4201', 14],
  ['1201', 10],
  ['3702', 8],
  ['3502', 6],
  ['6101', 10],
  ['5001', 12],
  ['4301', 8],
  ['4406', 5],
  ['3302', 6],
  ['3401', 5],
  ['5301', 3],
  ['2101', 4],
  ['1301', 3],
  ['4501', 2],
  ['6201', 1],
  ['6501', 1],
  ['5401', 1],
];
export const SAMPLE_INDUSTRIES = [
  '信息技术',
  '建筑工程',
  '贸易',
  '人力资源',
  '医疗器械',
  '文化传媒',
  '餐饮管理',
  '物流运输',
  '投资咨询',
  '环保科技',
];
const INDUSTRY_WEIGHTS = [26, 14, 30, 6, 4, 8, 10, 8, 5, 3];
const CAPITALS = [10, 50, 100, 100, 200, 300, 500, 500, 1000, 2000, 5000, 10000];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

export type RegistryKey = { cityCode: string; industry: string; ageBand: string; capitalBand: string };
const keyOf = (k: RegistryKey) => `${k.cityCode}|${k.industry}|${k.ageBand}|${k.capitalBand}`;

let counts: Map<string, number> | undefined;

/** How many sample registry companies share this combination. */
export function registrySampleCount(key: RegistryKey, size = 20_000): number {
  if (!counts) {
    counts = new Map();
    const rand = mulberry32(32100);
    const today = new Date('2026-11-28T00:00:00Z');
    const cities = CITY_WEIGHTS.map(([c]) => c);
    const cityWeights = CITY_WEIGHTS.map(([, w]) => w);
    for (let i = 0; i < size; i++) {
      const k = keyOf({
        cityCode: weighted(cities, cityWeights, rand()),
        industry: weighted(SAMPLE_INDUSTRIES, INDUSTRY_WEIGHTS, rand()),
        ageBand: ageBand(today.getUTCFullYear() - Math.floor(rand() * rand() * 25), today),
        capitalBand: capitalBand(CAPITALS[Math.floor(rand() * CAPITALS.length)] ?? 100),
      });
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts.get(keyOf(key)) ?? 0;
}

/** Below this many look-alikes a teaser is likely to be re-identified by a registry search. */
export const REIDENTIFICATION_THRESHOLD = 5;
