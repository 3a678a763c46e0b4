#!/usr/bin/env node
// Runs every *.test.ts of the API and the packages with Node's own test runner.
// Repository and HTTP specs loop over DIALECTS (sqlite always; postgres when DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertNode } from './node-version.mjs';

assertNode();
const roots = ['packages', 'apps/api/src', 'apps/api/test', 'apps/web/src'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
};
for (const root of roots) walk(root);
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (!process.env.DIALECTS) {
  process.env.DIALECTS = process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite';
}
console.log(`dialects: ${process.env.DIALECTS}; ${selected.length} test files`);
// Two files at a time (TEST_CONCURRENCY to change it): most files wait on SQLite, PostgreSQL or Redis, not the CPU.
// --test-force-exit: a file whose tests are done but which left a handle open (a socket) ends instead of hanging CI.
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-timeout=120000',
    '--test-force-exit',
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    ...selected,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  },
);
process.exit(result.status ?? 1);
