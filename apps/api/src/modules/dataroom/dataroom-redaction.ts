import { Readable } from 'node:stream';
import { detect } from '@sealbridge/cn-identifiers';
import type { TDataroomDocument, TRedactionBox, TRedactionProposal } from '@sealbridge/contracts';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf } from './dataroom-access.ts';
import type { DataroomContext } from './dataroom-context.ts';
import { versionView } from './dataroom-documents.ts';
import type { VersionRow } from './dataroom-repo.ts';
import { closeDocument, openImage, openPdf, pageText, renderPage, type OpenedDocument } from './page-renderer.ts';

/** Redacted pages are burnt in at this width (about 200 dpi for A4): readable, and nothing under a box survives. */
const REDACT_WIDTH = 1600;

/** Identifier findings on one page's text layer, as boxes (items joined in reading order, so a number split across items is still found). */
async function proposalsOf(opened: OpenedDocument, page: number): Promise<(TRedactionBox & { kind: string })[]> {
  const items = await pageText(opened, page);
  let text = '';
  const owner: number[] = [];
  items.forEach((item, i) => {
    text += item.text;
    for (let k = 0; k < item.text.length; k++) owner.push(i);
    text += '\n';
    owner.push(-1);
  });
  const out: (TRedactionBox & { kind: string })[] = [];
  for (const f of detect(text)) {
    const touched = [...new Set(owner.slice(f.start, f.end).filter((i) => i >= 0))];
    const boxes = touched.map((i) => {
      const item = items[i];
      if (!item) return null;
      // The part of the item the finding covers, assuming evenly wide characters.
      const itemStart = owner.indexOf(i);
      const from = Math.max(0, f.start - itemStart);
      const to = Math.min(item.text.length, f.end - itemStart);
      const perChar = item.w / Math.max(1, item.text.length);
      return { x: item.x + from * perChar, y: item.y, w: Math.max(perChar, (to - from) * perChar), h: item.h };
    });
    for (const b of boxes) {
      if (!b) continue;
      const pad = 0.002;
      out.push({
        page,
        kind: f.type,
        x: Math.max(0, b.x - pad),
        y: Math.max(0, b.y - pad),
        w: Math.min(1, b.w + 2 * pad),
        h: Math.min(1, b.h + 2 * pad),
      });
    }
  }
  return out;
}

/**
 * Redaction. Proposals come from the PDF's text layer through the same detector as every other guard; a scan has
 * no text layer and no Chinese OCR model runs offline, so the broker draws its boxes by hand (the UI says so). The
 * confirmed boxes are burnt into page images and the result — a new PDF of flattened pages — becomes the released
 * version, so buyers never get the text under a box, whatever their permission.
 */
