import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { NdaRecord } from './nda-signing.ts';

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

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 16;

export type CertificateInput = {
  record: NdaRecord;
  signature: string;
  publicKeyRawBase64: string;
  title: string;
  /** The Chinese text exactly as the buyer read it (its SHA-256 is in the record). */
  text: string;
  sellerLabel: string;
  buyerLabel: string;
};

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

/**
 * The NDA certificate: the full Chinese text and the signature block, with the signed record attached as JSON for
 * offline checks. Deterministic — the same record gives the same bytes (fixed dates, no random ids) — so the SHA-256
 * kept at signing finds any changed byte later.
 */
export async function renderCertificate(input: CertificateInput): Promise<Uint8Array> {
  fontBytes ??= woffToSfnt(readFileSync(FONT_PATH));
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const at = new Date(input.record.signedAt);
  doc.setTitle(`${input.title} ${input.record.listingCode}`);
  doc.setAuthor('封桥 Sealbridge');
  doc.setProducer('Sealbridge');
  doc.setCreator('Sealbridge');
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const widthsBySize = new Map<number, Map<string, number>>();
  const write = (text: string, size = BODY_SIZE, gray = 0) => {
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
  };

  write(`${input.title}（电子签署证书）`, 16);
  y -= 6;
  write(`挂牌编号 ${input.record.listingCode} · 协议版本 ${input.record.templateVersion} · 证书编号 ${input.record.id}`, 9, 0.35);
  y -= 8;
  write(input.text);
  y -= 12;
  write('—— 签署信息 Signature block ——', 12);
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  for (const line of [
    `披露方：${input.sellerLabel}`,
    `接收方：${input.buyerLabel}（平台编号 ${input.record.buyerAlias}）`,
    `签署方式：在平台勾选“我已阅读并同意”（点击签署）`,
    `签署时间：${beijing}（北京时间） / ${input.record.signedAt}`,
    `签署设备：${input.record.deviceLabel}`,
    `协议文本 SHA-256：${input.record.textSha256}`,
    `签发方：${input.record.issuer}`,
    `平台签名（Ed25519，密钥编号 ${input.record.keyId}）：`,
    input.signature,
    `平台公钥（base64）：${input.publicKeyRawBase64}`,
    '核验方法：在平台“保密协议证书核验”页上传本文件；或取出附件 signature-record.json，按 “sealbridge-nda-signature-v1\\n” + 规范化 JSON 用上述公钥验证签名。',
  ])
    write(line, 9);

  await doc.attach(
    Buffer.from(JSON.stringify({ record: input.record, signature: input.signature }, null, 2), 'utf8'),
    'signature-record.json',
    {
      mimeType: 'application/json',
      description: 'Signed NDA signature record',
      creationDate: at,
      modificationDate: at,
    },
  );
  return doc.save({ useObjectStreams: false });
}
