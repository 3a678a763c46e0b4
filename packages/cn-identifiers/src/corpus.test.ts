// Scores the detector against the labelled corpus (corpus/corpus.jsonl). A finding counts as a true positive
// only when type, start and end all match a label exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildCorpus, toJsonl } from '../corpus/generate.ts';
import type { CorpusItem } from '../corpus/types.ts';
import { detect } from './index.ts';

const CORPUS_URL = new URL('../corpus/corpus.jsonl', import.meta.url);
const TODAY = new Date('2025-06-01T12:00:00+08:00');

function loadCorpus(): CorpusItem[] {
  return readFileSync(CORPUS_URL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
}

type Score = { tp: number; fp: number; fn: number; misses: string[] };

function score(items: readonly CorpusItem[]): Score {
  const result: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const item of items) {
    const expected = new Set(item.findings.map((f) => `${f.type}:${f.start}:${f.end}`));
    const found = new Set(detect(item.text, { today: TODAY }).map((f) => `${f.type}:${f.start}:${f.end}`));
    for (const key of found) {
      if (expected.has(key)) result.tp += 1;
      else {
        result.fp += 1;
        result.misses.push(`${item.id} FP ${key}`);
      }
    }
    for (const key of expected) {
      if (!found.has(key)) {
        result.fn += 1;
        result.misses.push(`${item.id} FN ${key}${item.note?.startsWith('known limitation') ? ' (known limitation)' : ''}`);
      }
    }
  }
  return result;
}

test('the committed corpus is exactly what the generator writes', () => {
  assert.equal(readFileSync(CORPUS_URL, 'utf8'), toJsonl(buildCorpus()));
});

test('the corpus has at least 500 texts and at least half of them are hard negatives', () => {
  const items = loadCorpus();
  const negatives = items.filter((i) => i.findings.length === 0).length;
  assert.ok(items.length >= 500, `${items.length} texts`);
  assert.ok(negatives * 2 >= items.length, `${negatives} negatives of ${items.length}`);
});

test('the detector reaches precision and recall of at least 0.98 on the corpus', () => {
  const items = loadCorpus();
  const { tp, fp, fn, misses } = score(items);
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const positives = items.filter((i) => i.findings.length > 0).length;
  console.log(
    `detector precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} on ${items.length} texts ` +
      `(${positives} with identifiers, ${items.length - positives} hard negatives; ${tp + fn} labels, tp=${tp} fp=${fp} fn=${fn})`,
  );
  // Positions and types only: the corpus is synthetic, but a habit of never printing values is cheap.
  if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
  assert.ok(precision >= 0.98, `precision ${precision}`);
  assert.ok(recall >= 0.98, `recall ${recall}`);
});
