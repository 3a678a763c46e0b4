import { readFileSync } from 'node:fs';
import { detect, maskContacts } from '@sealbridge/cn-identifiers';
import { compare, result, type BenchSuite } from './lib.ts';

const corpusTexts = (file: string, kind?: string): string[] =>
  readFileSync(new URL(`../packages/cn-identifiers/corpus/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string; kind: string })
    .filter((item) => kind === undefined || item.kind === kind)
    .map((item) => item.text);

/** 2 KB of text cut from labelled texts, the way a listing edit or a chat burst arrives. */
function twoKb(source: readonly string[], step = 1): string {
  let text = '';
  for (let i = 0; text.length < 2048; i += step) text += `${source[i % source.length]}\n`;
  return text.slice(0, 2048);
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Per-call latencies (µs) of two functions, interleaved call by call so both see the same machine. */
function latencies(a: () => unknown, b: () => unknown, samples: number): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < 200; i++) {
    a();
    b();
  }
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    a();
    ta.push((performance.now() - t) * 1000);
    t = performance.now();
    b();
    tb.push((performance.now() - t) * 1000);
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

const suite: BenchSuite = {
  name: 'pii-detector',
  async run() {
    const text = twoKb(corpusTexts('corpus.jsonl'));
    // Baseline: the naive filter many platforms ship — one regex for 11-digit mobiles, no checksums or context.
    const naive = /1[3-9]\d{9}/g;
    const { value, baseline } = await compare(
      () => detect(text),
      () => text.match(naive),
      { rounds: 3, minMs: 200, batch: 20 },
    );
    // A chat burst: broker/buyer messages, a third of them with contacts written to dodge a filter.
    const chat = twoKb([...corpusTexts('corpus.jsonl', 'chat'), ...corpusTexts('evasion-tuning.jsonl', 'chat')], 7);
    const [mask, plain] = latencies(
      () => maskContacts(chat),
      () => detect(chat),
      3000,
    );
    const note = 'maskContacts (evasion-aware) vs plain detect over the same 2 KB chat message, interleaved';
    return [
      result('pii.detect_2kb_per_s', 'ops/s', value, baseline, 'detector vs a bare mobile regex over the same 2 KB'),
      result('pii.detect_2kb_latency', 'us', 1e6 / value, 1000, 'baseline is the 1 ms budget per 2 KB'),
      result('pii.mask_chat_2kb_p50', 'us', percentile(mask, 50), percentile(plain, 50), note),
      result('pii.mask_chat_2kb_p95', 'us', percentile(mask, 95), percentile(plain, 95), note),
      result(
        'pii.mask_chat_2kb_p95_budget',
        'us',
        percentile(mask, 95),
        1000,
        'goal p95 < 1 ms: baseline is the budget (ratio > 1 meets it)',
      ),
    ];
  },
};
export default suite;
