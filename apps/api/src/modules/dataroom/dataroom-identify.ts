import type { TIdentifyResult } from '@sealbridge/contracts';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { AuditActor } from '../audit/index.ts';
import type { DataroomContext } from './dataroom-context.ts';
import { sniffFormat } from './file-types.ts';
import { closeDocument, openPdf, renderPage } from './page-renderer.ts';
import { detectWatermark, toGray, type Detection, type Gray } from './watermark/detect.ts';
import { formatCode } from './watermark/payload.ts';

/** At most this many pages of a leaked PDF are examined (the first that names a rendering wins). */
const MAX_PAGES = 60;

async function picturesOf(bytes: Buffer): Promise<Gray[]> {
  const format = sniffFormat(bytes.subarray(0, 64), 'leak');
  if (format === 'jpeg' || format === 'png') {
    const image = await loadImage(bytes);
    const canvas = createCanvas(image.width, image.height);
    const c2d = canvas.getContext('2d');
    c2d.fillStyle = '#fff';
    c2d.fillRect(0, 0, image.width, image.height);
    c2d.drawImage(image, 0, 0);
    return [toGray(c2d.getImageData(0, 0, image.width, image.height).data, image.width, image.height)];
  }
  if (format !== 'pdf') return [];
  const opened = await openPdf(new Uint8Array(bytes));
  try {
    const out: Gray[] = [];
    for (let page = 1; page <= Math.min(opened.pages, MAX_PAGES); page++) {
      const canvas = await renderPage(opened, page);
      out.push(toGray(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height));
    }
    return out;
  } finally {
    await closeDocument(opened);
  }
}

const NOTHING: Omit<TIdentifyResult, 'syncZ'> = {
  found: false,
  code: null,
  listingCode: null,
  viewer: null,
  grantId: null,
  documentTitle: null,
  page: null,
  renderedAt: null,
  kind: null,
};

/**
 * Leak attribution: finds the hidden code in a leaked page (image or PDF) and names the rendering it came from —
 * grant, viewer (as the seller knows them: the buyer's alias), document, page and time. Every run is audited,
 * found or not. `mayKnow` decides whether the caller may learn about that listing (the API: its seller or adviser;
 * the operator's CLI: always); otherwise the answer is "not found", as for a page without a watermark.
 */
export function createLeakIdentifier(ctx: DataroomContext) {
  return async function identify(
    bytes: Buffer,
    who: { actor: AuditActor; channel: 'cli' | 'api'; mayKnow: (listingId: string) => Promise<boolean> },
  ): Promise<TIdentifyResult> {
    let best: Detection = { code: null, syncZ: 0, scale: 1, tiles: 0 };
    let result: TIdentifyResult = { ...NOTHING, syncZ: 0 };
    let roomId: string | null = null;
    for (const picture of await picturesOf(bytes)) {
      const detection = detectWatermark(picture, ctx.layout);
      if (detection.syncZ > best.syncZ) best = detection;
      if (detection.code === null) continue;
      const rendering = await ctx.repo.rendering(formatCode(detection.code));
      if (!rendering) continue;
      const room = (await ctx.repo.allRooms()).find((r) => r.id === rendering.room_id);
      if (!room || !(await who.mayKnow(room.listing_id))) continue;
      const parties = await ctx.access.partiesOf(room.listing_id);
      const document = await ctx.repo.document(room.id, rendering.document_id);
      const side =
        rendering.viewer_account_id === parties?.sellerAccountId
          ? 'seller'
          : rendering.viewer_account_id === parties?.brokerAccountId
            ? 'broker'
            : null;
      roomId = room.id;
      result = {
        found: true,
        syncZ: detection.syncZ,
        code: rendering.code,
        listingCode: parties?.listingCode ?? null,
        viewer: side ?? ctx.access.buyerAlias(room.listing_id, rendering.viewer_account_id),
        grantId: rendering.grant_id,
        documentTitle: document?.title ?? null,
        page: rendering.page,
        renderedAt: rendering.rendered_at,
        kind: rendering.kind,
      };
      break;
    }
    if (!result.found) result = { ...NOTHING, syncZ: best.syncZ };
    await ctx.audit.append({
      type: 'dataroom.leak_identified',
      actor: who.actor,
      decision: 'allowed',
      data: {
        found: result.found,
        code: result.code,
        roomId,
        grantId: result.grantId,
        syncZ: Math.round(result.syncZ * 100) / 100,
        channel: who.channel,
      },
    });
    return result;
  };
}
