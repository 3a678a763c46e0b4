#!/usr/bin/env node
// `npm start`: checks Node and the configuration, builds the web app when it is missing or older than its
// sources, then starts the API server (which serves the built app).
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

const { ensureWebBuilt } = await import('./web-build.mjs');
if (!ensureWebBuilt('first start, or its sources changed')) {
  console.error('The web app failed to build; see the output above.');
  process.exit(1);
}

await import('../apps/api/src/main.ts');
