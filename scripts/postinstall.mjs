#!/usr/bin/env node
// After `npm install`: build the web app so the first `npm start` serves at once. Never fails the install:
// on an older Node, or without dev dependencies, `npm start` builds (or explains) instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const vite = fileURLToPath(new URL('../node_modules/vite/package.json', import.meta.url));
if (major < 24 || !existsSync(vite) || process.env.SEALBRIDGE_SKIP_WEB_BUILD === '1') process.exit(0);
const { ensureWebBuilt } = await import('./web-build.mjs');
if (!ensureWebBuilt('after install')) console.warn('warning: the web app did not build; `npm start` will try again.');
