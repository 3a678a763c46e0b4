import { readFileSync } from 'node:fs';
import { detect } from '@sealbridge/cn-identifiers';
import { compare, result, type BenchSuite } from './lib.ts';

/** 2 KB of text cut from the labelled corpus, the way a listing edit or a chat burst arrives. */
function twoKb(source: readonly string[]): string {
  let text = '';
  for (let i = 0; text.length < 2048; i++) text += `${source[i % source.length]}\n`;
  return text.slice(0, 2048);
}

const suite: BenchSuite = {
  name: 'pii-detector',
  async run() {
    const corpus = readFileSync(new URL('../packages/cn-identifiers/corpus/corpus.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const text = twoKb(corpus);
    // Baseline: the naive filter many platforms ship — one regex for 11-digit mobiles, no checksums or context.
    const naive = /1[3-9]\d{9}/g;
    const { value, baseline } = await compare(
      () => detect(text),
      () => text.match(naive),
      { rounds: 3, minMs: 200, batch: 20 },
    );
    return [
      result('pii.detect_2kb_per_s', 'ops/s', value, baseline, 'detector vs a bare mobile regex over the same 2 KB'),
      result('pii.detect_2kb_latency', 'us', 1e6 / value, 1000, 'baseline is the 1 ms budget per 2 KB'),
    ];
  },
};
export default suite;
