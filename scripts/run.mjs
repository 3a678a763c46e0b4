#!/usr/bin/env node
// Runs a TypeScript entry point after checking the Node version: `node scripts/run.mjs FILE.ts [args]`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { assertNode } from './node-version.mjs';

assertNode();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs FILE.ts [args]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
