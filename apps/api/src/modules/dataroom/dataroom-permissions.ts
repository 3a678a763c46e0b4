import type { TPermissionMatrix, TSetPermissionRequest } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { actorOf } from './dataroom-access.ts';
import type { DataroomContext } from './dataroom-context.ts';
import type { FolderRow } from './dataroom-repo.ts';

function foldersUnder(folders: FolderRow[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parent_id && out.has(f.parent_id) && !out.has(f.id)) {
        out.add(f.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Per-grant permissions. Only rows grant documents: a new document or version, or a new grant, starts with none.
 * A folder permission is applied to the documents in it *now*; documents added later are not shared by it (the
 * best-known complaint about data rooms is files auto-shared to a whole group).
 */
export function createPermissionOperations(ctx: DataroomContext) {
  const { repo, roomAccess, audit } = ctx;
  return {
    async set(principal: Principal, listingId: string, input: TSetPermissionRequest, requestId?: string): Promise<TPermissionMatrix> {
      const c = await roomAccess.manager(principal, listingId, requestId);
      if (!c.room || c.room.shredded_at) throw new AppError('NOT_FOUND', 'no live data room');
      const room = c.room;
      const grants = await ctx.access.grantsOf(listingId, 'L2');
      const grant = grants.find((g) => g.grantId === input.grantId);
      if (!grant) throw new AppError('NOT_FOUND', 'no such L2 grant on this listing');
      // Granting needs a grant that is active now; taking away works on any grant.
      if (input.level !== 'none' && !grant.active) throw new AppError('CONFLICT', 'the L2 grant is not active');
      const [documents, folders] = await Promise.all([repo.documents(room.id), repo.folders(room.id)]);
      const inFolders = input.target.type === 'folder' ? foldersUnder(folders, input.target.id) : new Set<string>();
      const targets =
        input.target.type === 'document'
          ? documents.filter((d) => d.id === input.target.id)
          : documents.filter((d) => d.folder_id !== null && inFolders.has(d.folder_id));
      if (input.target.type === 'document' && targets.length === 0) throw new AppError('NOT_FOUND', 'no such document');
      if (input.target.type === 'folder' && !folders.some((f) => f.id === input.target.id))
        throw new AppError('NOT_FOUND', 'no such folder');
      const at = ctx.now().toISOString();
      await repo.transaction(async (tx, trx) => {
        for (const d of targets) {
          if (input.level === 'none') await tx.clearPermission(input.grantId, d.id);
          else
            await tx.setPermission({
              grant_id: input.grantId,
              document_id: d.id,
              room_id: room.id,
              level: input.level,
              granted_at: at,
              granted_by: principal.accountId,
            });
        }
        await audit.appendInTransaction(trx, {
          type: 'dataroom.permission_changed',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: {
            listingId,
            roomId: room.id,
            grantId: input.grantId,
            level: input.level,
            target: input.target.type,
            targetId: input.target.id,
            documents: targets.length,
          },
        });
      });
      // The buyer hears that documents were opened to them (count and listing code only).
      const buyer = input.level !== 'none' && targets.length ? await ctx.access.buyerOfGrant(input.grantId) : null;
      if (buyer)
        await ctx.notifications?.notify({
          accountId: buyer,
          kind: 'dataroom_documents_shared',
          params: { code: grant.listingCode, count: targets.length },
          link: '/account/dataroom',
        });
      return this.matrix(principal, listingId, requestId);
    },

    /** Who can see what: every L2 grant of the listing × every document, with the grant's state as the seller sees it. */
    async matrix(principal: Principal, listingId: string, requestId?: string): Promise<TPermissionMatrix> {
      const c = await roomAccess.manager(principal, listingId, requestId);
      if (!c.room) return { grants: [], documents: [], cells: [] };
      const [grants, documents, rows] = await Promise.all([
        ctx.access.grantsOf(listingId, 'L2'),
        repo.documents(c.room.id),
        repo.permissionsOfRoom(c.room.id),
      ]);
      return {
        grants: grants.map((g) => ({
          grantId: g.grantId,
          buyerAlias: g.buyerAlias,
          state: g.state,
          active: g.active,
          expiresAt: g.expiresAt,
        })),
        documents: documents.map((d) => ({ id: d.id, title: d.title, folderId: d.folder_id, released: d.released_version_id !== null })),
        cells: rows.map((r) => ({ grantId: r.grant_id, documentId: r.document_id, level: r.level })),
      };
    },
  };
}
