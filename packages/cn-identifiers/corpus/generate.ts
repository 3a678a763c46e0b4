// Writes corpus.jsonl: labelled zh-CN / English texts for measuring the detector. Deterministic (seeded).
// Run: node packages/cn-identifiers/corpus/generate.ts
// Labels come from where the templates placed each identifier (compose.ts), never from the detector, and
// nothing here imports from src/.
import { writeFileSync } from 'node:fs';
import { chat } from './chat-templates.ts';
import { compose, type Part } from './compose.ts';
import { document } from './document-templates.ts';
import { fill, HANDWRITTEN_NEGATIVES, HANDWRITTEN_POSITIVES } from './handwritten.ts';
import { KNOWN_MISSES } from './known-misses.ts';
import { listing } from './listing-templates.ts';
import { createRng, type Rng } from './rng.ts';
import type { CorpusItem } from './types.ts';

const SEED = 20240315;

const PLAN: ReadonlyArray<{ kind: CorpusItem['kind']; build: (rng: Rng, positive: boolean) => Part[]; positives: number; negatives: number }> = [
  { kind: 'listing', build: listing, positives: 110, negatives: 130 },
  { kind: 'chat', build: chat, positives: 110, negatives: 130 },
  { kind: 'document', build: document, positives: 75, negatives: 85 },
];

function noteFor(positive: boolean, decoys: readonly string[]): string | undefined {
  const unique = [...new Set(decoys)];
  if (!positive) return `hard negative: ${unique.join(', ')}`;
  return unique.length > 0 ? `also contains: ${unique.join(', ')}` : undefined;
}

/** The corpus for a seed; the committed file is the one for SEED (other seeds are for stress runs). */
export function buildCorpus(seed: number = SEED): CorpusItem[] {
  const rng = createRng(seed);
  const items: CorpusItem[] = [];
  const counters: Record<CorpusItem['kind'], number> = { listing: 0, chat: 0, document: 0 };
  const add = (kind: CorpusItem['kind'], parts: Part[], positive: boolean, note?: string): void => {
    const { text, findings, decoys } = compose(parts);
    if (positive !== findings.length > 0) throw new Error(`template broke its promise: ${text}`);
    if (!positive && !/\d/.test(text)) throw new Error(`hard negative without numbers: ${text}`);
    if (!positive && note === undefined && decoys.length === 0) throw new Error(`negative without look-alikes: ${text}`);
    counters[kind] += 1;
    const item: CorpusItem = { id: `${kind}-${String(counters[kind]).padStart(3, '0')}`, kind, text, findings };
    const finalNote = note ?? noteFor(positive, decoys);
    if (finalNote) item.note = finalNote;
    items.push(item);
  };
  for (const { kind, build, positives, negatives } of PLAN) {
    // Interleave positives and negatives so neither clusters at one end of the file.
    const order = rng.shuffle([...Array<boolean>(positives).fill(true), ...Array<boolean>(negatives).fill(false)]);
    for (const positive of order) add(kind, build(rng, positive), positive);
  }
  for (const [kind, template] of HANDWRITTEN_POSITIVES) add(kind, fill(rng, template), true, 'hand-written');
  for (const [kind, template] of HANDWRITTEN_NEGATIVES) add(kind, fill(rng, template), false, 'hard negative, hand-written');
  for (const miss of KNOWN_MISSES) add(miss.kind, miss.parts, true, miss.note);
  return items;
}

export function toJsonl(items: readonly CorpusItem[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + '\n';
}

if (import.meta.main) {
  const items = buildCorpus();
  writeFileSync(new URL('./corpus.jsonl', import.meta.url), toJsonl(items));
  const positives = items.filter((i) => i.findings.length > 0).length;
  const byType: Record<string, number> = {};
  for (const item of items) for (const f of item.findings) byType[f.type] = (byType[f.type] ?? 0) + 1;
  console.log(`corpus.jsonl: ${items.length} texts, ${positives} with identifiers, ${items.length - positives} hard negatives`);
  console.log(`labels by type: ${JSON.stringify(byType)}`);
}
