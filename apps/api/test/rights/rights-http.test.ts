import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { authHeaders } from '../helpers/test-app.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createRightsFixture, fileRequest, officerPrincipal, principal, staffAction, type RightsFixture } from './rights-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`typed rights requests (${dialect})`, () => {
    let f: RightsFixture;
    before(async () => {
      f = await createRightsFixture(dialect);
      const put = await f.t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(f.alice),
        payload: { realName: '李小明', mobile: '13812345678', email: 'alice@example.cn' },
      });
      assert.equal(put.statusCode, 200, put.body);
    });
    after(async () => f.t.close());

    const mine = async (session = f.alice) =>
      (await f.t.app.inject({ url: '/api/me/rights-requests', headers: authHeaders(session) })).json().requests as {
        id: string;
        kind: string;
        status: string;
        answer: string | null;
        refusal: { code: string; text: string } | null;
        history: { event: string }[];
      }[];

    test('an access request filed right after sign-in is fulfilled at once, and the copy holds the profile as JSON and as a zh-CN PDF', async () => {
      const res = await fileRequest(f, f.alice, { kind: 'access' });
      assert.equal(res.statusCode, 201, res.body);
      const request = res.json();
      assert.equal(request.status, 'fulfilled');
      assert.equal(request.identity.method.length > 0, true);
      assert.equal(request.exportAvailable, true);
      assert.deepEqual(
        request.history.map((h: { event: string }) => h.event),
        ['filed', 'identity_confirmed', 'status_changed'],
      );
      const json = await f.t.app.inject({ url: `/api/me/rights-requests/${request.id}/export.json`, headers: authHeaders(f.alice) });
      assert.equal(json.statusCode, 200, json.body);
      const doc = json.json();
      assert.equal(doc.schema, 'sealbridge.rights-export/v1');
      const profile = doc.records.find((r: { table: string }) => r.table === 'account_profiles');
      assert.equal(profile.values.real_name.value, '李小明');
      assert.equal(profile.values.mobile.value, '+8613812345678');
      assert.ok(doc.fields.some((x: { key: string }) => x.key === 'account_profiles.real_name'));
      const pdf = await f.t.app.inject({ url: `/api/me/rights-requests/${request.id}/export.pdf`, headers: authHeaders(f.alice) });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const loaded = await PDFDocument.load(pdf.rawPayload);
      assert.ok(loaded.getPageCount() >= 1);
      assert.match(loaded.getTitle() ?? '', /个人信息副本/);
    });

    test('the export JSON Schema is published and describes the records', async () => {
      const res = await f.t.app.inject({ url: '/api/privacy/rights-export-schema' });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().properties.records);
    });

    test('another customer cannot see, or download the copy of, someone else’s request', async () => {
      const [own] = await mine();
      const seen = await f.t.app.inject({ url: `/api/me/rights-requests/${own!.id}`, headers: authHeaders(f.bob) });
      assert.equal(seen.statusCode, 404);
      const copy = await f.t.app.inject({ url: `/api/me/rights-requests/${own!.id}/export.json`, headers: authHeaders(f.bob) });
      assert.equal(copy.statusCode, 404);
    });

    test('without a recent step-up a request waits for identity, cannot be confirmed until there is one, and gives no copy', async () => {
      f.stepUp.fresh = false;
      f.clock.at = Date.now();
      const filed = await f.timed.file(principal(f.ids.bob), { kind: 'portability' });
      assert.equal(filed.status, 'identity_pending');
      await assert.rejects(f.timed.confirmIdentity(principal(f.ids.bob), filed.id), { code: 'STEP_UP_REQUIRED' });
      await assert.rejects(f.timed.exportOf(principal(f.ids.bob), filed.id, 'json'), { code: 'CONFLICT' });
      f.stepUp.fresh = true;
      const confirmed = await f.timed.confirmIdentity(principal(f.ids.bob), filed.id);
      assert.equal(confirmed.status, 'fulfilled');
      assert.equal((await f.timed.exportOf(principal(f.ids.bob), filed.id, 'json')).portable, true);
    });

    test('a duplicate request bypasses nothing: it is refused with the open one’s number, and a later session without a step-up gets no copy', async () => {
      f.stepUp.fresh = false;
      const first = await f.timed.file(principal(f.ids.bob), { kind: 'deletion' });
      assert.equal(first.status, 'identity_pending');
      const again = await fileRequest(f, f.bob, { kind: 'deletion' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'RIGHTS_REQUEST_OPEN');
      assert.equal(again.json().details.requestNo, first.requestNo);
      assert.equal((await mine(f.bob)).filter((r) => r.kind === 'deletion').length, 1);
      // The portability request fulfilled above does not open the data to a session that has not proved itself.
      const fulfilled = (await mine(f.bob)).find((r) => r.kind === 'portability')!;
      await assert.rejects(f.timed.exportOf(principal(f.ids.bob), fulfilled.id, 'json'), { code: 'STEP_UP_REQUIRED' });
      await f.timed.refuse(officerPrincipal(f.ids.officer), first.id, 'other', '测试结束，撤回此请求。').catch(() => undefined);
    });

    test('a correction moves received → in progress → corrected, and the requester sees the answer and the history', async () => {
      const res = await fileRequest(f, f.alice, {
        kind: 'correction',
        field: 'account_profiles.real_name',
        value: '李晓明',
        note: '姓名有误',
      });
      assert.equal(res.statusCode, 201, res.body);
      const { id } = res.json();
      const detail = await staffAction(f, id, 'reveal');
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().detail.value, '李晓明');
      assert.equal((await staffAction(f, id, 'answer', { text: '已更正。' })).json().code, 'RIGHTS_TRANSITION_NOT_ALLOWED');
      assert.equal((await staffAction(f, id, 'advance', { status: 'in_progress' })).json().status, 'in_progress');
      const answered = await staffAction(f, id, 'answer', { text: '已按您的要求更正姓名。' });
      assert.equal(answered.json().status, 'corrected');
      const seen = (await mine()).find((r) => r.id === id)!;
      assert.equal(seen.answer, '已按您的要求更正姓名。');
      assert.deepEqual(
        seen.history.map((h) => h.event),
        ['filed', 'identity_confirmed', 'status_changed', 'answered'],
      );
    });

    test('a correction to a field that is not registered, or to an invalid value, is refused and nothing is written', async () => {
      const before = (await mine()).length;
      assert.equal((await fileRequest(f, f.alice, { kind: 'correction', field: 'accounts.password', value: 'x' })).statusCode, 422);
      assert.equal((await fileRequest(f, f.alice, { kind: 'correction', field: 'account_profiles.mobile', value: '12' })).statusCode, 422);
      assert.equal((await mine()).length, before);
    });

    test('explanation, withdrawal and next-of-kin requests are answered in their own workflows', async () => {
      const explanation = (await fileRequest(f, f.alice, { kind: 'explanation', question: '为什么需要我的手机号？' })).json();
      assert.equal((await staffAction(f, explanation.id, 'answer', { text: '用于登录验证和交易通知。' })).json().status, 'answered');
      const withdrawal = (await fileRequest(f, f.alice, { kind: 'withdrawal', purpose: 'deal_execution' })).json();
      assert.equal((await staffAction(f, withdrawal.id, 'answer', { text: '已停止该用途的处理。' })).json().status, 'answered');
      const kin = await fileRequest(f, f.bob, { kind: 'next_of_kin', deceasedAccountNo: 'C-99', relation: 'child', right: 'copy' });
      assert.equal(kin.statusCode, 201, kin.body);
      const kinId = kin.json().id;
      assert.equal((await staffAction(f, kinId, 'advance', { status: 'in_progress' })).json().status, 'in_progress');
      assert.equal((await staffAction(f, kinId, 'answer', { text: '已核实亲属关系，副本另行寄送。' })).json().status, 'answered');
    });

    test('a refusal needs a reason code and a text, and the requester sees both', async () => {
      const { id } = (await fileRequest(f, f.alice, { kind: 'explanation', question: '你们把我的数据给了谁？' })).json();
      assert.equal((await staffAction(f, id, 'refuse', { text: '不予答复。' })).statusCode, 422);
      assert.equal((await staffAction(f, id, 'refuse', { code: 'manifestly_unfounded' })).statusCode, 422);
      const refused = await staffAction(f, id, 'refuse', { code: 'excessive_repetition', text: '同一问题已于本月答复。' });
      assert.equal(refused.json().status, 'refused');
      const seen = (await mine()).find((r) => r.id === id)!;
      assert.deepEqual(seen.refusal, { code: 'excessive_repetition', text: '同一问题已于本月答复。' });
    });

    test('an officer’s answer carrying a mobile number is refused by the identifier guard', async () => {
      const { id } = (await fileRequest(f, f.bob, { kind: 'explanation', question: '请解释处理目的。' })).json();
      const res = await staffAction(f, id, 'answer', { text: '请致电 13912345678 咨询。' });
      assert.equal(res.json().code, 'FREE_TEXT_IDENTIFIERS');
    });

    test('an extension moves the due date once, and the reason reaches the requester', async () => {
      const { id, dueAt } = (await fileRequest(f, f.alice, { kind: 'account_closure' })).json();
      const extended = await staffAction(f, id, 'extend', { workingDays: 10, reason: '涉及多个系统，需要协调。' });
      assert.equal(extended.statusCode, 200, extended.body);
      assert.ok(extended.json().dueAt > dueAt);
      assert.equal(extended.json().extension.reason, '涉及多个系统，需要协调。');
      assert.equal(
        (await staffAction(f, id, 'extend', { workingDays: 5, reason: '再次延长一下。' })).json().code,
        'RIGHTS_ALREADY_EXTENDED',
      );
      const inbox = await f.t.app.inject({ url: '/api/me/notifications', headers: authHeaders(f.alice) });
      assert.ok(JSON.stringify(inbox.json()).includes('涉及多个系统，需要协调。'));
    });

    test('a deletion that hits a retention floor ends restricted, with the reason and the date the data will go; the data stays', async () => {
      await f.t.app.inject({ method: 'POST', url: '/api/staff/rights-requests/none/execute', headers: authHeaders(f.officer) });
      const closure = (await mine()).find((r) => r.kind === 'account_closure')!;
      assert.equal((await staffAction(f, closure.id, 'execute')).json().code, 'RIGHTS_TRANSITION_NOT_ALLOWED');
      await staffAction(f, closure.id, 'advance', { status: 'in_progress' });
      const done = (await staffAction(f, closure.id, 'execute')).json();
      assert.equal(done.status, 'restricted');
      assert.equal(done.outcome.erased, false);
      assert.equal(done.outcome.restrictedReason, 'transaction_records_3y');
      assert.deepEqual(done.outcome.retentionClasses, ['account_life_plus_3y']);
      assert.equal(done.outcome.restrictedUntil.slice(0, 4), String(new Date().getUTCFullYear() + 3));
      const profile = await f.t.database.db
        .selectFrom('account_profiles')
        .select('real_name_ct')
        .where('account_id', '=', f.ids.alice)
        .executeTakeFirst();
      assert.ok(profile?.real_name_ct, 'stored only: the data stays');
    });

    test('a closed account cannot sign in: its sessions are ended and a log-in with the right password gets ACCOUNT_CLOSED', async () => {
      const me = await f.t.app.inject({ url: '/api/me/rights-requests', headers: authHeaders(f.alice) });
      assert.equal(me.statusCode, 401, 'the session open before the closure is ended');
      const login = (password: string) =>
        f.t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.252.0.9', payload: { loginName: 'alice', password } });
      const refused = await login('pw-alice-1');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'ACCOUNT_CLOSED');
      assert.equal((await login('wrong-password-1')).json().code, 'INVALID_CREDENTIALS', 'a wrong password learns nothing');
      const account = await f.t.database.db
        .selectFrom('accounts')
        .select(['status', 'closed_at'])
        .where('id', '=', f.ids.alice)
        .executeTakeFirstOrThrow();
      assert.equal(account.status, 'disabled');
      assert.ok(account.closed_at, 'the closing day starts the retention clock');
    });

    test('a deletion with no floor runs the vault erasure and ends erased', async () => {
      const put = await f.t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(f.bob),
        payload: { mobile: '13700001111' },
      });
      assert.equal(put.statusCode, 200, put.body);
      f.stepUp.fresh = true;
      const filed = await f.timed.file(principal(f.ids.bob), { kind: 'deletion' });
      assert.equal(filed.status, 'received');
      await f.timed.advance(officerPrincipal(f.ids.officer), filed.id, 'in_progress', undefined);
      const done = await f.timed.execute(officerPrincipal(f.ids.officer), filed.id);
      assert.equal(done.status, 'erased');
      assert.equal(done.outcome?.erased, true);
      const profile = await f.t.app.inject({ url: '/api/me/profile', headers: authHeaders(f.bob) });
      assert.equal(profile.json().fields.mobile.state, 'erased');
    });

    test('the officer’s queue shows every request with its clock and the requester’s account number only', async () => {
      const res = await f.t.app.inject({ url: '/api/staff/rights-requests', headers: authHeaders(f.officer) });
      assert.equal(res.statusCode, 200);
      const rows = res.json().requests as { requesterNo: string; workingDaysLeft: number | null; status: string }[];
      assert.ok(rows.some((r) => r.requesterNo === 'C-11'));
      assert.ok(rows.filter((r) => r.status === 'received').every((r) => typeof r.workingDaysLeft === 'number'));
      assert.ok(!JSON.stringify(rows).includes('李晓明'));
      const customer = await f.t.app.inject({ url: '/api/staff/rights-requests', headers: authHeaders(f.bob) });
      assert.equal(customer.statusCode, 403);
    });

    test('reminders then an escalation go to the officers before the deadline, each once', async () => {
      f.stepUp.fresh = true;
      f.clock.at = Date.parse('2026-09-01T02:00:00Z');
      const filed = await f.timed.file(principal(f.ids.alice), { kind: 'explanation', question: '请说明数据保存多久。' });
      f.notices.length = 0;
      f.clock.at = Date.parse('2026-09-15T02:00:00Z');
      assert.deepEqual(await f.timed.checkClocks().then((r) => r.reminded >= 0), true);
      const nearDue = new Date(filed.dueAt).getTime() - 3 * 86_400_000;
      f.clock.at = nearDue;
      await f.timed.checkClocks();
      assert.ok(f.notices.some((n) => n.kind === 'rights_request_due_soon' && n.params['no'] === filed.requestNo));
      const count = f.notices.length;
      await f.timed.checkClocks();
      assert.equal(f.notices.length, count, 'a reminder is sent once');
      f.clock.at = new Date(filed.dueAt).getTime() - 3600_000;
      await f.timed.checkClocks();
      assert.ok(f.notices.some((n) => n.kind === 'rights_request_escalated' && n.params['no'] === filed.requestNo));
      const history = (await f.timed.mineOne(principal(f.ids.alice), filed.id)).history.map((h) => h.event);
      assert.ok(history.includes('reminded') && history.includes('escalated'));
    });
  });
}
