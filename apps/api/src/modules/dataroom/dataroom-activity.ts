import type { TDataroomAnalytics, TQuestion } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids/index.ts';
import { actorOf, type RoomCaller } from './dataroom-access.ts';
import type { ActivityRepo, QuestionRow } from './dataroom-activity-repo.ts';
import type { DataroomContext } from './dataroom-context.ts';
import { guardText } from './dataroom-documents.ts';

/** Beacons older than this after the page's rendering are not credited (a tab left open overnight). */
const BEACON_WINDOW_MS = 60 * 60_000;

function liveRoomOf(c: RoomCaller) {
  if (!c.room || c.room.shredded_at) throw new AppError('NOT_FOUND', 'no live data room');
  return c.room;
}

/**
 * Q&A and view analytics. Questions and answers are stored in plaintext and shown to others, so both sides pass the
 * identifier guard. A buyer sees their own questions and those published to every buyer; the seller and adviser see
 * all, naming askers by alias. Analytics count page renderings for viewing and add the dwell time the viewer's
 * beacons report (only for pages actually rendered for that viewer in the last hour).
 */
export function createActivityOperations(ctx: DataroomContext, activity: ActivityRepo) {
  const { roomAccess, audit } = ctx;
  const now = () => ctx.now().toISOString();

  const aliasOf = (c: RoomCaller, accountId: string) => ctx.access.buyerAlias(c.parties.listingId, accountId);

  function questionView(c: RoomCaller, q: QuestionRow): TQuestion {
    const mine = q.asker_account_id === c.principal.accountId;
    return {
      id: q.id,
      documentId: q.document_id,
      askedBy: mine ? 'you' : aliasOf(c, q.asker_account_id),
      mine,
      text: q.text,
      askedAt: q.asked_at,
      published: q.published === 1,
      answer:
        q.answer_text && q.answered_role && q.answered_at ? { text: q.answer_text, by: q.answered_role, answeredAt: q.answered_at } : null,
    };
  }

  return {
    async questions(principal: Principal, listingId: string, requestId?: string): Promise<{ items: TQuestion[] }> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      const room = liveRoomOf(c);
      const rows = await activity.questions(room.id);
      const visible = c.role === 'buyer' ? rows.filter((q) => q.asker_account_id === principal.accountId || q.published === 1) : rows;
      return { items: visible.map((q) => questionView(c, q)) };
    },

    async ask(
      principal: Principal,
      listingId: string,
      input: { text: string; documentId: string | null },
      requestId?: string,
    ): Promise<TQuestion> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      if (c.role !== 'buyer' || !c.grant) throw new AppError('FORBIDDEN', 'buyers ask, the sell side answers');
      const room = liveRoomOf(c);
      if (input.documentId) await roomAccess.require(c, await ctx.repo.document(room.id, input.documentId), 'view', requestId);
      const row: QuestionRow = {
        id: newId(),
        room_id: room.id,
        document_id: input.documentId,
        asker_account_id: principal.accountId,
        text: guardText('text', input.text),
        asked_at: now(),
        published: 0,
        answer_text: null,
        answered_by: null,
        answered_role: null,
        answered_at: null,
      };
      const grantId = c.grant.grantId;
      await ctx.repo.transaction(async (_tx, trx) => {
        await trx.insertInto('dataroom_questions').values(row).execute();
        await audit.appendInTransaction(trx, {
          type: 'dataroom.question_asked',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id, questionId: row.id, grantId },
        });
      });
      const params = { code: c.parties.listingCode, alias: c.grant.buyerAlias };
      const notices = [
        {
          accountId: c.parties.sellerAccountId,
          kind: 'dataroom_question_asked' as const,
          params,
          link: `/account/dataroom?listing=${listingId}`,
        },
      ];
      if (c.parties.brokerAccountId)
        notices.push({
          accountId: c.parties.brokerAccountId,
          kind: 'dataroom_question_asked',
          params,
          link: `/console/dataroom?listing=${listingId}`,
        });
      await ctx.notifications?.notifyMany(notices).catch(() => undefined);
      return questionView(c, row);
    },

    async answer(principal: Principal, listingId: string, questionId: string, text: string, requestId?: string): Promise<TQuestion> {
      const c = await roomAccess.manager(principal, listingId, requestId);
      const room = liveRoomOf(c);
      const q = await activity.question(room.id, questionId);
      if (!q) throw new AppError('NOT_FOUND', 'no such question');
      const answer = guardText('text', text);
      const at = now();
      const role = c.role === 'broker' ? 'broker' : 'seller';
      await ctx.repo.transaction(async (_tx, trx) => {
        await trx
          .updateTable('dataroom_questions')
          .set({ answer_text: answer, answered_by: principal.accountId, answered_role: role, answered_at: at })
          .where('id', '=', q.id)
          .execute();
        await audit.appendInTransaction(trx, {
          type: 'dataroom.question_answered',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id, questionId },
        });
      });
      await ctx.notifications
        ?.notify({
          accountId: q.asker_account_id,
          kind: 'dataroom_question_answered',
          params: { code: c.parties.listingCode },
          link: `/account/dataroom?listing=${listingId}`,
        })
        .catch(() => undefined);
      return questionView(c, { ...q, answer_text: answer, answered_by: principal.accountId, answered_role: role, answered_at: at });
    },

    async publish(principal: Principal, listingId: string, questionId: string, published: boolean, requestId?: string): Promise<TQuestion> {
      const c = await roomAccess.manager(principal, listingId, requestId);
      const room = liveRoomOf(c);
      const q = await activity.question(room.id, questionId);
      if (!q) throw new AppError('NOT_FOUND', 'no such question');
      await ctx.repo.transaction(async (_tx, trx) => {
        await trx
          .updateTable('dataroom_questions')
          .set({ published: published ? 1 : 0 })
          .where('id', '=', q.id)
          .execute();
        await audit.appendInTransaction(trx, {
          type: 'dataroom.question_published',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: room.id, questionId, published },
        });
      });
      return questionView(c, { ...q, published: published ? 1 : 0 });
    },

    /** Dwell beacons from the viewer; only pages rendered for this caller within the last hour are credited. */
    async beacons(
      principal: Principal,
      listingId: string,
      beacons: { documentId: string; page: number; dwellMs: number }[],
      requestId?: string,
    ): Promise<{ accepted: number }> {
      const c = await roomAccess.caller(principal, listingId, requestId);
      const room = liveRoomOf(c);
      const since = new Date(ctx.now().getTime() - BEACON_WINDOW_MS).toISOString();
      const rows = [];
      for (const b of beacons) {
        if (!(await activity.renderedRecently(room.id, b.documentId, b.page, principal.accountId, since))) continue;
        rows.push({
          id: newId(),
          room_id: room.id,
          document_id: b.documentId,
          page: b.page,
          viewer_account_id: principal.accountId,
          grant_id: c.grant?.grantId ?? null,
          dwell_ms: b.dwellMs,
          at: now(),
        });
      }
      await activity.insertDwell(rows);
      return { accepted: rows.length };
    },

    /** Views and dwell per viewer (buyers by alias), document, page and day — for the seller and the adviser. */
    async analytics(principal: Principal, listingId: string, requestId?: string): Promise<TDataroomAnalytics> {
      const c = await roomAccess.manager(principal, listingId, requestId);
      if (!c.room) return { byViewer: [], byDocument: [], byPage: [], byDay: [] };
      const [views, dwell, documents] = await Promise.all([
        activity.views(c.room.id),
        activity.dwell(c.room.id),
        ctx.repo.documents(c.room.id),
      ]);
      const who = (accountId: string) =>
        accountId === c.parties.sellerAccountId ? 'seller' : accountId === c.parties.brokerAccountId ? 'broker' : aliasOf(c, accountId);
      const viewer = new Map<string, { views: number; dwellMs: number; lastViewedAt: string | null }>();
      const doc = new Map<string, { views: number; dwellMs: number; viewers: Set<string> }>();
      const page = new Map<string, { documentId: string; page: number; views: number; dwellMs: number }>();
      const day = new Map<string, number>();
      const bump = (accountId: string, documentId: string, p: number, viewsAdd: number, dwellAdd: number, at?: string) => {
        const v = viewer.get(who(accountId)) ?? { views: 0, dwellMs: 0, lastViewedAt: null };
        v.views += viewsAdd;
        v.dwellMs += dwellAdd;
        if (at && (!v.lastViewedAt || at > v.lastViewedAt)) v.lastViewedAt = at;
        viewer.set(who(accountId), v);
        const d = doc.get(documentId) ?? { views: 0, dwellMs: 0, viewers: new Set<string>() };
        d.views += viewsAdd;
        d.dwellMs += dwellAdd;
        d.viewers.add(accountId);
        doc.set(documentId, d);
        const key = `${documentId}:${p}`;
        const pg = page.get(key) ?? { documentId, page: p, views: 0, dwellMs: 0 };
        pg.views += viewsAdd;
        pg.dwellMs += dwellAdd;
        page.set(key, pg);
      };
      for (const v of views) {
        bump(v.viewer_account_id, v.document_id, v.page, 1, 0, v.rendered_at);
        const d = new Date(Date.parse(v.rendered_at) + 8 * 3600_000).toISOString().slice(0, 10);
        day.set(d, (day.get(d) ?? 0) + 1);
      }
      for (const d of dwell) bump(d.viewer_account_id, d.document_id, d.page, 0, d.dwell_ms);
      const title = new Map(documents.map((d) => [d.id, d.title]));
      return {
        byViewer: [...viewer.entries()].map(([name, v]) => ({ viewer: name, ...v })).sort((a, b) => b.views - a.views),
        byDocument: [...doc.entries()]
          .map(([documentId, d]) => ({
            documentId,
            title: title.get(documentId) ?? '',
            views: d.views,
            dwellMs: d.dwellMs,
            viewers: d.viewers.size,
          }))
          .sort((a, b) => b.views - a.views),
        byPage: [...page.values()].sort((a, b) => (a.documentId === b.documentId ? a.page - b.page : a.documentId < b.documentId ? -1 : 1)),
        byDay: [...day.entries()].map(([d, n]) => ({ day: d, views: n })).sort((a, b) => (a.day < b.day ? -1 : 1)),
      };
    },

    /** The per-page table as CSV (UTF-8 with BOM so Excel opens Chinese titles), audited as an export. */
    async analyticsCsv(principal: Principal, listingId: string, requestId?: string): Promise<string> {
      const data = await this.analytics(principal, listingId, requestId);
      const c = await roomAccess.manager(principal, listingId, requestId);
      const title = new Map(data.byDocument.map((d) => [d.documentId, d.title]));
      const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
      const lines = ['section,viewer_or_document,page,views,dwell_seconds'];
      for (const v of data.byViewer) lines.push(['viewer', quote(v.viewer), '', v.views, Math.round(v.dwellMs / 1000)].join(','));
      for (const d of data.byDocument) lines.push(['document', quote(d.title), '', d.views, Math.round(d.dwellMs / 1000)].join(','));
      for (const p of data.byPage)
        lines.push(['page', quote(title.get(p.documentId) ?? p.documentId), p.page, p.views, Math.round(p.dwellMs / 1000)].join(','));
      if (c.room) {
        await audit.append({
          type: 'dataroom.analytics_exported',
          actor: actorOf(principal),
          decision: 'allowed',
          requestId: requestId ?? null,
          data: { listingId, roomId: c.room.id, rows: lines.length - 1 },
        });
      }
      return `\uFEFF${lines.join('\n')}\n`;
    },
  };
}
