import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NOMINAL_WIDTH } from './watermark/pattern.ts';

type PdfModule = typeof Pdfjs;
type PdfTask = ReturnType<PdfModule['getDocument']>;
type PdfDocument = Awaited<PdfTask['promise']>;

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
let pdfjs: Promise<PdfModule> | undefined;
const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** A document held for rendering: a parsed PDF, or one image (a one-page document). */
export type OpenedDocument =
  | { kind: 'pdf'; doc: PdfDocument; task: PdfTask; pages: number }
  | { kind: 'image'; image: Awaited<ReturnType<typeof loadImage>>; pages: 1 };

/**
 * Parses a PDF from memory (pdf.js wants the whole file; it never touches the disk). Fonts that a PDF does not embed
 * come from pdf.js's own standard fonts and CMaps, so a Chinese PDF renders the same on every server. Throws on
 * an encrypted or damaged file.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenedDocument> {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data: bytes,
    useSystemFonts: false,
    cMapUrl: `${pathToFileURL(join(PDFJS_DIR, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(PDFJS_DIR, 'standard_fonts')).href}/`,
    verbosity: 0,
  });
  const doc = await task.promise;
  return { kind: 'pdf', doc, task, pages: doc.numPages };
}

export async function openImage(bytes: Uint8Array): Promise<OpenedDocument> {
  return { kind: 'image', image: await loadImage(Buffer.from(bytes)), pages: 1 };
}

/** Whether the first pages carry a text layer (scans do not: redaction boxes are then drawn by hand). */
export async function hasTextLayer(opened: OpenedDocument): Promise<boolean> {
  if (opened.kind !== 'pdf') return false;
  for (let p = 1; p <= Math.min(3, opened.pages); p++) {
    const content = await (await opened.doc.getPage(p)).getTextContent();
    if (content.items.some((item) => 'str' in item && item.str.trim().length > 0)) return true;
  }
  return false;
}

/** One page as a bitmap NOMINAL_WIDTH pixels wide (the width the watermark's geometry is defined at), white behind. */
export async function renderPage(opened: OpenedDocument, pageNumber: number, width = NOMINAL_WIDTH): Promise<Canvas> {
  if (opened.kind === 'image') {
    const height = Math.max(1, Math.round((opened.image.height * width) / opened.image.width));
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(opened.image, 0, 0, width, height);
    return canvas;
  }
  const page = await opened.doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / base.width });
  const canvas = createCanvas(width, Math.max(1, Math.round(viewport.height)));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js draws on any 2D context with the DOM canvas API; @napi-rs/canvas provides it.
  await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport }).promise;
  page.cleanup();
  return canvas;
}

/** Text items of a page with their boxes in page fractions (for redaction proposals). */
export async function pageText(
  opened: OpenedDocument,
  pageNumber: number,
): Promise<{ text: string; x: number; y: number; w: number; h: number }[]> {
  if (opened.kind !== 'pdf') return [];
  const page = await opened.doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const out: { text: string; x: number; y: number; w: number; h: number }[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.length === 0) continue;
    const [, , , d, e, f] = item.transform as number[];
    const height = Math.abs(d ?? item.height) || item.height;
    out.push({
      text: item.str,
      x: (e ?? 0) / viewport.width,
      y: (viewport.height - (f ?? 0) - height) / viewport.height,
      w: item.width / viewport.width,
      h: (height * 1.2) / viewport.height,
    });
  }
  return out;
}

export async function closeDocument(opened: OpenedDocument): Promise<void> {
  if (opened.kind === 'pdf') await opened.task.destroy();
}
