import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEAL_STAGES, type TDealView } from '@sealbridge/contracts';
import { DIALECTS } from '../helpers/test-store.ts';
import { idNumber } from '../verification/verification-fixture.ts';
import { createDealsWorld, today, type DealsWorld } from './deals-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`the deal pipeline on ${dialect}`, () => {
    let w: DealsWorld;
    before(async () => {
      w = await createDealsWorld(dialect);
    });
    after(async () => w.t.close());

    test('only a buyer holding an active L1 grant can start a deal; anyone else learns nothing (404); a second start is the same deal', async () => {
      const listing = await w.publishListing(301);
      const refused = await w.send(w.buyer, 'POST', '/api/deals', { listingId: listing.id });
      assert.equal(refused.statusCode, 404);
      assert.equal((await w.send(w.buyer, 'POST', '/api/deals', { listingId: 'no-such-listing' })).statusCode, 404);
      await w.openL1(listing);
      const deal = await w.ok(w.buyer, 'POST', '/api/deals', { listingId: listing.id });
      assert.equal(deal.stage, 'inquiry');
      assert.equal(deal.side, 'buyer');
      assert.match(deal.code, /^DL-[A-Z2-9]{8}$/);
      assert.equal((await w.ok(w.buyer, 'POST', '/api/deals', { listingId: listing.id })).id, deal.id);
      // The seller and the broker hear of it, the buyer named by alias only.
      const [notice] = await w.notices(w.sellerId, 'deal_started');
      assert.ok(notice);
      assert.equal(JSON.parse(notice.params).buyer, deal.buyerAlias);
      assert.equal(
        (await w.send(w.seller, 'POST', '/api/deals', { listingId: listing.id })).statusCode,
        404,
        'the seller cannot buy their own listing',
      );
    });

    test("the listing's adviser can start the deal from the buyer's approved L1 grant; a wrong grant, a buyer naming a grant, or the seller learns nothing (404)", async () => {
      const listing = await w.publishListing(311);
      const { grantId } = await w.openL1(listing);
      const other = await w.publishListing(312);
      assert.equal((await w.send(w.broker, 'POST', '/api/deals', { listingId: listing.id })).statusCode, 404, 'no grant named');
      assert.equal(
        (await w.send(w.broker, 'POST', '/api/deals', { listingId: other.id, grantId })).statusCode,
        404,
        'a grant of another listing',
      );
      assert.equal((await w.send(w.broker, 'POST', '/api/deals', { listingId: listing.id, grantId: 'no-such-grant' })).statusCode, 404);
      assert.equal((await w.send(w.buyer, 'POST', '/api/deals', { listingId: listing.id, grantId })).statusCode, 404);
      assert.equal((await w.send(w.seller, 'POST', '/api/deals', { listingId: listing.id, grantId })).statusCode, 404);
      const deal = await w.ok(w.broker, 'POST', '/api/deals', { listingId: listing.id, grantId });
      assert.equal(deal.side, 'broker');
      assert.equal(deal.stage, 'inquiry');
      // The same open deal, whoever asks next; both parties are told the adviser opened it.
      assert.equal((await w.ok(w.buyer, 'POST', '/api/deals', { listingId: listing.id })).id, deal.id);
      assert.equal((await w.notices(w.buyerId, 'deal_opened_by_broker')).length, 1);
      assert.equal((await w.notices(w.sellerId, 'deal_opened_by_broker')).length, 1);
    });

    test("the seller sees the buyer by alias only; a stranger and another broker get 404, and the broker's probe is audited", async () => {
      const { deal } = await w.startDeal(302);
      const seen = await w.send(w.seller, 'GET', `/api/deals/${deal.id}`);
      assert.equal(seen.statusCode, 200);
      assert.equal(seen.json().side, 'seller');
      assert.match(seen.json().buyerAlias, /^B-/);
      assert.doesNotMatch(seen.body, /buyer@|演示买方|C-0000/);
      assert.equal(
        (await w.send(w.seller, 'GET', '/api/deals')).json().items.some((d: { id: string }) => d.id === deal.id),
        true,
      );
      const other = await w.t.app.services.identity.createAccount({
        kind: 'staff',
        loginName: 'broker-two',
        accountNo: 'S-BR2',
        roles: ['broker'],
        password: 'Seal-bridge harbour 42 lanterns',
      });
      const { signIn } = await import('../helpers/test-app.ts');
      const broker2 = await signIn(w.t.app, 'broker-two', 'Seal-bridge harbour 42 lanterns');
      assert.equal((await w.send(broker2, 'GET', `/api/deals/${deal.id}`)).statusCode, 404);
      await w.t.app.services.auditLog.drain();
      const probes = await w.t.database.db
        .selectFrom('audit_log')
        .select(['decision'])
        .where('type', '=', 'deals.access_refused')
        .where('actor_account_id', '=', other.id)
        .execute();
      assert.equal(probes.length, 1);
      assert.equal(probes[0]?.decision, 'denied');
    });

    test('stages advance only in order: a stale stage, an open checklist, or a party asking is refused; each party ticks only its own items', async () => {
      const { deal } = await w.startDeal(303);
      const stale = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, { from: 'due_diligence' });
      assert.equal(stale.json().code, 'DEAL_STAGE_ORDER');
      const open = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, w.advanceInput('inquiry'));
      assert.equal(open.json().code, 'DEAL_CHECKLIST_OPEN');
      assert.deepEqual(open.json().details.items, ['inquiry.needs_confirmed', 'inquiry.scope_confirmed', 'inquiry.risks_disclosed']);
      assert.equal(
        (await w.send(w.buyer, 'PUT', `/api/deals/${deal.id}/checklist/inquiry.scope_confirmed`, { done: true })).statusCode,
        403,
        'a seller item',
      );
      await w.ok(w.seller, 'PUT', `/api/deals/${deal.id}/checklist/inquiry.scope_confirmed`, {
        done: true,
        remark: '交接范围已确认',
        documentIds: ['doc-1'],
      });
      assert.equal(
        (await w.send(w.seller, 'PUT', `/api/deals/${deal.id}/checklist/dd.tax_records_provided`, { done: true })).json().code,
        'DEAL_STAGE_ORDER',
        "a later stage's item",
      );
      const ticked = await w.tickStage(await w.ok(w.broker, 'GET', `/api/deals/${deal.id}`));
      const item = ticked.stages[0]?.items.find((i) => i.key === 'inquiry.scope_confirmed');
      assert.deepEqual([item?.doneBy, item?.remark, item?.documentIds], ['seller', '交接范围已确认', ['doc-1']]);
      assert.equal((await w.send(w.buyer, 'POST', `/api/deals/${deal.id}/advance`, w.advanceInput('inquiry'))).statusCode, 403);
      const moved = await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/advance`, w.advanceInput('inquiry'));
      assert.equal(moved.stage, 'intent');
      assert.equal(
        (await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, w.advanceInput('inquiry'))).json().code,
        'DEAL_STAGE_ORDER',
        'the same click twice',
      );
      await w.t.app.services.auditLog.drain();
      const audited = await w.t.database.db.selectFrom('audit_log').select(['data']).where('type', '=', 'deals.stage_advanced').execute();
      assert.ok(audited.some((a) => JSON.parse(String(a.data)).dealId === deal.id));
    });

    test('due dates follow the working-day calendar, and the tax clock runs 5 working days from the signing', async () => {
      const { deal } = await w.startDeal(304);
      const at = await w.walkTo(deal, 'tax_filing');
      const tax = at.stages.find((s) => s.stage === 'tax_filing');
      const report = tax?.items.find((i) => i.key === 'tax.transfer_report_filed');
      const calendar = (await import('../../src/platform/calendar/index.ts')).loadChinaCalendar();
      assert.equal(report?.dueOn, calendar.addWorkingDays(today(), 5));
      assert.equal(report?.owner, 'buyer');
      assert.ok(!tax?.items.some((i) => i.key === 'tax.corporate_gain_booked'), 'an individual seller: no corporate item');
      assert.deepEqual(at.tax, {
        iitWan: 40,
        stampDutyEachWan: 0.15,
        reportDueOn: calendar.addWorkingDays(today(), 5),
        provisional: !calendar.coversRange(today(), calendar.addWorkingDays(today(), 5)),
      });
      // Stage changes reach both parties.
      const changes = await w.t.database.db
        .selectFrom('notifications')
        .select(['kind', 'params'])
        .where('account_id', '=', w.buyerId)
        .where('kind', 'like', 'deal_stage_%')
        .execute();
      assert.deepEqual(
        changes
          .filter((n) => JSON.parse(n.params).deal === deal.code)
          .map((n) => n.kind)
          .sort(),
        ['deal_stage_agreement', 'deal_stage_due_diligence', 'deal_stage_intent', 'deal_stage_tax_filing'],
      );
    });

    test('exclusivity holds from the deposit until the cancellation: the company is locked for any other listing, and the listing returns to offer after', async () => {
      const { listing, deal } = await w.startDeal(305);
      const lock = w.t.app.services.dealLock;
      assert.equal(await lock.isListingCompanyLocked(listing.id), false, 'an inquiry does not lock');
      const intent = await w.walkTo(deal, 'intent');
      assert.equal(intent.intent?.kind, 'deposit');
      assert.equal(intent.money[0]?.kind, 'deposit');
      assert.equal((await w.send(w.seller, 'GET', `/api/seller/listings/${listing.id}`)).json().status, 'under_offer');
      assert.equal(
        (await w.send(w.seller, 'POST', `/api/seller/listings/${listing.id}/withdraw`, {})).statusCode,
        409,
        'no withdrawal under offer',
      );
      const bidx = (
        await w.t.database.db
          .selectFrom('listing_companies')
          .select('credit_code_bidx')
          .where('listing_id', '=', listing.id)
          .executeTakeFirstOrThrow()
      ).credit_code_bidx;
      assert.equal(await lock.isCompanyLocked(bidx, 'another-listing'), true);
      await w.walkTo(intent, 'agreement');
      assert.equal(await lock.isCompanyLocked(bidx, 'another-listing'), true, 'still locked in due diligence and after');
      const cancelled = await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/cancel`, {
        reason: 'due_diligence_failed',
        note: '尽调发现对外担保',
      });
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(await lock.isCompanyLocked(bidx, 'another-listing'), false);
      assert.equal((await w.send(w.seller, 'GET', `/api/seller/listings/${listing.id}`)).json().status, 'published');
      assert.equal(
        (await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, { from: 'agreement' })).json().code,
        'DEAL_STAGE_ORDER',
      );
      assert.equal((await w.notices(w.sellerId, 'deal_cancelled')).length >= 1, true);
    });

    test('the buyer must still hold L1 when exclusivity starts; another buyer without a grant learns nothing of the deal', async () => {
      const listing = await w.publishListing(306);
      const { grantId } = await w.openL1(listing);
      const deal = await w.ok(w.buyer, 'POST', '/api/deals', { listingId: listing.id });
      const ticked = await w.tickStage(deal);
      assert.equal((await w.send(w.seller, 'POST', `/api/seller/grants/${grantId}/revoke`, {})).statusCode, 200);
      const refused = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, w.advanceInput(ticked.stage));
      assert.equal(refused.json().code, 'DEAL_GRANT_INACTIVE');
      assert.equal(await w.t.app.services.dealLock.isListingCompanyLocked(listing.id), false, 'nothing was locked');
      assert.equal((await w.send(w.seller, 'GET', `/api/seller/listings/${listing.id}`)).json().status, 'published');
      const stranger = await w.t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'buyer-two',
        accountNo: 'C-B2',
        roles: ['buyer'],
        password: 'Seal-bridge harbour 42 lanterns',
      });
      const { signIn } = await import('../helpers/test-app.ts');
      const buyer2 = await signIn(w.t.app, 'buyer-two', 'Seal-bridge harbour 42 lanterns');
      assert.equal((await w.send(buyer2, 'POST', '/api/deals', { listingId: listing.id })).statusCode, 404);
      assert.equal((await w.send(buyer2, 'GET', `/api/deals/${deal.id}`)).statusCode, 404);
      assert.ok(stranger.id);
    });

    test('notes and remarks with an identifier are refused, naming where and never what', async () => {
      const { deal } = await w.startDeal(307);
      const res = await w.send(w.seller, 'PUT', `/api/deals/${deal.id}/checklist/inquiry.scope_confirmed`, {
        done: true,
        remark: '请联系13912345678',
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.equal(res.json().details.findings[0].field, 'remark');
      assert.doesNotMatch(res.body, /13912345678/);
      assert.equal(
        (
          await w.send(w.broker, 'POST', `/api/deals/${deal.id}/cancel`, {
            reason: 'other',
            note: `身份证 ${idNumber('110105', '19760815')}`,
          })
        ).statusCode,
        422,
      );
      // However it is written: spelled-out digits in a stage note, a disguised e-mail in a money note.
      const note = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, {
        ...w.advanceInput('inquiry'),
        note: '买方电话 一三八一二三四五六七八',
      });
      assert.equal(note.json().code, 'FREE_TEXT_IDENTIFIERS');
      const money = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/money`, {
        kind: 'instalment',
        amountWan: 10,
        note: 'wang艾特qq点com',
      });
      assert.equal(money.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.equal((await w.ok(w.broker, 'GET', `/api/deals/${deal.id}`)).money.length, 0, 'nothing stored');
    });

    test('every stage is listed in order with its state', async () => {
      const { deal } = await w.startDeal(308);
      const view: TDealView = await w.walkTo(deal, 'due_diligence');
      assert.deepEqual(
        view.stages.map((s) => s.stage),
        [...DEAL_STAGES],
      );
      assert.deepEqual(
        view.stages.slice(0, 4).map((s) => s.state),
        ['done', 'done', 'current', 'upcoming'],
      );
      assert.ok(view.stages[2]?.items.every((i) => i.dueOn !== null));
      assert.ok(view.stages[3]?.items.every((i) => i.dueOn === null));
    });
  });
}
