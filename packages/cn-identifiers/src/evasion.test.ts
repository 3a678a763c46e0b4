// Scores the evasion-aware detector on the adversarial corpus, per evasion family: the tuning part (what the
// detector was developed against) and the held-out part (frozen before any of that code existed; its hash is
// pinned below, so it cannot drift with the detector). A finding counts only when type, start and end all
// match a label.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildTuning, toJsonl } from '../corpus/evasion/generate.ts';
import { EVASION_FAMILIES, type EvasionItem } from '../corpus/evasion/families.ts';
import { precision, readJsonl, recall, score } from '../corpus/score.ts';
import { detectEvasive } from './index.ts';

const TODAY = new Date('2025-06-01T12:00:00+08:00');
const TUNING = new URL('../corpus/evasion-tuning.jsonl', import.meta.url);
const HELDOUT = new URL('../corpus/evasion-heldout.jsonl', import.meta.url);
const HELDOUT_SHA256 = 'd9555064029232f4d157dbc58e5aafbe881f152e2eab30c0733a01abd1bb6996';
const HELDOUT_B = new URL('../corpus/evasion-heldout-b.jsonl', import.meta.url);
const HELDOUT_B_SHA256 = '983de0e148995d1a03ec0ac710274f2df77b8a470133ad01fb9e7bbe40e989fa';
const HELDOUT_C = new URL('../corpus/evasion-heldout-c.jsonl', import.meta.url);
const HELDOUT_C_SHA256 = '83a1a8ed33f17bc848d621b4501271221c06499bac810ccefe296b118486f23f';
const HELDOUT_D = new URL('../corpus/evasion-heldout-d.jsonl', import.meta.url);
const HELDOUT_D_SHA256 = '829c11be1c8bf4e861470f1ce53df60893dbfad124b42909a51e88adbd5c9ab3';
const FLOOR = 0.95;

function table(part: string, items: readonly EvasionItem[]): Array<{ family: string; p: number; r: number; misses: string[] }> {
  const rows = EVASION_FAMILIES.map((family) => {
    const s = score(
      items.filter((i) => i.family === family),
      (text) => detectEvasive(text, { today: TODAY }),
    );
    return { family, p: precision(s), r: recall(s), s };
  });
  const all = score(items, (text) => detectEvasive(text, { today: TODAY }));
  console.log(`${part}: ${items.length} texts, ${items.filter((i) => i.findings.length > 0).length} with identifiers`);
  console.log(`  ${'family'.padEnd(18)} precision recall   tp  fp  fn`);
  for (const { family, p, r, s } of rows) {
    console.log(
      `  ${family.padEnd(18)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(6)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
    );
  }
  console.log(
    `  ${'all'.padEnd(18)} ${precision(all).toFixed(3).padStart(9)} ${recall(all).toFixed(3).padStart(6)} ${String(all.tp).padStart(4)} ${String(all.fp).padStart(3)} ${String(all.fn).padStart(3)}`,
  );
  return rows.map(({ family, p, r, s }) => ({ family, p, r, misses: s.misses }));
}

test('the tuning part is exactly what the generator writes', () => {
  assert.equal(readFileSync(TUNING, 'utf8'), toJsonl(buildTuning()));
});

test('the held-out parts are byte for byte the files committed before the detector saw them', () => {
  assert.equal(createHash('sha256').update(readFileSync(HELDOUT)).digest('hex'), HELDOUT_SHA256);
  assert.equal(createHash('sha256').update(readFileSync(HELDOUT_B)).digest('hex'), HELDOUT_B_SHA256);
  assert.equal(createHash('sha256').update(readFileSync(HELDOUT_C)).digest('hex'), HELDOUT_C_SHA256);
  assert.equal(createHash('sha256').update(readFileSync(HELDOUT_D)).digest('hex'), HELDOUT_D_SHA256);
});

test('each part has every family, with as many hard negatives as positives', () => {
  for (const url of [TUNING, HELDOUT, HELDOUT_B, HELDOUT_C, HELDOUT_D]) {
    const items = readJsonl<EvasionItem>(url, (u) => readFileSync(u, 'utf8'));
    for (const family of EVASION_FAMILIES) {
      const of = items.filter((i) => i.family === family);
      assert.ok(of.length >= 40, `${family}: ${of.length}`);
      assert.equal(of.filter((i) => i.findings.length === 0).length * 2, of.length, family);
    }
  }
});

for (const [part, url] of [
  ['tuning part', TUNING],
  ['held-out part', HELDOUT],
  ['held-out part B', HELDOUT_B],
  ['held-out part C', HELDOUT_C],
  ['held-out part D', HELDOUT_D],
] as const) {
  test(`on the ${part}, precision and recall are at least ${FLOOR} in every evasion family`, () => {
    const rows = table(
      part,
      readJsonl<EvasionItem>(url, (u) => readFileSync(u, 'utf8')),
    );
    const below = rows.filter((row) => row.p < FLOOR || row.r < FLOOR);
    for (const row of below) console.log(`  ${row.family}:\n    ${row.misses.join('\n    ')}`);
    assert.deepEqual(
      below.map((row) => row.family),
      [],
    );
  });
}
