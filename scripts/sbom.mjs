#!/usr/bin/env node
// Writes the CycloneDX SBOM of what ships — the workspace's production dependencies (npm's built-in `npm sbom`,
// CycloneDX 1.5 JSON) — to artifacts/sbom/sealbridge.cdx.json (or the path given), from the lockfile — no network.
// Development tools (lighthouse, eslint, vite…) are not shipped; lighthouse's trace engine also pins `latest`
// ranges that `npm sbom` rejects as invalid.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const target = resolve(ROOT, process.argv[2] ?? 'artifacts/sbom/sealbridge.cdx.json');
const run = spawnSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--package-lock-only', '--omit', 'dev'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  console.error(`npm sbom failed: ${run.stderr}`);
  process.exit(1);
}
const bom = JSON.parse(run.stdout);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(bom, null, 2)}\n`);
console.log(`SBOM: ${bom.components?.length ?? 0} components, CycloneDX ${bom.specVersion} → ${target}`);
