import type { QuarterRange } from './transparency-repo.ts';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const pad = (v: number) => String(v).padStart(2, '0');

/** `2026-Q3` → its Beijing days and the UTC instants that bound it (Beijing midnight is 16:00 UTC the day before). */
export function quarterRange(period: string): QuarterRange {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`not a quarter: ${period}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const firstMonth = (q - 1) * 3; // 0-based
  const from = Date.UTC(year, firstMonth, 1) - BEIJING_OFFSET_MS;
  const to = Date.UTC(year, firstMonth + 3, 1) - BEIJING_OFFSET_MS;
  const lastDay = new Date(Date.UTC(year, firstMonth + 3, 0));
  return {
    fromIso: new Date(from).toISOString(),
    toIso: new Date(to).toISOString(),
    fromDay: `${year}-${pad(firstMonth + 1)}-01`,
    toDay: `${year}-${pad(lastDay.getUTCMonth() + 1)}-${pad(lastDay.getUTCDate())}`,
  };
}

/** The Beijing calendar quarter an instant falls in. */
export function quarterOf(at: Date): string {
  const beijing = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return `${beijing.getUTCFullYear()}-Q${Math.floor(beijing.getUTCMonth() / 3) + 1}`;
}

/** The quarter before `period`. */
export function previousQuarter(period: string): string {
  const [year, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
