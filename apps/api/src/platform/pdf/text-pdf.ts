import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
/** Noto Sans SC (SIL OFL 1.1), the simplified-Chinese subset file of @fontsource: 8,248 glyphs incl. Latin and digits. */
const FONT_PATH = require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');
let fontBytes: Buffer | undefined;

/**
 * WOFF 1.0 → plain sfnt (the tables inflated once). fontkit reads a WOFF font's zlib-compressed tables again on every
 * glyph lookup, which made a two-page certificate take a minute; the inflated font lays it out in ~0.2 s.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.subarray(0, 4).toString('latin1') !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector += 1;
  }
  searchRange *= 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  for (let i = 0; i < numTables; i += 1) {
    const entry = 44 + i * 20;
    const [tag, at, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((d) => woff.readUInt32BE(entry + d)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const raw = woff.subarray(at, at + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    const record = 12 + i * 16;
    header.writeUInt32BE(tag, record);
    header.writeUInt32BE(checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(origLength, record + 12);
    bodies.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([header, ...bodies]);
}

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 16;

/**
 * Breaks text into lines that fit `width`, character by character (Chinese has no spaces to break at). Widths are
 * measured once per character and summed: measuring each growing line through the layout engine is quadratic.
 */
function wrap(text: string, font: PDFFont, size: number, width: number, widths: Map<string, number>): string[] {
  const measure = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, size);
      widths.set(ch, w);
    }
    return w;
  };
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = measure(ch);
      if (used + w > width && line) {
        lines.push(line);
        line = ch;
        used = w;
      } else {
        line += ch;
        used += w;
      }
    }
    lines.push(line);
  }
  return lines;
}

export type TextPdf = {
  doc: PDFDocument;
  /** Writes wrapped text at `size` (gray 0 = black … 1 = white), adding pages as needed. */
  write(text: string, size?: number, gray?: number): void;
  /** Vertical space in points. */
  gap(points: number): void;
};

/**
 * A plain A4 document in Noto Sans SC (zh-CN and Latin) that text is written into line by line: the NDA certificate
 * and the rights-request copy share it. Metadata dates are the given instant, so the same input gives the same bytes.
 */
export async function createTextPdf(meta: { title: string; at: Date }): Promise<TextPdf> {
  fontBytes ??= woffToSfnt(readFileSync(FONT_PATH));
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(meta.title);
  doc.setAuthor('封桥 Sealbridge');
  doc.setProducer('Sealbridge');
  doc.setCreator('Sealbridge');
  doc.setCreationDate(meta.at);
  doc.setModificationDate(meta.at);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const widthsBySize = new Map<number, Map<string, number>>();
  return {
    doc,
    write(text, size = BODY_SIZE, gray = 0) {
      const widths = widthsBySize.get(size) ?? new Map<string, number>();
      widthsBySize.set(size, widths);
      for (const line of wrap(text, font, size, width, widths)) {
        if (y < MARGIN + LINE) {
          page = doc.addPage(A4);
          y = A4[1] - MARGIN;
        }
        page.drawText(line, { x: MARGIN, y, size, font, color: rgb(gray, gray, gray) });
        y -= size + (LINE - BODY_SIZE);
      }
    },
    gap(points) {
      y -= points;
    },
  };
}
