import type { Readable } from 'node:stream';
import type { DataroomFormat, TDataroom, TDataroomDocument, TDataroomList, TDataroomVersion } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { scanFreeText } from '../listings/index.ts';
import { actorOf, type RoomCaller } from './dataroom-access.ts';
import type { DataroomContext } from './dataroom-context.ts';
import type { DocumentRow, RoomRow, VersionRow } from './dataroom-repo.ts';
import { isImage, isOffice } from './file-types.ts';
import { closeDocument, hasTextLayer, openImage, openPdf } from './page-renderer.ts';

/**
 * Free text stored in plaintext and shown to others (titles, folder names, questions, answers) must not carry an
 * identifier, however it is written (the evasion-aware scan the listings and disclosure guards use).
 */
export function guardText(field: string, text: string): string {
  const findings = scanFreeText([{ field, text }], null);
  if (findings.length > 0) throw new AppError('FREE_TEXT_IDENTIFIERS', `${field} contains identifiers`, { findings });
  return text.trim();
}

export function versionView(v: VersionRow): TDataroomVersion {
  return {
    id: v.id,
    number: v.number,
    kind: v.kind,
    format: v.format,
    state: v.state,
    pageCount: v.page_count,
    sizeBytes: v.size_bytes,
    hasTextLayer: v.has_text_layer === 1,
    createdAt: v.created_at,
  };
}

export type UploadInput = { title: string; folderId: string | null; fileName: string; file: Readable };

