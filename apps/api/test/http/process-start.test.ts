import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('starting the server', () => {
  test('PORT=abc stops npm start with a non-zero exit and a message naming PORT', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /PORT/);
    assert.match(result.stderr, /integer port number/);
  });

  test('on Node older than 24 the start script exits with one clear line', (t) => {
    const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
      if (!existsSync(p)) return false;
      const v = spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
      return Number(v.split('.')[0]) < 24;
    });
    if (!oldNode) return t.skip('no Node older than 24 on this machine');
    const result = spawnSync(oldNode, ['scripts/start.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /needs Node\.js 24/);
  });
});
