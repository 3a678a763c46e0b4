import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PURPOSES, type TSignedReceipt } from '@sealbridge/contracts';
import { CONSENT_EXEMPT_PURPOSES, CONSENT_PURPOSES, consentNeededFor, verifyReceipt } from '../../src/modules/consent/index.ts';
import { PERSONAL_FIELDS } from '../../src/modules/vault/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import { createConsentFixture, customer, PROSE, signInStaff, uiHash, type ConsentFixture } from './consent-fixture.ts';

const DAY = 86_400_000;

describe('the consent catalogue against the registry', () => {
  test('every consent-based field is covered for each of its purposes, or the purpose is exempted with a reason', () => {
    for (const f of PERSONAL_FIELDS.filter((x) => x.legalBasis === 'consent' || x.legalBasis === 'separate_consent')) {
      for (const purpose of f.purposes) {
        assert.ok(
          consentNeededFor(f.key, purpose) || CONSENT_EXEMPT_PURPOSES[purpose],
          `${f.key} for ${purpose} needs a consent purpose or an exemption`,
        );
      }
    }
  });

  test('catalogue entries name registered fields, purposes from the closed list, and sensitive data only under separate consent', () => {
    for (const d of CONSENT_PURPOSES) {
      assert.ok((PURPOSES as readonly string[]).includes(d.purpose));
      for (const key of d.fields) {
        const field = PERSONAL_FIELDS.find((f) => f.key === key);
        assert.ok(field, `${key} is registered`);
        if (field.sensitivity === 'sensitive') assert.notEqual(d.kind, 'general', `${key} is sensitive: separate consent`);
      }
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`consent, notices and receipts on ${dialect}`, () => {
    let f: ConsentFixture;
    let seller: Session;
    let buyer: Session;
    let broker: Session;
    let officer: Session;
    let noticeVersion: number;
    const app = () => f.t.app;

    const give = (s: Session, purpose: string, kind: string, decision: 'given' | 'refused' = 'given', recipient?: string) =>
      app().inject({
        method: 'POST',
        url: '/api/me/consents',
        headers: authHeaders(s),
        payload: { purpose, kind, decision, noticeVersion, uiTextHash: uiHash(`${purpose}/${kind}`), ...(recipient ? { recipient } : {}) },
      });
    const withdraw = (s: Session, purpose: string, kind: string, recipient?: string) =>
      app().inject({
        method: 'POST',
        url: '/api/me/consents/withdraw',
        headers: authHeaders(s),
        payload: { purpose, kind, ...(recipient ? { recipient } : {}) },
      });
    const brokerReveal = () =>
      app().inject({
        method: 'POST',
        url: `/api/staff/customers/${f.ids.seller}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['wechat'], purpose: 'deal_execution' },
      });

    before(async () => {
      f = await createConsentFixture(dialect);
      noticeVersion = (
        await f.t.app.services.consent.publishNotice({ prose: PROSE, effectiveAt: new Date().toISOString(), changedPurposes: [] }, null)
      ).version;
      seller = await signIn(app(), 'seller', 'pw-seller-1');
      buyer = await signIn(app(), 'buyer', 'pw-buyer-1');
      broker = await signInStaff(app(), 'broker', 'pw-broker-1');
      officer = await signInStaff(app(), 'privacy', 'pw-privacy-1');
      const put = await app().inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(seller),
        payload: { realName: '司马相如', mobile: '13700001234', wechat: 'sima_demo_1' },
      });
      assert.equal(put.statusCode, 200, put.body);
    });
    after(async () => f.t.close());

    test("the notice's 清单 lists every registered personal field with the registry's purposes, legal basis and retention", async () => {
      const res = await app().inject({ url: '/api/privacy/notices/current' });
      assert.equal(res.statusCode, 200);
      const notice = res.json();
      assert.deepEqual(notice.inventory.map((i: { key: string }) => i.key).sort(), PERSONAL_FIELDS.map((p) => p.key).sort());
      for (const p of PERSONAL_FIELDS) {
        const item = notice.inventory.find((i: { key: string }) => i.key === p.key);
        assert.deepEqual(
          [item.purposes, item.legalBasis, item.retention, item.category],
          [[...p.purposes], p.legalBasis, p.retention, p.category],
          p.key,
        );
      }
      assert.deepEqual(notice.prose, PROSE);
      assert.ok(notice.rights.includes('withdraw_consent'));
    });

    test("a real processing path (a broker reading a customer's WeChat ID for a deal) is refused without consent, naming the purpose", async () => {
      const res = await brokerReveal();
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'CONSENT_REQUIRED');
      assert.deepEqual(res.json().details, { purpose: 'deal_execution', kind: 'general', reason: 'missing' });
    });

    test('after the customer consents the same reveal is allowed, and after one-click withdrawal it is refused again', async () => {
      assert.equal((await give(seller, 'deal_execution', 'general')).statusCode, 201);
      const allowed = await brokerReveal();
      assert.equal(allowed.statusCode, 200, allowed.body);
      assert.deepEqual(allowed.json().fields.wechat, { state: 'revealed', value: 'sima_demo_1' });
      assert.equal((await withdraw(seller, 'deal_execution', 'general')).statusCode, 201);
      const refused = await brokerReveal();
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().details.reason, 'withdrawn');
      const decisions = (await app().inject({ url: '/api/me/consents/decisions', headers: authHeaders(seller) })).json().decisions;
      assert.deepEqual(
        decisions.find((d: { purpose: string; kind: string }) => d.purpose === 'deal_execution' && d.kind === 'general'),
        { purpose: 'deal_execution', kind: 'general', recipient: null, allowed: false, reason: 'withdrawn' },
      );
    });

    test('fields that rest on a contract are not put behind consent', async () => {
      const res = await app().inject({
        method: 'POST',
        url: `/api/staff/customers/${f.ids.seller}/reveal`,
        headers: authHeaders(broker),
        payload: { fields: ['mobile'], purpose: 'deal_execution' },
      });
      assert.equal(res.statusCode, 200, res.body);
    });

    test('withdrawing what was never given is a conflict, and a consent to a notice that is not current is refused', async () => {
      assert.equal((await withdraw(buyer, 'account_service', 'general')).json().code, 'CONFLICT');
      const stale = await app().inject({
        method: 'POST',
        url: '/api/me/consents',
        headers: authHeaders(buyer),
        payload: {
          purpose: 'account_service',
          kind: 'general',
          decision: 'given',
          noticeVersion: noticeVersion + 5,
          uiTextHash: uiHash('x'),
        },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'NOTICE_VERSION_STALE');
    });

    test('a separate consent naming recipient X does not allow recipient Y; an undeclared vendor or destination cannot be consented to', async () => {
      const x = `account:${f.ids.buyer}`;
      const y = `account:${f.ids.other}`;
      assert.equal((await give(seller, 'deal_execution', 'recipient', 'given', x)).statusCode, 201);
      const guard = app().services.consent.guard;
      assert.equal((await guard.check(f.ids.seller, 'deal_execution', x)).allowed, true);
      const refusedY = await guard.check(f.ids.seller, 'deal_execution', y);
      assert.deepEqual([refusedY.allowed, refusedY.reason], [false, 'missing']);
      await assert.rejects(
        guard.require(f.ids.seller, 'deal_execution', y),
        (e: { code?: string; details?: Record<string, unknown> }) => e.code === 'CONSENT_REQUIRED' && e.details?.['recipient'] === y,
      );
      assert.equal(
        (await give(seller, 'deal_execution', 'recipient', 'given')).json().code,
        'CONSENT_NOT_OFFERED',
        'a recipient must be named',
      );
      assert.equal((await give(seller, 'deal_execution', 'recipient', 'given', 'vendor:unknown')).json().code, 'CONSENT_NOT_OFFERED');
      assert.equal((await give(seller, 'deal_execution', 'cross_border', 'given', 'destination:US')).json().code, 'CONSENT_NOT_OFFERED');
    });

    test('a notice that changes purposes cannot take effect less than 7 days after publication; the publisher is told why', async () => {
      const soon = await app().inject({
        method: 'POST',
        url: '/api/staff/privacy/notices',
        headers: authHeaders(officer),
        payload: { prose: PROSE, effectiveAt: new Date(Date.now() + 6 * DAY).toISOString(), changedPurposes: ['identity_verification'] },
      });
      assert.equal(soon.statusCode, 422);
      assert.equal(soon.json().code, 'NOTICE_EFFECTIVE_TOO_SOON');
      assert.equal(soon.json().details.minimumDays, 7);
      assert.deepEqual(soon.json().details.changedPurposes, ['identity_verification']);
      assert.equal((await app().inject({ url: '/api/privacy/notices' })).json().versions.length, 1, 'nothing was published');
      const customerTry = await app().inject({
        method: 'POST',
        url: '/api/staff/privacy/notices',
        headers: authHeaders(seller),
        payload: { prose: PROSE, effectiveAt: new Date().toISOString() },
      });
      assert.equal(customerTry.statusCode, 403);
    });

    test('a wording-only change may take effect at once and does not ask anyone again', async () => {
      const res = await app().inject({
        method: 'POST',
        url: '/api/staff/privacy/notices',
        headers: authHeaders(officer),
        payload: { prose: { ...PROSE, en: `${PROSE.en} (typo fixed)` }, effectiveAt: new Date().toISOString() },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().ruleChange, false);
      noticeVersion = res.json().version;
      const list = (await app().inject({ url: '/api/privacy/notices' })).json();
      assert.equal(list.current, noticeVersion);
      assert.equal((await app().services.consent.guard.check(f.ids.seller, 'deal_execution', `account:${f.ids.buyer}`)).allowed, true);
    });

    test("bumping a purpose's version makes the guard refuse for every subject until they consent again, and asks them at their next visit", async () => {
      for (const s of [seller, buyer]) assert.equal((await give(s, 'identity_verification', 'sensitive')).statusCode, 201);
      const { timed, clock } = f;
      clock.at = Date.now() + 1000;
      const v = await timed.publishNotice(
        { prose: PROSE, effectiveAt: new Date(clock.at + 8 * DAY).toISOString(), changedPurposes: ['identity_verification'] },
        null,
      );
      assert.equal(v.ruleChange, true);
      for (const id of [f.ids.seller, f.ids.buyer])
        assert.equal(
          (await timed.guard.check(id, 'identity_verification')).allowed,
          true,
          'the old version is in force until the effective date',
        );
      clock.at += 9 * DAY;
      for (const id of [f.ids.seller, f.ids.buyer]) {
        const d = await timed.guard.check(id, 'identity_verification');
        assert.deepEqual([d.allowed, d.reason], [false, 'purpose_changed']);
        const pending = await timed.pending(id);
        assert.ok(pending.pending.some((p) => p.purpose === 'identity_verification' && p.reason === 'purpose_changed'));
      }
      assert.equal(
        (await timed.guard.check(f.ids.seller, 'deal_execution', `account:${f.ids.buyer}`)).allowed,
        true,
        'other purposes are not affected',
      );
      await timed.decide(customer(f.ids.seller), {
        purpose: 'identity_verification',
        kind: 'sensitive',
        decision: 'given',
        noticeVersion: v.version,
        uiTextHash: uiHash('v2'),
      });
      assert.equal((await timed.guard.check(f.ids.seller, 'identity_verification')).allowed, true);
      assert.equal((await timed.guard.check(f.ids.buyer, 'identity_verification')).allowed, false);
    });

    test('after a refusal the purpose is not asked again until the cool-down is over', async () => {
      const { timed, clock } = f;
      const current = (await timed.listNotices()).current ?? 0;
      await timed.decide(customer(f.ids.other), {
        purpose: 'account_service',
        kind: 'general',
        decision: 'refused',
        noticeVersion: current,
        uiTextHash: uiHash('a'),
      });
      const asked = (await timed.pending(f.ids.other)).pending.map((p) => p.purpose + '/' + p.reason);
      assert.ok(!asked.some((p) => p.startsWith('account_service/')), asked.join());
      clock.at += 31 * DAY;
      assert.ok((await timed.pending(f.ids.other)).pending.some((p) => p.purpose === 'account_service' && p.reason === 'cooldown_over'));
    });

    test('every consent event yields a receipt that verifies with the published key; a tampered receipt fails', async () => {
      const mine = (await app().inject({ url: '/api/me/consents', headers: authHeaders(seller) })).json();
      assert.ok(mine.receipts.length >= 4, 'given, withdrawn, recipient, sensitive');
      const id = mine.receipts.find((r: { decision: string }) => r.decision === 'withdrawn').receiptId;
      const signed: TSignedReceipt = (await app().inject({ url: `/api/me/consents/receipts/${id}`, headers: authHeaders(seller) })).json();
      assert.equal(signed.receipt.subject, f.ids.seller);
      const key = (await app().inject({ url: '/api/privacy/receipt-key' })).json();
      const publicKey = createPublicKey(key.publicKeyPem);
      assert.equal(verifyReceipt(publicKey, signed.receipt, signed.signature), true, 'offline check with the published key');
      const ok = await app().inject({ method: 'POST', url: '/api/privacy/receipts/verify', payload: signed });
      assert.deepEqual(ok.json(), { valid: true });
      const tampered = { ...signed, receipt: { ...signed.receipt, decision: 'given' as const } };
      assert.equal(verifyReceipt(publicKey, tampered.receipt, tampered.signature), false);
      assert.deepEqual((await app().inject({ method: 'POST', url: '/api/privacy/receipts/verify', payload: tampered })).json(), {
        valid: false,
      });
      const flipped = Buffer.from(signed.signature, 'base64');
      flipped[0] = (flipped[0] ?? 0) ^ 1;
      assert.equal(verifyReceipt(publicKey, signed.receipt, flipped.toString('base64')), false);
      const other = await app().inject({ url: `/api/me/consents/receipts/${id}`, headers: authHeaders(buyer) });
      assert.equal(other.statusCode, 404, 'a receipt is shown only to its subject');
      const pdf = await app().inject({ url: `/api/me/consents/receipts/${id}/receipt.pdf`, headers: authHeaders(seller) });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdf.rawPayload.includes('receipt.json'), 'the signed receipt is attached');
      const otherPdf = await app().inject({ url: `/api/me/consents/receipts/${id}/receipt.pdf`, headers: authHeaders(buyer) });
      assert.equal(otherPdf.statusCode, 404, "nobody else gets the receipt's PDF");
    });

    test('feedback is stored sealed as a ticket due in 15 working days; the officer reads it by an audited reveal and closes it', async () => {
      const text = '请问我的手机号 13912345678 会被提供给买方吗？';
      const res = await app().inject({
        method: 'POST',
        url: '/api/privacy/feedback',
        payload: { topic: 'question', message: text, contactEmail: 'asker@example.cn' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { ticketNo, createdAt, dueAt } = res.json();
      const days = (new Date(dueAt).getTime() - new Date(createdAt).getTime()) / DAY;
      assert.ok(days >= 19 && days <= 23, `15 working days is three calendar weeks (${days})`);
      const raw = await f.t.database.db
        .selectFrom('privacy_tickets')
        .selectAll()
        .where('ticket_no', '=', ticketNo)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(raw).includes('13912345678') && !JSON.stringify(raw).includes('asker@'), 'no plaintext in the row');
      const list = (await app().inject({ url: '/api/staff/privacy/tickets', headers: authHeaders(officer) })).json().tickets;
      const ticket = list.find((x: { ticketNo: string }) => x.ticketNo === ticketNo);
      assert.equal(ticket.message.state, 'masked');
      assert.equal(ticket.workingDaysLeft, 15);
      assert.equal((await app().inject({ url: '/api/staff/privacy/tickets', headers: authHeaders(broker) })).statusCode, 403);
      const shown = await app().inject({
        method: 'POST',
        url: `/api/staff/privacy/tickets/${ticket.id}/reveal`,
        headers: authHeaders(officer),
      });
      assert.deepEqual(shown.json().message, { state: 'revealed', value: text });
      const audited = await f.t.database.db
        .selectFrom('audit_log')
        .select('type')
        .where('type', '=', 'vault.fields_revealed')
        .where('subject_id', '=', raw.subject_id)
        .execute();
      assert.equal(audited.length, 1);
      const closed = await app().inject({
        method: 'POST',
        url: `/api/staff/privacy/tickets/${ticket.id}/close`,
        headers: authHeaders(officer),
      });
      assert.equal(closed.json().status, 'closed');
      assert.equal(
        (await app().inject({ method: 'POST', url: `/api/staff/privacy/tickets/${ticket.id}/close`, headers: authHeaders(officer) })).json()
          .code,
        'CONFLICT',
      );
    });

    test('the old free-text rights route is gone: rights are filed as typed requests', async () => {
      const res = await app().inject({
        method: 'POST',
        url: '/api/me/privacy-requests',
        headers: authHeaders(seller),
        payload: { topic: 'copy', message: '请提供我的个人信息副本。' },
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'ROUTE_NOT_FOUND');
    });
  });
}