export function createRedactionOperations(ctx: DataroomContext, onReleased: (roomId: string) => void) {
  const { repo, roomAccess, files, audit } = ctx;

  async function sourceOf(principal: Principal, listingId: string, documentId: string, versionId: string | undefined, requestId?: string) {
    const c = await roomAccess.broker(principal, listingId, requestId);
    if (!c.room || c.room.shredded_at) throw new AppError('NOT_FOUND', 'no live data room');
    const document = await repo.document(c.room.id, documentId);
    if (!document) throw new AppError('NOT_FOUND', 'no such document');
    const version = await repo.version(versionId ?? document.released_version_id ?? '');
    if (!version || version.document_id !== documentId) throw new AppError('NOT_FOUND', 'no such version');
    if (version.state !== 'ready') throw new AppError('DATAROOM_NOT_READY', 'not a viewable version');
    return { c, room: c.room, document, version };
  }

  async function open(subjectId: string, version: VersionRow): Promise<OpenedDocument> {
    const bytes = new Uint8Array(await files.read(subjectId, version.blob_key));
    return version.format === 'pdf' ? openPdf(bytes) : openImage(bytes);
  }

  return {
    async propose(
      principal: Principal,
      listingId: string,
      documentId: string,
      versionId: string | undefined,
      requestId?: string,
    ): Promise<TRedactionProposal> {
      const { room, version } = await sourceOf(principal, listingId, documentId, versionId, requestId);
      const opened = await open(room.subject_id, version);
      try {
        const proposals = [];
        if (version.has_text_layer === 1)
          for (let page = 1; page <= opened.pages; page++) proposals.push(...(await proposalsOf(opened, page)));
        return { versionId: version.id, pageCount: opened.pages, hasTextLayer: version.has_text_layer === 1, proposals };
      } finally {
        await closeDocument(opened);
      }
    },

    async apply(
      principal: Principal,
      listingId: string,
      documentId: string,
      input: { versionId: string; boxes: TRedactionBox[] },
      requestId?: string,
    ): Promise<TDataroomDocument> {
      const { room, version } = await sourceOf(principal, listingId, documentId, input.versionId, requestId);
      if (input.boxes.some((b) => b.page > version.page_count))
        throw new AppError('VALIDATION_FAILED', 'box on a page the document does not have', { fields: ['boxes'] });
      const subject = await ctx.vault.findSubject(room.subject_id);
      if (!subject || subject.erased) throw new AppError('DATA_ERASED', 'data room erased');
      const opened = await open(room.subject_id, version);
      const pdf = await PDFDocument.create();
      try {
        for (let page = 1; page <= opened.pages; page++) {
          const canvas = await renderPage(opened, page, REDACT_WIDTH);
          const c2d = canvas.getContext('2d');
          c2d.fillStyle = '#000';
          for (const b of input.boxes.filter((x) => x.page === page))
            c2d.fillRect(b.x * canvas.width, b.y * canvas.height, b.w * canvas.width, b.h * canvas.height);
          const image = await pdf.embedJpg(await canvas.encode('jpeg', 88));
          const width = 595;
          pdf
            .addPage([width, (canvas.height / canvas.width) * width])
            .drawImage(image, { x: 0, y: 0, width, height: (canvas.height / canvas.width) * width });
        }
      } finally {
        await closeDocument(opened);
      }
      const bytes = Buffer.from(await pdf.save());
      const stored = await files.store({ subjectId: room.subject_id, dekId: subject.dekId }, Readable.from([bytes]), {
        fileName: 'redacted.pdf',
        maxBytes: Math.max(ctx.uploadMaxBytes, bytes.length),
        expect: 'pdf',
      });
      const at = ctx.now().toISOString();
      const redacted: VersionRow = {
        id: newId(),
        document_id: documentId,
        room_id: room.id,
        number: await repo.nextVersionNumber(documentId),
        kind: 'redacted',
        format: 'pdf',
        state: 'ready',
        page_count: opened.pages,
        size_bytes: stored.plainBytes,
        has_text_layer: 0,
        blob_key: stored.key,
        source_version_id: version.id,
        created_at: at,
        created_by: principal.accountId,
      };
      await repo.transaction(async (tx, trx) => {
        await tx.insertVersion(redacted);
        await tx.releaseVersion(documentId, redacted.id);
        await audit.appendInTransaction(trx, {
          type: 'dataroom.redaction_applied',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: {
            listingId,
            roomId: room.id,
            documentId,
            sourceVersionId: version.id,
            versionId: redacted.id,
            boxes: input.boxes.length,
            pages: new Set(input.boxes.map((b) => b.page)).size,
          },
        });
      });
      onReleased(room.id);
      const document = await repo.document(room.id, documentId);
      const versions = (await repo.versions(room.id)).filter((v) => v.document_id === documentId);
      const released = versions.find((v) => v.id === document?.released_version_id);
      return {
        id: documentId,
        folderId: document?.folder_id ?? null,
        title: document?.title ?? '',
        released: released ? versionView(released) : null,
        versions: versions.map(versionView),
        level: 'original',
        createdAt: document?.created_at ?? at,
      };
    },
  };
}
