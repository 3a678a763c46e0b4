#!/usr/bin/env node
// `npm run format:check` (part of `npm run lint`): Prettier over the whole tree (what it skips is in .prettierignore:
// data files, hash-pinned corpora, prose). `npm run format:write` formats in place.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const FILES = ['.'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.includes('--write');
  const root = fileURLToPath(new URL('../', import.meta.url));
  const run = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.resolve('prettier/bin/prettier.cjs')), write ? '--write' : '--check', ...FILES],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
