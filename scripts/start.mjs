#!/usr/bin/env node
// `npm start`: checks Node and the configuration, builds the web app when it is missing or older than its
// sources, then starts the API server (which serves the built app).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertNode } from './node-version.mjs';

assertNode();

const { loadConfig, ConfigError } = await import('../apps/api/src/platform/config/index.ts');
try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const p of error.problems) console.error(`Invalid configuration: ${p.variable} — ${p.problem}`);
  process.exit(1);
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const built = join('apps', 'web', 'dist', 'index.html');
const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'];
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app (first start, or its sources changed)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', '@sealbridge/web'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app failed to build; see the output above.');
    process.exit(result.status ?? 1);
  }
}

await import('../apps/api/src/main.ts');
