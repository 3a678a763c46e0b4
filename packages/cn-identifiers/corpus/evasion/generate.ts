// Writes the adversarial corpus: evasion-tuning.jsonl (the part the detector was tuned on) and, only with
// --write-heldout[-b|-c|-d], the held-out parts (each written once before the detector was tuned
// against anything like it, and frozen since).
// Run: node packages/cn-identifiers/corpus/evasion/generate.ts [--write-heldout]
// Labels come from where the templates placed each identifier (compose.ts), never from the detector, and
// nothing here imports from src/.
import { writeFileSync } from 'node:fs';
import { compose, type Part } from '../compose.ts';
import { createRng, type Rng } from '../rng.ts';
import { EVASION_FAMILIES, type EvasionFamily, type EvasionItem } from './families.ts';
import { heldoutBItem } from './heldout-b-templates.ts';
import { heldoutCItem } from './heldout-c-templates.ts';
import { heldoutDItem } from './heldout-d-templates.ts';
import { heldoutItem } from './heldout-templates.ts';
import { tuningItem } from './tuning-templates.ts';

export const TUNING_SEED = 4_711_2026;
export const HELDOUT_SEED = 20_261_203;
export const HELDOUT_B_SEED = 31_415_926;
export const HELDOUT_C_SEED = 27_182_818;
export const HELDOUT_D_SEED = 16_180_339;
const PER_FAMILY = { positives: 30, negatives: 30 };

type Maker = (rng: Rng, family: EvasionFamily, positive: boolean) => { kind: EvasionItem['kind']; parts: Part[] };

function build(part: 'tuning' | 'heldout' | 'heldout-b' | 'heldout-c' | 'heldout-d', seed: number, make: Maker): EvasionItem[] {
  const rng = createRng(seed);
  const items: EvasionItem[] = [];
  for (const family of EVASION_FAMILIES) {
    const order = rng.shuffle([...Array<boolean>(PER_FAMILY.positives).fill(true), ...Array<boolean>(PER_FAMILY.negatives).fill(false)]);
    order.forEach((positive, i) => {
      const { kind, parts } = make(rng, family, positive);
      const { text, findings, decoys } = compose(parts);
      if (positive !== findings.length > 0) throw new Error(`template broke its promise: ${text}`);
      const id = `${part}-${family}-${String(i + 1).padStart(3, '0')}`;
      const note = positive ? undefined : `hard negative: ${[...new Set(decoys)].join(', ')}`;
      items.push({ id, kind, family, text, findings, ...(note ? { note } : {}) });
    });
  }
  return items;
}

export const buildTuning = (): EvasionItem[] => build('tuning', TUNING_SEED, tuningItem);
export const buildHeldout = (): EvasionItem[] => build('heldout', HELDOUT_SEED, heldoutItem);
export const buildHeldoutB = (): EvasionItem[] => build('heldout-b', HELDOUT_B_SEED, heldoutBItem);
export const buildHeldoutC = (): EvasionItem[] => build('heldout-c', HELDOUT_C_SEED, heldoutCItem);
export const buildHeldoutD = (): EvasionItem[] => build('heldout-d', HELDOUT_D_SEED, heldoutDItem);

export function toJsonl(items: readonly EvasionItem[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + '\n';
}

if (import.meta.main) {
  const write = (name: string, items: EvasionItem[]): void => {
    writeFileSync(new URL(`../${name}`, import.meta.url), toJsonl(items));
    console.log(`${name}: ${items.length} texts, ${items.filter((i) => i.findings.length > 0).length} with identifiers`);
  };
  write('evasion-tuning.jsonl', buildTuning());
  if (process.argv.includes('--write-heldout')) write('evasion-heldout.jsonl', buildHeldout());
  if (process.argv.includes('--write-heldout-b')) write('evasion-heldout-b.jsonl', buildHeldoutB());
  if (process.argv.includes('--write-heldout-c')) write('evasion-heldout-c.jsonl', buildHeldoutC());
  if (process.argv.includes('--write-heldout-d')) write('evasion-heldout-d.jsonl', buildHeldoutD());
}