export function createDocumentOperations(ctx: DataroomContext) {
  const { repo, roomAccess, files, audit } = ctx;
  const now = () => ctx.now().toISOString();

  /** The sell side's first visit opens the room: a vault subject (the room's own data key) and the row, audited. */
  async function ensureRoom(c: RoomCaller, requestId?: string): Promise<RoomRow> {
    if (c.room) return c.room;
    if (c.role === 'buyer') throw new AppError('NOT_FOUND', 'no data room yet');
    const subject = await ctx.vault.createDataRoomSubject();
    const row: RoomRow = {
      id: newId(),
      listing_id: c.parties.listingId,
      subject_id: subject.subjectId,
      created_at: now(),
      created_by: c.principal.accountId,
      shredded_at: null,
    };
    await repo.transaction(async (tx, trx) => {
      await tx.insertRoom(row);
      const stored = await tx.roomOfListing(c.parties.listingId);
      if (stored?.id === row.id) {
        await audit.appendInTransaction(trx, {
          type: 'dataroom.room_opened',
          actor: actorOf(c.principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId: row.listing_id, roomId: row.id },
        });
      }
    });
    const room = await repo.roomOfListing(c.parties.listingId);
    if (!room) throw new AppError('INTERNAL', 'room not stored');
    return room;
  }

  function liveRoom(c: RoomCaller): RoomRow {
    if (!c.room) throw new AppError('NOT_FOUND', 'no data room yet');
    if (c.room.shredded_at) throw new AppError('DATA_ERASED', 'data room erased');
    return c.room;
  }

  /** Parses what was stored: page count and text layer (PDF), dimensions (image). Unreadable → null. */
  async function inspect(room: RoomRow, key: string, format: DataroomFormat): Promise<{ pages: number; text: boolean } | null> {
    try {
      const bytes = new Uint8Array(await files.read(room.subject_id, key));
      const opened = format === 'pdf' ? await openPdf(bytes) : await openImage(bytes);
      try {
        return { pages: opened.pages, text: await hasTextLayer(opened) };
      } finally {
        await closeDocument(opened);
      }
    } catch {
      return null;
    }
  }

  /** Stores an upload as one version (or an office original plus its PDF conversion). Nothing is released here. */
  async function ingest(c: RoomCaller, room: RoomRow, documentId: string, input: UploadInput, requestId?: string): Promise<VersionRow[]> {
    const refused = async (reason: 'type' | 'size' | 'unreadable') =>
      audit.append({
        type: 'dataroom.upload_refused',
        actor: actorOf(c.principal),
        decision: 'denied',
        requestId: requestId ?? null,
        data: { listingId: room.listing_id, roomId: room.id, reason },
      });
    const subject = { subjectId: room.subject_id, dekId: '' };
    const found = await ctx.vault.findSubject(room.subject_id);
    if (!found || found.erased) throw new AppError('DATA_ERASED', 'data room erased');
    subject.dekId = found.dekId;
    const stored = await files
      .store(subject, input.file, { fileName: input.fileName, maxBytes: ctx.uploadMaxBytes })
      .catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'DATAROOM_FILE_TYPE') await refused('type');
        if (error instanceof AppError && error.code === 'DATAROOM_FILE_TOO_LARGE') await refused('size');
        throw error;
      });
    const at = now();
    const number = await repo.nextVersionNumber(documentId);
    const base = { document_id: documentId, room_id: room.id, created_at: at, created_by: c.principal.accountId, source_version_id: null };
    const original: VersionRow = {
      ...base,
      id: newId(),
      number,
      kind: 'original',
      format: stored.format,
      state: 'ready',
      page_count: 0,
      size_bytes: stored.plainBytes,
      has_text_layer: 0,
      blob_key: stored.key,
    };
    if (isOffice(stored.format)) {
      original.state = 'original_only';
      const converted = await ctx.converter
        .convert(await files.open(room.subject_id, stored.key), stored.format, (pdf) =>
          files.store(subject, pdf, { fileName: 'converted.pdf', maxBytes: ctx.uploadMaxBytes * 4, expect: 'pdf' }),
        )
        .catch(() => null);
      const info = converted ? await inspect(room, converted.key, 'pdf') : null;
      if (!converted || !info) return [original];
      return [
        original,
        {
          ...base,
          id: newId(),
          number: number + 1,
          kind: 'converted',
          format: 'pdf',
          state: 'ready',
          page_count: info.pages,
          size_bytes: converted.plainBytes,
          has_text_layer: info.text ? 1 : 0,
          blob_key: converted.key,
          source_version_id: original.id,
        },
      ];
    }
    const info = await inspect(room, stored.key, stored.format);
    if (!info || info.pages < 1) {
      await files.remove(stored.key);
      await refused('unreadable');
      throw new AppError('DATAROOM_FILE_UNREADABLE', 'file could not be parsed');
    }
    original.page_count = isImage(stored.format) ? 1 : info.pages;
    original.has_text_layer = info.text ? 1 : 0;
    return [original];
  }

  async function recordVersions(c: RoomCaller, room: RoomRow, versions: VersionRow[], document: DocumentRow | null, requestId?: string) {
    await repo.transaction(async (tx, trx) => {
      if (document) await tx.insertDocument(document);
      for (const v of versions) await tx.insertVersion(v);
      for (const v of versions) {
        await audit.appendInTransaction(trx, {
          type: 'dataroom.document_uploaded',
          actor: actorOf(c.principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: {
            listingId: room.listing_id,
            roomId: room.id,
            documentId: v.document_id,
            versionId: v.id,
            number: v.number,
            format: v.format,
            state: v.state,
            sizeBytes: v.size_bytes,
            converted: v.kind === 'converted',
          },
        });
      }
    });
  }

  async function documentView(c: RoomCaller, d: DocumentRow, versions: VersionRow[]): Promise<TDataroomDocument> {
    const mine = versions.filter((v) => v.document_id === d.id);
    const released = mine.find((v) => v.id === d.released_version_id) ?? null;
    return {
      id: d.id,
      folderId: d.folder_id,
      title: d.title,
      released: released ? versionView(released) : null,
      versions: c.role === 'buyer' ? [] : mine.map(versionView),
      level: await roomAccess.levelOf(c, d),
      createdAt: d.created_at,
    };
  }

  return {
    ensureRoom,
    liveRoom,

    /** The rooms the caller takes part in (existing rooms only; the adviser opens a room from the listing). */
    async listRooms(principal: Principal): Promise<TDataroomList> {
      const rooms = await repo.allRooms();
      const items: TDataroomList['items'] = [];
      for (const room of rooms) {
        if (room.shredded_at) continue;
        const c = await roomAccess.caller(principal, room.listing_id, undefined, true).catch(() => null);
        if (c) items.push({ listingId: room.listing_id, listingCode: c.parties.listingCode, role: c.role, documents: 0 });
      }
      const counts = await repo.documentCounts(rooms.filter((r) => items.some((i) => i.listingId === r.listing_id)).map((r) => r.id));
      for (const item of items) item.documents = counts.get(rooms.find((r) => r.listing_id === item.listingId)?.id ?? '') ?? 0;
      return { items };
    },

    /** The room as the caller may see it: a buyer sees only released documents their grant has a permission on. */
    async getRoom(principal: Principal, listingId: string, requestId?: string): Promise<TDataroom> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      const room = c.role === 'buyer' ? liveRoom(c) : await ensureRoom(c, requestId);
      if (room.shredded_at) throw new AppError('DATA_ERASED', 'data room erased');
      const [folders, docs, versions] = await Promise.all([repo.folders(room.id), repo.documents(room.id), repo.versions(room.id)]);
      const views = await Promise.all(docs.map((d) => documentView({ ...c, room }, d, versions)));
      const visible = c.role === 'buyer' ? views.filter((d) => d.level !== 'none') : views;
      const usedFolders = new Set(visible.map((d) => d.folderId));
      return {
        listingId,
        listingCode: c.parties.listingCode,
        role: c.role,
        accessUntil: c.grant?.expiresAt ?? null,
        // A buyer sees the folders that hold something shown to them (folder names of others' documents stay hidden).
        folders: folders
          .filter((f) => c.role !== 'buyer' || usedFolders.has(f.id))
          .map((f) => ({ id: f.id, parentId: f.parent_id, name: f.name })),
        documents: visible,
        conversionAvailable: ctx.converter.available,
        uploadMaxBytes: ctx.uploadMaxBytes,
      };
    },

    async createFolder(principal: Principal, listingId: string, input: { name: string; parentId: string | null }, requestId?: string) {
      const c = await roomAccess.broker(principal, listingId, requestId);
      const room = await ensureRoom(c, requestId);
      const name = guardText('name', input.name);
      if (input.parentId && !(await repo.folders(room.id)).some((f) => f.id === input.parentId))
        throw new AppError('NOT_FOUND', 'no such parent folder');
      const id = newId();
      await repo.transaction(async (tx, trx) => {
        await tx.insertFolder({ id, room_id: room.id, parent_id: input.parentId, name, created_at: now() });
        await audit.appendInTransaction(trx, {
          type: 'dataroom.folder_created',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id, folderId: id },
        });
      });
      return { id, parentId: input.parentId, name };
    },

    /**
     * A new document from an upload. Its first version is released at once — harmless, as no grant has a permission
     * on a new document (fail-closed): it stays invisible to every buyer until someone grants it.
     */
    async upload(principal: Principal, listingId: string, input: UploadInput, requestId?: string): Promise<TDataroomDocument> {
      const c = await roomAccess.broker(principal, listingId, requestId);
      const room = await ensureRoom(c, requestId);
      const title = guardText('title', input.title);
      if (input.folderId && !(await repo.folders(room.id)).some((f) => f.id === input.folderId))
        throw new AppError('NOT_FOUND', 'no such folder');
      const documentId = newId();
      const versions = await ingest(c, room, documentId, input, requestId);
      const viewable = versions.find((v) => v.state === 'ready') ?? versions[0] ?? null;
      const document: DocumentRow = {
        id: documentId,
        room_id: room.id,
        folder_id: input.folderId,
        title,
        released_version_id: viewable?.id ?? null,
        created_at: now(),
        created_by: principal.accountId,
      };
      await recordVersions(c, room, versions, document, requestId);
      return documentView({ ...c, room }, document, versions);
    },

    /** A new version of a document: stored, not released — buyers keep seeing the released one until the broker releases this. */
    async addVersion(
      principal: Principal,
      listingId: string,
      documentId: string,
      input: UploadInput,
      requestId?: string,
    ): Promise<TDataroomDocument> {
      const c = await roomAccess.broker(principal, listingId, requestId);
      const room = liveRoom(c);
      const document = await repo.document(room.id, documentId);
      if (!document) throw new AppError('NOT_FOUND', 'no such document');
      const versions = await ingest(c, room, documentId, input, requestId);
      await recordVersions(c, room, versions, null, requestId);
      return documentView({ ...c, room }, document, await repo.versions(room.id));
    },

    /** Makes a version the one buyers with a permission see (a grant decision, audited). */
    async release(
      principal: Principal,
      listingId: string,
      documentId: string,
      versionId: string,
      requestId?: string,
    ): Promise<TDataroomDocument> {
      const c = await roomAccess.broker(principal, listingId, requestId);
      const room = liveRoom(c);
      const document = await repo.document(room.id, documentId);
      const version = await repo.version(versionId);
      if (!document || !version || version.document_id !== documentId) throw new AppError('NOT_FOUND', 'no such version');
      await repo.transaction(async (tx, trx) => {
        await tx.releaseVersion(documentId, versionId);
        await audit.appendInTransaction(trx, {
          type: 'dataroom.version_released',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id, documentId, versionId },
        });
      });
      return documentView({ ...c, room }, { ...document, released_version_id: versionId }, await repo.versions(room.id));
    },
  };
}
