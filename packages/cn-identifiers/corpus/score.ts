// Exact-match scoring of a detector over labelled items: a finding is a true positive only when its type,
// start and end all match a label. Takes the detector as a function, so that the corpus imports nothing from src/.
import type { CorpusItem } from './types.ts';

export type Score = { tp: number; fp: number; fn: number; misses: string[] };
type Found = { type: string; start: number; end: number; evasion?: string[] };

export function score(items: readonly CorpusItem[], detector: (text: string) => readonly Found[], accept?: (found: Found) => boolean): Score {
  const result: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const item of items) {
    const expected = new Set(item.findings.map((f) => `${f.type}:${f.start}:${f.end}`));
    const found = detector(item.text);
    const keys = new Set(found.map((f) => `${f.type}:${f.start}:${f.end}`));
    for (const f of found) {
      const key = `${f.type}:${f.start}:${f.end}`;
      if (expected.has(key)) result.tp += 1;
      else if (!accept?.(f)) {
        result.fp += 1;
        result.misses.push(`${item.id} FP ${key}`);
      }
    }
    for (const key of expected) {
      if (!keys.has(key)) {
        result.fn += 1;
        result.misses.push(`${item.id} FN ${key}${item.note?.startsWith('known limitation') ? ' (known limitation)' : ''}`);
      }
    }
  }
  return result;
}

export const precision = (s: Score): number => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score): number => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));

export function readJsonl<T>(url: URL, read: (url: URL) => string): T[] {
  return read(url)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
