/**
 * `npm run bench [-- --json] [name-filter…]`: runs every bench/*.bench.ts and prints one result per line.
 * With --json each line is {"name","value","unit","baseline","ratio"}; otherwise a readable table.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchResult, BenchSuite } from './lib.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

function print(r: BenchResult) {
  if (json) console.log(JSON.stringify(r));
  else {
    const note = r.note ? `  (${r.note})` : '';
    console.log(
      `${r.name.padEnd(48)} ${String(r.value).padStart(12)} ${r.unit.padEnd(8)} baseline ${String(r.baseline).padStart(12)}  ratio ${r.ratio}${note}`,
    );
  }
}

let failed = false;
for (const file of files) {
  const suite = (await import(pathToFileURL(join(dir, file)).href)).default as BenchSuite;
  if (filters.length && !filters.some((f) => suite.name.includes(f) || file.includes(f))) continue;
  if (!json) console.log(`# ${suite.name}`);
  try {
    for (const r of await suite.run()) print(r);
  } catch (error) {
    failed = true;
    console.error(`bench ${suite.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
