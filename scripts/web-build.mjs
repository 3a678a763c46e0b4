// Builds the web app when its output is missing or older than its sources. Shared by `npm start` and postinstall.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(ROOT, 'apps/web/dist/index.html');
const SOURCES = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/contracts/src',
  'packages/cn-identifiers/src',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export function webBuildIsStale() {
  return !existsSync(BUILT) || Math.max(...SOURCES.map((s) => newest(join(ROOT, s)))) > statSync(BUILT).mtimeMs;
}

/** Returns true when the build is fresh afterwards. */
export function ensureWebBuilt(reason) {
  if (!webBuildIsStale()) return true;
  console.log(`Building the web app (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', '@sealbridge/web'], { stdio: 'inherit', cwd: ROOT });
  return result.status === 0;
}
