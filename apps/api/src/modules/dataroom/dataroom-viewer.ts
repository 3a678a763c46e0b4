import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { actorOf, type RoomCaller } from './dataroom-access.ts';
import type { DataroomContext } from './dataroom-context.ts';
import type { RoomRow, VersionRow } from './dataroom-repo.ts';
import { MEDIA_TYPES } from './file-types.ts';
import { closeDocument, openImage, openPdf, renderPage, type OpenedDocument } from './page-renderer.ts';
import { createLru } from './render-cache.ts';
import { applyInvisible, applyVisible, invisibleTile } from './watermark/embed.ts';
import { formatCode } from './watermark/payload.ts';

export type RenderedPage = { jpeg: Buffer; code: string; width: number; height: number };
export type Download = { stream: Readable; mediaType: string; fileName: string };

/** Time on the page in Beijing time, as the watermark prints it. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Page images with burnt-in watermarks, and downloads. Every rendering gets a fresh random 32-bit code that is
 * printed on the page and hidden in it; the code, grant, viewer, document, page and time are stored and the view
 * audited *before* the picture is made. Un-watermarked bitmaps are kept in a bounded in-memory LRU (never on disk).
 */
export function createViewer(ctx: DataroomContext, options: { cacheBytes: number; documentCacheEntries?: number }) {
  const { repo, roomAccess, files, audit } = ctx;
  const bitmaps = createLru<Canvas>(options.cacheBytes, (c) => c.width * c.height * 4);
  const documents = createLru<Promise<OpenedDocument>>(
    options.documentCacheEntries ?? 4,
    () => 1,
    (d) => void d.then(closeDocument, () => undefined),
  );

  function opened(room: RoomRow, version: VersionRow): Promise<OpenedDocument> {
    const key = `${room.id}:${version.id}`;
    const cached = documents.get(key);
    if (cached) return cached;
    const loading = files
      .read(room.subject_id, version.blob_key)
      .then((bytes) => (version.format === 'pdf' ? openPdf(new Uint8Array(bytes)) : openImage(new Uint8Array(bytes))));
    loading.catch(() => documents.forget(key));
    documents.set(key, loading);
    return loading;
  }

  async function bitmap(room: RoomRow, version: VersionRow, page: number): Promise<Canvas> {
    const key = `${room.id}:${version.id}:${page}`;
    const cached = bitmaps.get(key);
    if (cached) return cached;
    const canvas = await renderPage(await opened(room, version), page);
    bitmaps.set(key, canvas);
    return canvas;
  }

  /** Composes base + invisible pattern + visible text for one code. */
  async function watermarked(
    room: RoomRow,
    version: VersionRow,
    page: number,
    viewerAccountId: string,
    code: number,
    at: Date,
  ): Promise<Canvas> {
    const base = await bitmap(room, version, page);
    const canvas = createCanvas(base.width, base.height);
    const c2d = canvas.getContext('2d');
    c2d.drawImage(base, 0, 0);
    applyInvisible(c2d, base.width, base.height, invisibleTile(ctx.layout, code));
    const who = await ctx.viewerIdentity(viewerAccountId);
    applyVisible(c2d, base.width, base.height, {
      maskedName: who.maskedName,
      accountNo: who.accountNo,
      time: beijingTime(at),
      code: formatCode(code),
    });
    return canvas;
  }

  /** A fresh code recorded for (grant, viewer, document, page, time); retried on the rare collision. */
  async function record(
    c: RoomCaller,
    room: RoomRow,
    version: VersionRow,
    page: number,
    kind: 'view' | 'download',
    at: Date,
    inTransaction?: (code: string) => Promise<void>,
  ): Promise<number> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = randomInt(0, 2 ** 32 - 1);
      const ok = await repo
        .transaction(async (tx, trx) => {
          await tx.insertRendering({
            code: formatCode(code),
            room_id: room.id,
            document_id: version.document_id,
            version_id: version.id,
            page,
            grant_id: c.grant?.grantId ?? null,
            viewer_account_id: c.principal.accountId,
            kind,
            rendered_at: at.toISOString(),
          });
          if (kind === 'view') {
            await audit.appendInTransaction(trx, {
              type: 'dataroom.page_viewed',
              actor: actorOf(c.principal),
              decision: 'allowed',
              data: {
                listingId: room.listing_id,
                roomId: room.id,
                documentId: version.document_id,
                versionId: version.id,
                page,
                grantId: c.grant?.grantId ?? null,
                code: formatCode(code),
              },
            });
          }
          await inTransaction?.(formatCode(code));
        })
        .then(
          () => true,
          (error: unknown) => (attempt < 4 && /unique|duplicate|constraint/i.test(String(error)) ? false : Promise.reject(error)),
        );
      if (ok) return code;
    }
    throw new AppError('INTERNAL', 'no free rendering code');
  }

  /** The version a caller sees: buyers the released one; managers any version they name (default: released, else newest). */
  async function versionFor(
    c: RoomCaller,
    documentId: string,
    versionId: string | undefined,
    needed: 'view' | 'download_watermarked' | 'original',
    requestId?: string,
  ) {
    const room = c.room;
    if (!room || room.shredded_at) throw new AppError(room ? 'DATA_ERASED' : 'NOT_FOUND', 'no live data room');
    const { document } = await roomAccess.require(c, await repo.document(room.id, documentId), needed, requestId);
    const wanted = c.role === 'buyer' ? document.released_version_id : (versionId ?? document.released_version_id);
    const version = wanted ? await repo.version(wanted) : (await repo.versions(room.id)).find((v) => v.document_id === documentId);
    if (!version || version.document_id !== documentId)
      throw new AppError(c.role === 'buyer' ? 'DATAROOM_NOT_READY' : 'NOT_FOUND', 'no such version');
    return { room, document, version };
  }

  return {
    cache: { bitmaps, documents },

    /** One watermarked page as a JPEG. */
    async page(
      principal: Principal,
      listingId: string,
      documentId: string,
      page: number,
      versionId: string | undefined,
      requestId?: string,
    ): Promise<RenderedPage> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      const { room, version } = await versionFor(c, documentId, versionId, 'view', requestId);
      if (version.state !== 'ready') throw new AppError('DATAROOM_NOT_READY', 'original kept as uploaded; not viewable');
      if (page < 1 || page > version.page_count) throw new AppError('NOT_FOUND', 'no such page');
      const at = ctx.now();
      const code = await record(c, room, version, page, 'view', at);
      const canvas = await watermarked(room, version, page, principal.accountId, code, at);
      return { jpeg: await canvas.encode('jpeg', 82), code: formatCode(code), width: canvas.width, height: canvas.height };
    },

    /**
     * A flattened PDF rebuilt from watermarked page images (nothing of the original's text or layers survives), or —
     * with the `original` permission only — the released file itself, decrypted as it streams.
     */
    async download(
      principal: Principal,
      listingId: string,
      documentId: string,
      form: 'watermarked' | 'original',
      requestId?: string,
    ): Promise<Download> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      const { room, document, version } = await versionFor(
        c,
        documentId,
        undefined,
        form === 'original' ? 'original' : 'download_watermarked',
        requestId,
      );
      const at = ctx.now();
      const data = (codes: string[]) => ({
        listingId,
        roomId: room.id,
        documentId,
        versionId: version.id,
        grantId: c.grant?.grantId ?? null,
        form,
        codes,
      });
      const safeTitle = document.title.replace(/[\\/:*?"<>|]/g, '_');
      if (form === 'original') {
        await audit.append({
          type: 'dataroom.document_downloaded',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: data([]),
        });
        return {
          stream: await files.open(room.subject_id, version.blob_key),
          mediaType: MEDIA_TYPES[version.format],
          fileName: `${safeTitle}.${version.format}`,
        };
      }
      if (version.state !== 'ready') throw new AppError('DATAROOM_NOT_READY', 'original kept as uploaded; not viewable');
      const codes: number[] = [];
      for (let page = 1; page <= version.page_count; page++) codes.push(await record(c, room, version, page, 'download', at));
      await audit.append({
        type: 'dataroom.document_downloaded',
        actor: actorOf(principal),
        decision: 'allowed',
        requestId: requestId ?? null,
        data: data(codes.map(formatCode)),
      });
      const pdf = await PDFDocument.create();
      for (let page = 1; page <= version.page_count; page++) {
        const canvas = await watermarked(room, version, page, principal.accountId, codes[page - 1] ?? 0, at);
        const image = await pdf.embedJpg(await canvas.encode('jpeg', 85));
        // A4-ish points: the page keeps the rendering's aspect ratio at 595 pt wide.
        const width = 595;
        const height = (canvas.height / canvas.width) * width;
        pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
      }
      const bytes = await pdf.save();
      return { stream: Readable.from([Buffer.from(bytes)]), mediaType: 'application/pdf', fileName: `${safeTitle}.pdf` };
    },

    /** Drops every cached bitmap and parsed document of a room (after crypto-shredding, or a redaction). */
    forgetRoom(roomId: string) {
      bitmaps.forget(`${roomId}:`);
      documents.forget(`${roomId}:`);
    },
  };
}

export type Viewer = ReturnType<typeof createViewer>;
