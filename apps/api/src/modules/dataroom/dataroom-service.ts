import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditActor, AuditPort } from '../audit/index.ts';
import type { DisclosureAccess } from '../disclosure/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import type { Vault } from '../vault/index.ts';
import { actorOf, createRoomAccess } from './dataroom-access.ts';
import { createActivityRepo } from './dataroom-activity-repo.ts';
import { createActivityOperations } from './dataroom-activity.ts';
import { createSealedFiles } from './dataroom-blobs.ts';
import type { DataroomContext, ViewerIdentity } from './dataroom-context.ts';
import { createDocumentOperations } from './dataroom-documents.ts';
import { createLeakIdentifier } from './dataroom-identify.ts';
import { createPermissionOperations } from './dataroom-permissions.ts';
import { createRedactionOperations } from './dataroom-redaction.ts';
import { createDataroomRepo } from './dataroom-repo.ts';
import { createViewer } from './dataroom-viewer.ts';
import type { OfficeConverter } from './office-conversion.ts';
import type { BlobStore } from './storage/blob-store.ts';
import { createLayout } from './watermark/pattern.ts';

export type DataroomServiceDeps = {
  db: Kysely<Database>;
  /** L2 grants and the listing's parties, asked on every request (never cached). */
  access: DisclosureAccess;
  vault: Pick<Vault, 'createDataRoomSubject' | 'findSubject' | 'sealFileStream' | 'openFileStream' | 'eraseSubject'>;
  blobs: BlobStore;
  audit: AuditPort;
  notifications?: NotificationsPort;
  converter: OfficeConverter;
  /** The viewer's masked name (vault.maskFields, never a full name) and customer number, for the visible watermark. */
  viewerIdentity: (accountId: string) => Promise<ViewerIdentity>;
  /** The secret the invisible watermark's pattern is derived from (stable across instances and restarts). */
  watermarkSecret: Buffer;
  uploadMaxBytes: number;
  /** Bound of the in-memory LRU of un-watermarked page bitmaps. */
  renderCacheBytes: number;
  now?: () => Date;
};

export type DataroomService = ReturnType<typeof createDataroomService>;

/** The data room (issue 12): see NOTES.md for the invariants. Every operation begins with its access check. */
export function createDataroomService(deps: DataroomServiceDeps) {
  const repo = createDataroomRepo(deps.db);
  const ctx: DataroomContext = {
    repo,
    roomAccess: createRoomAccess({ repo, access: deps.access, audit: deps.audit }),
    access: deps.access,
    files: createSealedFiles({ vault: deps.vault, blobs: deps.blobs }),
    audit: deps.audit,
    vault: deps.vault,
    notifications: deps.notifications,
    converter: deps.converter,
    viewerIdentity: deps.viewerIdentity,
    layout: createLayout(deps.watermarkSecret),
    uploadMaxBytes: deps.uploadMaxBytes,
    now: deps.now ?? (() => new Date()),
  };
  const documents = createDocumentOperations(ctx);
  const viewer = createViewer(ctx, { cacheBytes: deps.renderCacheBytes });
  const activity = createActivityOperations(ctx, createActivityRepo(deps.db));
  const identify = createLeakIdentifier(ctx);

  return {
    ...documents,
    permissions: createPermissionOperations(ctx),
    page: viewer.page,
    download: viewer.download,
    renderCache: viewer.cache,
    redaction: createRedactionOperations(ctx, (roomId) => viewer.forgetRoom(roomId)),
    questions: activity.questions,
    ask: activity.ask,
    answer: activity.answer,
    publish: activity.publish,
    beacons: activity.beacons,
    analytics: activity.analytics,
    analyticsCsv: activity.analyticsCsv,
    blobStoreKind: deps.blobs.kind,

    /** Leak attribution from the API: the caller learns only about rooms they manage. */
    identifyForManager(principal: Principal, bytes: Buffer, requestId?: string) {
      return identify(bytes, {
        actor: actorOf(principal),
        channel: 'api',
        mayKnow: async (listingId) =>
          ctx.roomAccess.manager(principal, listingId, requestId, true).then(
            () => true,
            () => false,
          ),
      });
    },

    /** Leak attribution for the operator (`npm run cli -- watermark identify <file>`). */
    identifyForOperator(bytes: Buffer, actor: AuditActor) {
      return identify(bytes, { actor, channel: 'cli', mayKnow: async () => true });
    },

    /**
     * Crypto-shreds a listing's data room: its data key is destroyed (every sealed file, in every store and backup,
     * becomes unreadable), cached bitmaps are dropped and the room is marked erased. Only the listing's adviser.
     */
    async shred(principal: Principal, listingId: string, reason: string, requestId?: string): Promise<void> {
      const c = await ctx.roomAccess.broker(principal, listingId, requestId);
      if (!c.room) throw new AppError('NOT_FOUND', 'no data room');
      const room = c.room;
      await deps.vault.eraseSubject(
        room.subject_id,
        { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
        reason,
        requestId,
      );
      await repo.transaction(async (tx, trx) => {
        await tx.markShredded(room.id, ctx.now().toISOString());
        await deps.audit.appendInTransaction(trx, {
          type: 'dataroom.room_shredded',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id },
        });
      });
      viewer.forgetRoom(room.id);
    },
  };
}
