import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createConsentRepo } from '../../src/modules/consent/index.ts';
import { createTicketService, type TicketService } from '../../src/modules/consent/privacy-tickets.ts';
import { loadChinaCalendar } from '../../src/platform/calendar/index.ts';
import { authHeaders, type Session } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createRightsFixture, officerPrincipal, principal, type RightsFixture } from '../rights/rights-fixture.ts';

/** Issue 14 item 5, last sentence: privacy feedback tickets are answered like rights requests. */
for (const dialect of DIALECTS) {
  describe(`privacy feedback tickets answered like rights requests (${dialect})`, () => {
    let f: RightsFixture;
    let timed: TicketService;
    const notices: { accountId: string; kind: string; params: Readonly<Record<string, string | number>> }[] = [];
    let sent = 0;
    const feedback = (session: Session | null, payload: Record<string, unknown>) => {
      sent += 1;
      return f.t.app.inject({
        method: 'POST',
        url: '/api/privacy/feedback',
        remoteAddress: `10.252.${Math.floor(sent / 250)}.${(sent % 250) + 1}`,
        ...(session ? { headers: authHeaders(session) } : {}),
        payload,
      });
    };
    const ticketOf = async (ticketNo: string) => {
      const res = await f.t.app.inject({ url: '/api/staff/privacy/tickets', headers: authHeaders(f.officer) });
      assert.equal(res.statusCode, 200, res.body);
      const found = (res.json().tickets as { id: string; ticketNo: string }[]).find((t) => t.ticketNo === ticketNo);
      assert.ok(found, ticketNo);
      return found.id;
    };
    const officerAction = (id: string, action: string, payload: Record<string, unknown>) =>
      f.t.app.inject({ method: 'POST', url: `/api/staff/privacy/tickets/${id}/${action}`, headers: authHeaders(f.officer), payload });

    before(async () => {
      f = await createRightsFixture(dialect);
      const s = f.t.app.services;
      timed = createTicketService({
        repo: createConsentRepo(f.t.database.db),
        audit: s.auditLog,
        vault: s.vault,
        calendar: loadChinaCalendar(),
        notifications: { notify: async (n) => void notices.push(n), notifyMany: async (ns) => void notices.push(...ns) },
        officers: async () => [f.ids.officer],
        now: () => new Date(f.clock.at),
      });
    });
    after(async () => f.t.close());

    test('an answered ticket is visible to its sender only, with status, answer and history; another customer gets the same 404 as a missing ticket', async () => {
      const opened = await feedback(f.alice, { topic: 'question', message: '请问我的交易记录会保存多久？' });
      assert.equal(opened.statusCode, 201, opened.body);
      const id = await ticketOf(opened.json().ticketNo);
      const answered = await officerAction(id, 'answer', { text: '交易记录依法保存三年，之后删除。' });
      assert.equal(answered.statusCode, 200, answered.body);
      assert.equal(answered.json().status, 'answered');

      const mine = await f.t.app.inject({ url: '/api/me/privacy/tickets', headers: authHeaders(f.alice) });
      assert.equal(mine.statusCode, 200, mine.body);
      const ticket = (mine.json().tickets as { id: string; status: string; answer: string; history: { event: string }[] }[]).find(
        (t) => t.id === id,
      );
      assert.ok(ticket);
      assert.equal(ticket.status, 'answered');
      assert.equal(ticket.answer, '交易记录依法保存三年，之后删除。');
      assert.deepEqual(
        ticket.history.map((h) => h.event),
        ['opened', 'answered'],
      );
      assert.ok(mine.json().slaWorkingDays > 0);

      const own = await f.t.app.inject({ url: `/api/me/privacy/tickets/${id}`, headers: authHeaders(f.alice) });
      assert.equal(own.statusCode, 200, own.body);
      const others = await f.t.app.inject({ url: `/api/me/privacy/tickets/${id}`, headers: authHeaders(f.bob) });
      const missing = await f.t.app.inject({ url: '/api/me/privacy/tickets/01JZZZZZZZZZZZZZZZZZZZZZZZ', headers: authHeaders(f.bob) });
      assert.equal(others.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.equal(others.json().code, missing.json().code);
      const bobs = await f.t.app.inject({ url: '/api/me/privacy/tickets', headers: authHeaders(f.bob) });
      assert.equal((bobs.json().tickets as { id: string }[]).filter((t) => t.id === id).length, 0);
    });

    test('an anonymous sender gets the answer through the delivery outbox at the contact e-mail they gave', async () => {
      const opened = await feedback(null, {
        topic: 'complaint',
        message: '贵平台的营销短信如何退订？',
        contactEmail: 'visitor@example.cn',
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const id = await ticketOf(opened.json().ticketNo);
      const before = await f.t.database.db
        .selectFrom('delivery_outbox')
        .select('id')
        .where('template', '=', 'privacy_ticket_reply')
        .execute();
      const answered = await officerAction(id, 'answer', { text: '回复 TD 即可退订，我们已为您处理。' });
      assert.equal(answered.statusCode, 200, answered.body);
      const afterRows = await f.t.database.db
        .selectFrom('delivery_outbox')
        .selectAll()
        .where('template', '=', 'privacy_ticket_reply')
        .execute();
      assert.equal(afterRows.length, before.length + 1);
      // The address and the text are sealed at rest in the outbox.
      assert.ok(!JSON.stringify(afterRows).includes('visitor@example.cn'));
    });

    test('the clock counts 15 working days on the PRC calendar across the 2026 National Day holiday and its make-up Saturday', async () => {
      f.clock.at = Date.parse('2026-09-21T02:00:00Z');
      const receipt = await timed.open(principal(f.ids.alice), 'feedback', { topic: 'question', message: '国庆期间的反馈何时答复？' });
      const dueDay = new Date(Date.parse(receipt.dueAt) + 8 * 3600_000).toISOString().slice(0, 10);
      assert.equal(dueDay, '2026-10-19');
    });

    test('a reminder fires before the deadline and an escalation on its last working day, each once; nothing early', async () => {
      f.clock.at = Date.parse('2026-11-02T02:00:00Z');
      const receipt = await timed.open(principal(f.ids.bob), 'feedback', { topic: 'other', message: '想了解数据出境情况。' });
      const no = receipt.ticketNo;
      const alerts = () => notices.filter((n) => n.params['no'] === no).map((n) => n.kind);
      f.clock.at = Date.parse('2026-11-04T02:00:00Z');
      await timed.checkClocks();
      assert.deepEqual(alerts(), []);
      f.clock.at = Date.parse(receipt.dueAt) - 5 * 86_400_000; // Wednesday: three working days left
      await timed.checkClocks();
      await timed.checkClocks();
      assert.deepEqual(alerts(), ['privacy_ticket_due_soon']);
      f.clock.at = Date.parse(receipt.dueAt) - 3600_000;
      await timed.checkClocks();
      await timed.checkClocks();
      assert.deepEqual(alerts(), ['privacy_ticket_due_soon', 'privacy_ticket_escalated']);
      const id = (await timed.mine(principal(f.ids.bob))).tickets.find((t) => t.ticketNo === no)?.id ?? '';
      const events = (await timed.mineOne(principal(f.ids.bob), id)).history.map((h) => h.event);
      assert.deepEqual(events, ['opened', 'reminded', 'escalated']);
    });

    test('a refusal needs a reason code; with one, the sender sees the code and the text', async () => {
      const opened = await feedback(f.bob, { topic: 'other', message: '请删除所有平台的交易数据。' });
      const id = await ticketOf(opened.json().ticketNo);
      const bare = await officerAction(id, 'refuse', { text: '交易记录须依法保存。' });
      assert.equal(bare.statusCode, 422, bare.body);
      assert.equal(bare.json().code, 'VALIDATION_FAILED');
      const refused = await officerAction(id, 'refuse', { code: 'legal_obligation', text: '交易记录须依法保存三年。' });
      assert.equal(refused.statusCode, 200, refused.body);
      const mine = await f.t.app.inject({ url: `/api/me/privacy/tickets/${id}`, headers: authHeaders(f.bob) });
      assert.equal(mine.json().status, 'refused');
      assert.deepEqual(mine.json().refusal, { code: 'legal_obligation', text: '交易记录须依法保存三年。' });
      const again = await officerAction(id, 'answer', { text: '补充说明。' });
      assert.equal(again.statusCode, 409, 'a closed ticket takes no second outcome');
    });

    test('an extension moves the due date once and its reason reaches the sender; an answer carrying a mobile number is refused', async () => {
      f.clock.at = Date.parse('2026-11-16T02:00:00Z');
      const receipt = await timed.open(principal(f.ids.alice), 'feedback', { topic: 'question', message: '延期测试的反馈内容。' });
      const id = (await timed.mine(principal(f.ids.alice))).tickets.find((t) => t.ticketNo === receipt.ticketNo)?.id ?? '';
      const extended = await timed.extend(officerPrincipal(f.ids.officer), id, 5, '需要向业务部门核实。');
      assert.ok(extended.dueAt > receipt.dueAt);
      assert.ok(notices.some((n) => n.kind === 'privacy_ticket_extended' && n.params['reason'] === '需要向业务部门核实。'));
      await assert.rejects(timed.extend(officerPrincipal(f.ids.officer), id, 5, '再次延期的理由。'), /RIGHTS_ALREADY_EXTENDED/);
      await assert.rejects(timed.answer(officerPrincipal(f.ids.officer), id, '请致电 13812345678 联系我们。'));
      const view = await timed.mineOne(principal(f.ids.alice), id);
      assert.equal(view.status, 'open');
      assert.deepEqual(
        view.history.map((h) => h.event),
        ['opened', 'extended'],
      );
      assert.equal(view.extension?.reason, '需要向业务部门核实。');
    });
  });
}
