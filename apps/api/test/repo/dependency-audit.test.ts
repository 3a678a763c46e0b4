import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
// @ts-expect-error -- a plain .mjs script of the repository, without types
import { evaluateAudit } from '../../../../scripts/dependency-audit-policy.mjs';

type Finding = { id: string; package: string; severity: string; why?: string };
const evaluate = evaluateAudit as (report: unknown, allowlist: unknown, today?: string) => { blocking: Finding[]; accepted: Finding[] };

const report = {
  vulnerabilities: {
    'left-pad': {
      severity: 'high',
      via: [
        {
          source: 1001,
          name: 'left-pad',
          severity: 'high',
          title: 'prototype pollution',
          url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
        },
      ],
    },
    'tiny-lib': {
      severity: 'moderate',
      via: [
        { source: 1002, name: 'tiny-lib', severity: 'moderate', title: 'redos', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff' },
      ],
    },
    'uses-left-pad': { severity: 'high', via: ['left-pad'] },
    'old-crypto': {
      severity: 'critical',
      via: [
        {
          source: 1003,
          name: 'old-crypto',
          severity: 'critical',
          title: 'weak keys',
          url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii',
        },
      ],
    },
  },
};

describe('the dependency audit policy', () => {
  test('high and critical advisories block unless reviewed; moderate ones and chains through other packages do not count twice', () => {
    const { blocking, accepted } = evaluate(report, { advisories: {} }, '2026-12-03');
    assert.deepEqual(blocking.map((b) => [b.id, b.package]).sort(), [
      ['GHSA-aaaa-bbbb-cccc', 'left-pad'],
      ['GHSA-gggg-hhhh-iiii', 'old-crypto'],
    ]);
    assert.deepEqual(accepted, []);
  });

  test('a reviewed exception is accepted until its review date, then blocks again', () => {
    const allowlist = {
      advisories: { 'GHSA-aaaa-bbbb-cccc': { package: 'left-pad', reason: 'only used at build time', reviewUntil: '2027-01-31' } },
    };
    const now = evaluate(report, allowlist, '2026-12-03');
    assert.deepEqual(
      now.accepted.map((a) => a.id),
      ['GHSA-aaaa-bbbb-cccc'],
    );
    assert.deepEqual(
      now.blocking.map((b) => b.id),
      ['GHSA-gggg-hhhh-iiii'],
    );
    const later = evaluate(report, allowlist, '2027-02-01');
    assert.match(later.blocking.find((b) => b.id === 'GHSA-aaaa-bbbb-cccc')?.why ?? '', /review date 2027-01-31 has passed/);
  });

  test('the allowlist in the repository holds only entries with a package, a reason and a review date', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(await readFile(new URL('../../../../security/audit-allowlist.json', import.meta.url), 'utf8')) as {
      advisories: Record<string, { package?: string; reason?: string; reviewUntil?: string }>;
    };
    for (const [id, entry] of Object.entries(file.advisories)) {
      assert.ok(entry.package && entry.reason && /^\d{4}-\d{2}-\d{2}$/.test(entry.reviewUntil ?? ''), id);
    }
  });
});
