import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHECKLIST = readFileSync(join(ROOT, 'docs/security/asvs.md'), 'utf8');
const ROW = /^\| \*\*(\d+\.\d+\.\d+)\*\* \| ([123]) \| ([^|]+) \| ([^|]+) \| (.*) \|$/;

/** ASVS 5.0 chapters and the Level 1/2 requirements per section we expect to see at least once. */
const CHAPTERS = [
  'V1 ',
  'V2 ',
  'V3 ',
  'V4 ',
  'V5 ',
  'V6 ',
  'V7 ',
  'V8 ',
  'V9 ',
  'V10 ',
  'V11 ',
  'V12 ',
  'V13 ',
  'V14 ',
  'V15 ',
  'V16 ',
  'V17 ',
];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

describe('the ASVS 5.0 Level 2 checklist (docs/security/asvs.md)', () => {
  const rows = CHECKLIST.split('\n')
    .map((line) => ROW.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);

  test('has every chapter, and no requirement twice', () => {
    for (const chapter of CHAPTERS) assert.ok(CHECKLIST.includes(`## ${chapter}`), chapter);
    const ids = rows.map((r) => r[1]);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(rows.length >= 240, `${rows.length} rows`);
  });

  test('no Level 1 or 2 row is unmapped: each has a status and evidence, and a test-backed row names a test', () => {
    for (const [, id, , title, status, evidence] of rows) {
      assert.ok((title ?? '').trim().length > 2, `${id}: requirement`);
      assert.match(status ?? '', /✅ test|📝 reason|— n\/a|⚠️ deviation/, `${id}: status`);
      assert.ok((evidence ?? '').trim().length >= 6, `${id}: evidence`);
      if (status?.includes('✅'))
        assert.match(evidence ?? '', /`[^`]+\.test\.ts`|scripts\/[a-z-]+\.mjs/, `${id}: a test row names its test`);
    }
  });

  test('every file the checklist names exists', () => {
    const named = [...CHECKLIST.matchAll(/`((?:apps|packages|scripts|docs|security)\/[^`\s]+\.(?:ts|mjs|md|json))`/g)].map(
      (m) => m[1] as string,
    );
    assert.ok(named.length > 50);
    for (const path of new Set(named)) assert.ok(existsSync(join(ROOT, path)), `${path} does not exist`);
  });

  test('the web app renders no raw HTML (ASVS 3.2.2)', () => {
    const offenders = walk(join(ROOT, 'apps/web/src')).filter(
      (f) => /\.(tsx?|jsx?)$/.test(f) && readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'),
    );
    assert.deepEqual(offenders, []);
  });
});
