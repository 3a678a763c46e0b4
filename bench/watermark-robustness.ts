/**
 * `node bench/watermark-robustness.ts [pages]`: the invisible watermark's detection figures for the module notes.
 * Two corpora — dense Chinese pages made by LibreOffice (when it runs here) and sparse pdf-lib pages — each page
 * watermarked with a random code, then attacked (none, JPEG 60, 50 % downscale, 10 % margin crop, all three at once)
 * and decoded; plus the same pages without a watermark (false identifications). Prints one tab-separated line each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { closeDocument, openPdf, renderPage } from '../apps/api/src/modules/dataroom/page-renderer.ts';
import { detectWatermark, toGray } from '../apps/api/src/modules/dataroom/watermark/detect.ts';
import { applyInvisible, applyVisible, invisibleTile } from '../apps/api/src/modules/dataroom/watermark/embed.ts';
import { formatCode } from '../apps/api/src/modules/dataroom/watermark/payload.ts';
import { createLayout } from '../apps/api/src/modules/dataroom/watermark/pattern.ts';
import { ATTACKS } from '../apps/api/test/dataroom/watermark-attacks.ts';
import { samplePdf } from '../apps/api/test/dataroom/dataroom-fixture.ts';

const PAGES = Number(process.argv[2] ?? 20);
const layout = createLayout(Buffer.from('robustness-table-secret'));

function chinesePdf(pages: number): Buffer | null {
  const dir = mkdtempSync(join(tmpdir(), 'wm-table-'));
  try {
    const text = Array.from(
      { length: pages },
      (_, p) =>
        `第 ${p + 1} 页 尽职调查资料 财务报表\n${'营业收入 利润 资产负债表 现金流量表 对外担保 纳税申报 '.repeat(6)}\n`.repeat(24) + '\f',
    ).join('');
    writeFileSync(join(dir, 'doc.txt'), text);
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'doc.txt')],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return run.status === 0 ? readFileSync(join(dir, 'doc.pdf')) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function gray(file: Buffer) {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const c2d = canvas.getContext('2d');
  c2d.fillStyle = '#fff';
  c2d.fillRect(0, 0, image.width, image.height);
  c2d.drawImage(image, 0, 0);
  return toGray(c2d.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
}

const corpora: [string, Buffer | null][] = [
  ['dense Chinese (LibreOffice)', chinesePdf(PAGES)],
  ['sparse (pdf-lib)', await samplePdf(PAGES)],
];
const q = (values: number[], f: number) => [...values].sort((a, b) => a - b)[Math.floor(f * (values.length - 1))]?.toFixed(1) ?? '-';
for (const [name, bytes] of corpora) {
  if (!bytes) {
    console.log(`${name}\tskipped (LibreOffice not available)`);
    continue;
  }
  const opened = await openPdf(new Uint8Array(bytes));
  const stats = new Map<string, { ok: number; wrong: number; missed: number; z: number[]; ms: number[] }>();
  const clean = { found: 0, z: [] as number[] };
  for (let page = 1; page <= Math.min(PAGES, opened.pages); page++) {
    const base = await renderPage(opened, page);
    const code = (Math.random() * 0xffffffff) >>> 0;
    const canvas = createCanvas(base.width, base.height);
    const c2d = canvas.getContext('2d');
    c2d.drawImage(base, 0, 0);
    applyInvisible(c2d, canvas.width, canvas.height, invisibleTile(layout, code));
    applyVisible(c2d, canvas.width, canvas.height, {
      maskedName: '张*',
      accountNo: 'C-200001',
      time: '2026-12-03 10:00',
      code: formatCode(code),
    });
    const jpeg = canvas.toBuffer('image/jpeg', 82);
    for (const attack of ['none', 'jpeg60', 'half', 'crop10', 'all'] as const) {
      const file = attack === 'none' ? jpeg : await ATTACKS[attack](jpeg);
      const start = performance.now();
      const found = detectWatermark(await gray(file), layout);
      const s = stats.get(attack) ?? { ok: 0, wrong: 0, missed: 0, z: [], ms: [] };
      s.ms.push(performance.now() - start);
      s.z.push(found.syncZ);
      if (found.code === code) s.ok += 1;
      else if (found.code === null) s.missed += 1;
      else s.wrong += 1;
      stats.set(attack, s);
    }
    const plain = detectWatermark(await gray(base.toBuffer('image/jpeg', 82)), layout);
    clean.z.push(plain.syncZ);
    if (plain.code !== null) clean.found += 1;
  }
  await closeDocument(opened);
  for (const [attack, s] of stats) {
    console.log(
      [
        name,
        attack,
        `${s.ok}/${s.ok + s.wrong + s.missed}`,
        `wrong ${s.wrong}`,
        `missed ${s.missed}`,
        `sync z min ${q(s.z, 0)} median ${q(s.z, 0.5)}`,
        `${q(s.ms, 0.5)} ms`,
      ].join('\t'),
    );
  }
  console.log(
    [name, 'no watermark', `false ${clean.found}/${clean.z.length}`, `sync z max ${q(clean.z, 1)} median ${q(clean.z, 0.5)}`].join('\t'),
  );
}
