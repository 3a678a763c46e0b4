import type { TEducationItem, TEducationList, TReviseEducationRequest } from '@sealbridge/contracts';
import type { EducationItemsTable } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/index.ts';
import { assertNoIdentifiers } from '../../platform/free-text/free-text-guard.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { AuditPort } from '../audit/index.ts';
import { createEducationRepo, type EducationRepo } from './education-repo.ts';

export type EducationDeps = { repo: EducationRepo; audit: Pick<AuditPort, 'appendInTransaction'>; now?: () => Date };

const toItem = (r: EducationItemsTable): TEducationItem => ({
  code: r.code,
  kind: r.kind,
  audience: r.audience,
  position: r.position,
  revision: r.revision,
  text: { 'zh-CN': r.text_zh, en: r.text_en },
  updatedAt: r.updated_at,
});

/**
 * Customer education (issue 19 item 6): the guides and in-flow tips are content. Anyone reads the latest revision
 * (they are public advice, personal to nobody); the privacy officer publishes a new revision of an existing item
 * (route permission `program.manage`), its text checked by the identifier guard, audited by code and revision.
 * It never creates items: a tip needs a place in the product, which is code.
 */
export function createEducationService(deps: EducationDeps) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async list(): Promise<TEducationList> {
      return { items: (await repo.latest()).map(toItem) };
    },

    async revise(principal: Principal, code: string, input: TReviseEducationRequest, requestId?: string): Promise<TEducationItem> {
      const current = await repo.latestOf(code);
      if (!current) throw new AppError('NOT_FOUND', 'no such guide or tip');
      assertNoIdentifiers([
        { field: 'zh-CN', text: input['zh-CN'] },
        { field: 'en', text: input.en },
      ]);
      const row: EducationItemsTable = {
        ...current,
        revision: current.revision + 1,
        text_zh: input['zh-CN'],
        text_en: input.en,
        updated_by: principal.accountId,
        updated_at: now().toISOString(),
      };
      await repo.transaction(async (trx) => {
        await createEducationRepo(trx).insert(row);
        await audit.appendInTransaction(trx, {
          type: 'education.item_revised',
          actor: { accountId: principal.accountId, role: principal.roles.join(',') || null, sessionId: principal.sessionId },
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { code, revision: row.revision },
        });
      });
      return toItem(row);
    },
  };
}

export type EducationService = ReturnType<typeof createEducationService>;
