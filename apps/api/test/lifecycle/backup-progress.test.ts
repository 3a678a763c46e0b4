import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { progressPrinter } from '../../src/cli/backup.ts';

/** Issue 14 item 7: "progress is shown for long runs" — bytes done / total and MB/s; a few lines when not a TTY. */
describe('backup progress output', () => {
  const run = (isTTY: boolean) => {
    const lines: string[] = [];
    let at = 0;
    const progress = progressPrinter({ isTTY, write: (text) => lines.push(text) }, () => at);
    const total = 100 * 1048576;
    for (let done = 0; done <= total; done += 1048576) {
      at += 100; // 1 MB every 100 ms: 10 MB/s
      progress({ phase: 'data: restore', bytes: done, total, ...(done === total ? { done: true } : {}) });
    }
    return lines;
  };

  test('without a terminal a long run prints a few lines: the start, each quarter and the end, with MB done / total and MB/s', () => {
    const lines = run(false);
    assert.equal(lines.length, 5, lines.join(''));
    assert.match(lines[0]!, /^data: restore: 0\.0 \/ 100\.0 MB \(0%\)/);
    assert.match(lines[1]!, /25\.0 \/ 100\.0 MB \(25%\) · 10\.0 MB\/s\n$/);
    assert.match(lines[4]!, /100\.0 \/ 100\.0 MB \(100%\) · 10\.0 MB\/s · done in 10\.0 s\n$/);
    assert.ok(lines.every((l) => !l.includes('\r')));
  });

  test('on a terminal one line is redrawn in place and ends with a newline', () => {
    const lines = run(true);
    assert.equal(lines.length, 101);
    assert.ok(lines.every((l) => l.startsWith('\r\x1b[K')));
    assert.ok(lines.at(-1)!.endsWith('done in 10.0 s\n'));
    assert.ok(!lines[50]!.includes('\n'));
  });

  test('`npm run cli -- backup create` prints progress lines on stderr when stderr is not a terminal', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sealbridge-backup-progress-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn' };
      delete env['DATABASE_URL'];
      const child = spawn(
        process.execPath,
        ['scripts/run.mjs', 'apps/api/src/cli/main.ts', 'backup', 'create', '--out', join(work, 'b.sbk')],
        {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, stderr);
      const progress = stderr.split('\n').filter((l) => /^(data|keys): dump: /.test(l));
      assert.ok(progress.length >= 2, stderr);
      assert.ok(
        progress.some((l) => /^data: dump: [\d.]+ \/ [\d.]+ MB \(100%\) · [\d.]+ MB\/s · done in/.test(l)),
        stderr,
      );
      assert.ok(
        progress.some((l) => l.startsWith('keys: dump: ') && l.includes('done in')),
        stderr,
      );
      assert.ok(!stderr.includes('\r'), 'no in-place redraw without a terminal');
      assert.ok(JSON.parse(stdout).rows > 0, 'stdout still carries the JSON result');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
