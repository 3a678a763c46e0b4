// Lighthouse (mobile preset) on the public pages against the built app and Debian's Chromium.
// Starts the demo server on the embedded store in a throwaway directory, audits /, /listings, one listing page and
// /privacy, prints the four category scores per page and writes them to docs/lighthouse.md (JSON reports go to
// test-results/lighthouse/). Usage: npm run build && npm run lighthouse [-- --label "after"]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../e2e/harness.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test-results', 'lighthouse');
const RECORD = join(ROOT, 'docs', 'lighthouse.md');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95, seo: 95 };

const labelIndex = process.argv.indexOf('--label');
const label = labelIndex > 0 ? process.argv[labelIndex + 1] : 'latest';

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows = [];
try {
  const search = await (await fetch(`${server.url}/api/listings?pageSize=1`)).json();
  const code = search.items?.[0]?.code;
  const pages = ['/', '/listings', ...(code ? [`/listings/${code}`] : []), '/privacy'];
  mkdirSync(OUT, { recursive: true });
  for (const path of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`no Lighthouse result for ${path}`);
    const { lhr } = result;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metrics = {
      fcp: lhr.audits['first-contentful-paint']?.displayValue,
      lcp: lhr.audits['largest-contentful-paint']?.displayValue,
      tbt: lhr.audits['total-blocking-time']?.displayValue,
      cls: lhr.audits['cumulative-layout-shift']?.displayValue,
    };
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    const name = path === '/' ? 'home' : path.replaceAll('/', '_').replace(/^_/, '');
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify(lhr, null, 1));
    rows.push({ path: code && path.endsWith(code) ? '/listings/:code' : path, scores, metrics, failing });
    console.log(path, scores, metrics, failing.length ? `failing: ${failing.join(', ')}` : '');
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const table = [
  `### ${label} — ${new Date().toISOString().slice(0, 16)}Z, Lighthouse ${version}, mobile preset, ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
  '',
  '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| \`${r.path}\` | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${r.metrics.fcp} | ${r.metrics.lcp} | ${r.metrics.tbt} | ${r.metrics.cls} |`,
  ),
  '',
].join('\n');
const header = `# Lighthouse scores\n\nRecorded by \`npm run lighthouse\` (scripts/lighthouse.mjs). Targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}, SEO ≥ ${TARGETS.seo}. Newest run first; the machine is shared, so performance varies by a few points between runs.\n\n`;
const previous = existsSync(RECORD) ? readFileSync(RECORD, 'utf8').replace(/^[\s\S]*?(?=### )/, '') : '';
writeFileSync(RECORD, header + table + '\n' + (previous.startsWith('### ') ? previous : ''));
console.log(`\nrecorded in ${RECORD}`);
