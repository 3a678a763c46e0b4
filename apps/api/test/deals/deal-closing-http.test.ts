import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createDealsRepo, createDealsService } from '../../src/modules/deals/index.ts';
import { loadChinaCalendar } from '../../src/platform/calendar/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createDealsWorld, photo, today, type DealsWorld } from './deals-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`the handover and the closing of a deal on ${dialect}`, () => {
    let w: DealsWorld;
    before(async () => {
      w = await createDealsWorld(dialect);
    });
    after(async () => w.t.close());

    /** The deals service as the scheduled jobs see it at a given instant (the injected clock). */
    const at = (iso: string) => {
      const services = w.t.app.services;
      return createDealsService({
        repo: createDealsRepo(w.t.database.db),
        audit: services.auditLog,
        vault: services.vault,
        access: services.disclosure.access,
        listings: services.dealLock,
        calendar: loadChinaCalendar(),
        notifications: services.notifications,
        logger: w.t.logger,
        now: () => new Date(iso),
      });
    };

    test('overdue checklist items are announced to their owners on working days, at most every second working day, until they are done', async () => {
      const { deal } = await w.startDeal(405);
      // Entered on Thursday 3 Dec 2026: the broker's item is due Mon 7 Dec (2 working days), the seller's two Tue 8 Dec.
      await w.t.database.db.updateTable('deals').set({ stage_entered_at: '2026-12-03T02:00:00.000Z' }).where('id', '=', deal.id).execute();
      const counts = async () => {
        const rows = await w.t.database.db
          .selectFrom('notifications')
          .select(['account_id', 'params'])
          .where('kind', '=', 'deal_items_overdue')
          .execute();
        const mine = rows.filter((r) => JSON.parse(r.params).deal === deal.code);
        return {
          broker: mine.filter((r) => r.account_id !== w.sellerId && r.account_id !== w.buyerId).map((r) => JSON.parse(r.params).count),
          seller: mine.filter((r) => r.account_id === w.sellerId).map((r) => JSON.parse(r.params).count),
          buyer: mine.filter((r) => r.account_id === w.buyerId).length,
        };
      };
      await at('2026-12-07T02:00:00.000Z').remindOverdueItems();
      assert.deepEqual(await counts(), { broker: [], seller: [], buyer: 0 }, 'nothing is overdue on its due day');
      await at('2026-12-08T02:00:00.000Z').remindOverdueItems();
      assert.deepEqual(await counts(), { broker: [1], seller: [], buyer: 0 }, "the broker's item the day after it was due");
      await at('2026-12-09T02:00:00.000Z').remindOverdueItems();
      assert.deepEqual(await counts(), { broker: [1], seller: [], buyer: 0 }, 'not again the next working day');
      await at('2026-12-12T02:00:00.000Z').remindOverdueItems();
      assert.deepEqual(await counts(), { broker: [1], seller: [], buyer: 0 }, 'never on a Saturday');
      await at('2026-12-10T02:00:00.000Z').remindOverdueItems();
      const third = await counts();
      assert.deepEqual(third.broker, [1, 3], 'the broker hears of every overdue item');
      assert.deepEqual(third.seller, [2], 'the seller of their own two');
      assert.equal(third.buyer, 0, 'the buyer owns none of them');
      await w.tickStage(deal);
      await at('2026-12-16T02:00:00.000Z').remindOverdueItems();
      assert.deepEqual((await counts()).broker, [1, 3], 'done items are no longer announced');
    });

    test('a deal cannot close with open custody items, uncancelled seals or the Art. 22 task open; then it closes and the listing is sold to its buyer', async () => {
      const { listing, deal } = await w.startDeal(401);
      const handover = await w.walkTo(deal, 'handover');
      assert.equal(handover.art22.state, 'open', 'the Art. 22 task opens with the handover');
      assert.ok(handover.art22.dueOn);
      assert.equal((await w.notices(w.buyerId, 'deal_art22_task')).length, 1);
      const close = () => w.send(w.broker, 'POST', `/api/deals/${deal.id}/advance`, { from: 'handover' });
      const blocked = await close();
      assert.equal(blocked.json().code, 'DEAL_CLOSE_BLOCKED');
      assert.deepEqual(blocked.json().details.blockers, ['checklist', 'custody', 'seal_cancellation', 'art22']);
      await w.tickStage(handover);
      assert.deepEqual((await close()).json().details.blockers, ['custody', 'seal_cancellation', 'art22']);
      // One item handed over but confirmed by the seller only: still open.
      await w.ok(w.seller, 'POST', `/api/deals/${deal.id}/custody/official_seal/photo`, { image: photo('seal') });
      await w.ok(w.seller, 'POST', `/api/deals/${deal.id}/custody/official_seal/confirm`);
      assert.deepEqual((await close()).json().details.blockers, ['custody', 'seal_cancellation', 'art22']);
      const custody = await w.completeCustody(await w.ok(w.broker, 'GET', `/api/deals/${deal.id}`));
      assert.ok(custody.custody.every((c) => c.complete));
      assert.deepEqual((await close()).json().details.blockers, ['art22']);
      assert.equal(
        (await w.send(w.seller, 'POST', `/api/deals/${deal.id}/art22`, { notifiedOn: today(), channels: ['email'], groups: ['employees'] }))
          .statusCode,
        403,
        'assigned to the buyer and the broker',
      );
      const done = await w.ok(w.buyer, 'POST', `/api/deals/${deal.id}/art22`, {
        notifiedOn: today(),
        channels: ['email', 'announcement'],
        groups: ['employees', 'customers'],
        documentId: 'dr-notice-1',
      });
      assert.deepEqual([done.art22.state, done.art22.completedBy, done.art22.documentId], ['done', 'buyer', 'dr-notice-1']);
      const closed = await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/advance`, { from: 'handover' });
      assert.deepEqual([closed.status, closed.stage, closed.legalRep.state], ['closed', 'post_closing', 'pending']);
      assert.equal((await w.send(w.seller, 'GET', `/api/seller/listings/${listing.id}`)).json().status, 'sold');
      assert.equal(await w.t.app.services.dealLock.buyerOf(listing.id), w.buyerId, 'the sold listing records its buyer');
      assert.equal(await w.t.app.services.dealLock.isListingCompanyLocked(listing.id), false);
      assert.equal((await w.notices(w.sellerId, 'deal_closed')).length, 1);
      assert.equal((await w.notices(w.sellerId, 'deal_legal_rep_reminder')).length, 1, 'the first reminder goes with the closing');
      assert.equal(
        (await w.send(w.broker, 'POST', `/api/deals/${deal.id}/cancel`, { reason: 'other' })).statusCode,
        409,
        'a closed deal is not cancelled',
      );
    });

    test('custody: each side confirms only its own part, only on a photo, and a new photo asks both again; photos are sealed and opening one is audited', async () => {
      const { deal } = await w.startDeal(402);
      await w.walkTo(deal, 'handover');
      const url = `/api/deals/${deal.id}/custody/business_licence`;
      assert.equal((await w.send(w.buyer, 'POST', `${url}/confirm`)).json().code, 'CUSTODY_PHOTO_REQUIRED');
      assert.equal((await w.send(w.broker, 'POST', `${url}/confirm`)).statusCode, 403, 'the broker confirms for no one');
      assert.equal(
        (await w.send(w.buyer, 'POST', `${url}/photo`, { image: Buffer.from('GIF89a not allowed').toString('base64') })).json().code,
        'PHOTO_INVALID',
      );
      await w.ok(w.buyer, 'POST', `${url}/photo`, { image: photo('LICENCE-MARKER') });
      await w.ok(w.seller, 'POST', `${url}/confirm`);
      const both = await w.ok(w.buyer, 'POST', `${url}/confirm`);
      const item = both.custody.find((c) => c.kind === 'business_licence');
      assert.ok(item?.sellerConfirmedAt && item.buyerConfirmedAt && item.complete);
      assert.equal((await w.notices(w.sellerId, 'deal_custody_to_confirm')).length >= 1, true);
      const again = await w.ok(w.seller, 'POST', `${url}/photo`, { image: photo('LICENCE-2') });
      const reset = again.custody.find((c) => c.kind === 'business_licence');
      assert.deepEqual([reset?.sellerConfirmedAt, reset?.buyerConfirmedAt, reset?.photo.uploadedBy], [null, null, 'seller']);
      // At rest: only ciphertext.
      const row = await w.t.database.db
        .selectFrom('deal_custody_items')
        .select(['photo_ct'])
        .where('deal_id', '=', deal.id)
        .where('kind', '=', 'business_licence')
        .executeTakeFirstOrThrow();
      assert.ok(row.photo_ct && !row.photo_ct.includes(photo('LICENCE-2').slice(0, 16)));
      const seen = await w.send(w.buyer, 'POST', `${url}/photo/reveal`);
      assert.equal(seen.statusCode, 200, seen.body);
      const shown = Buffer.from(seen.json().image.value, 'base64');
      assert.equal(shown.includes(Buffer.from('LICENCE-2')), false, 'the metadata the phone wrote is gone');
      const pixels = async (png: Buffer) => sharp(png).raw().toBuffer();
      assert.deepEqual(await pixels(shown), await pixels(Buffer.from(photo('LICENCE-2'), 'base64')), 'the same picture, pixel for pixel');
      await w.t.app.services.auditLog.drain();
      const reveals = await w.t.database.db
        .selectFrom('audit_log')
        .select(['fields', 'purpose'])
        .where('type', '=', 'vault.fields_revealed')
        .where('actor_account_id', '=', w.buyerId)
        .execute();
      assert.ok(reveals.some((r) => String(r.fields).includes('deal_custody_items.photo') && r.purpose === 'deal_execution'));
      const viaBroker = await w.send(w.broker, 'POST', `${url}/photo/reveal`);
      assert.equal(viaBroker.statusCode, 200, viaBroker.body);
      assert.equal(
        (
          await w.send(w.buyer, 'POST', `/api/deals/${deal.id}/custody/tax_ukey/seal`, {
            oldSealCancelledOn: today(),
            newSealFiledOn: today(),
          })
        ).statusCode,
        422,
        'a UKey is not a seal',
      );
      const out = await w.ok(w.broker, 'PUT', `/api/deals/${deal.id}/custody/contract_archive/applicable`, { applicable: false });
      assert.equal(out.custody.find((c) => c.kind === 'contract_archive')?.complete, true, 'out of scope counts as done');
    });

    test('money is recorded, not moved: amounts are checked, the pledge is released only after the final payment, the holdback only after its claims window', async () => {
      const { deal } = await w.startDeal(403);
      await w.walkTo(deal, 'agreement');
      const money = (body: Record<string, unknown>) => w.send(w.broker, 'POST', `/api/deals/${deal.id}/money`, body);
      for (const amountWan of [-1, 0, 1e308, 12.345, 2_000_000])
        assert.equal((await money({ kind: 'instalment', amountWan })).statusCode, 422, String(amountWan));
      assert.equal((await money({ kind: 'instalment', amountWan: '100' })).statusCode, 422, 'a number, not a string');
      assert.equal((await money({ kind: 'holdback', amountWan: 20 })).statusCode, 422, 'a holdback needs its claims window');
      assert.equal((await w.send(w.seller, 'POST', `/api/deals/${deal.id}/money`, { kind: 'instalment', amountWan: 1 })).statusCode, 403);
      const withFinal = (await money({ kind: 'final_payment', amountWan: 190.5, dueOn: '2027-01-15' })).json();
      assert.equal(withFinal.money.find((m: { kind: string }) => m.kind === 'final_payment').amountWan, 190.5);
      assert.equal((await money({ kind: 'final_payment', amountWan: 1 })).json().code, 'DEAL_MONEY_RULE', 'one final payment');
      const windowEnd = '2099-06-30';
      const held = (await money({ kind: 'holdback', amountWan: 20, claimsWindowEndsOn: windowEnd })).json();
      const holdback = held.money.find((m: { kind: string }) => m.kind === 'holdback');
      const final = held.money.find((m: { kind: string }) => m.kind === 'final_payment');
      const pledge = (body: Record<string, unknown>) => w.send(w.broker, 'POST', `/api/deals/${deal.id}/pledge`, body);
      await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/pledge`, { action: 'registered', on: today() });
      assert.equal((await pledge({ action: 'released', on: today() })).json().code, 'DEAL_MONEY_RULE');
      await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/money/${final.id}`, { action: 'paid', on: today() });
      assert.equal((await pledge({ action: 'released', on: today() })).statusCode, 200);
      await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/money/${holdback.id}`, { action: 'paid', on: today() });
      const early = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/money/${holdback.id}`, { action: 'released', on: today() });
      assert.equal(early.json().code, 'DEAL_MONEY_RULE');
      assert.equal(
        (await w.send(w.broker, 'POST', `/api/deals/${deal.id}/money/${holdback.id}`, { action: 'paid', on: '2099-01-01' })).statusCode,
        422,
        'no payment in the future',
      );
      const rows = await w.t.database.db.selectFrom('deal_money').select(['amount_cents', 'kind']).where('deal_id', '=', deal.id).execute();
      assert.ok(rows.some((r) => r.kind === 'final_payment' && Number(r.amount_cents) === 19050));
    });

    test('after the closing the seller is reminded every 5 working days until they confirm, with evidence, that they are no longer legal representative', async () => {
      const { deal } = await w.startDeal(404);
      const handover = await w.tickStage(await w.walkTo(deal, 'handover'));
      await w.completeCustody(handover);
      await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/art22`, { notifiedOn: today(), channels: ['letter'], groups: ['suppliers'] });
      await w.ok(w.broker, 'POST', `/api/deals/${deal.id}/advance`, { from: 'handover' });
      const only = async (iso: string) => {
        await at(iso).remindLegalRepresentatives();
        return (
          await w.t.database.db.selectFrom('deals').select('legal_rep_last_reminder_at').where('id', '=', deal.id).executeTakeFirstOrThrow()
        ).legal_rep_last_reminder_at;
      };
      await w.t.database.db
        .updateTable('deals')
        .set({ legal_rep_last_reminder_at: '2026-09-29T02:00:00.000Z' })
        .where('id', '=', deal.id)
        .execute();
      assert.equal(
        await only('2026-10-10T02:00:00.000Z'),
        '2026-09-29T02:00:00.000Z',
        'Saturday 10 Oct is the 4th working day after (Golden Week in between)',
      );
      assert.equal(await only('2026-10-11T02:00:00.000Z'), '2026-09-29T02:00:00.000Z', 'no reminder on a Sunday');
      assert.equal(await only('2026-10-12T02:00:00.000Z'), '2026-10-12T02:00:00.000Z', 'the 5th working day');
      assert.equal(
        (await w.send(w.buyer, 'POST', `/api/deals/${deal.id}/legal-rep`, { changedOn: today(), evidenceImage: photo('x') })).statusCode,
        403,
      );
      const confirmed = await w.ok(w.seller, 'POST', `/api/deals/${deal.id}/legal-rep`, {
        changedOn: today(),
        evidenceImage: photo('NEW-LICENCE'),
      });
      assert.equal(confirmed.legalRep.state, 'confirmed');
      assert.equal(await only('2026-12-31T02:00:00.000Z'), '2026-10-12T02:00:00.000Z', 'no reminder once confirmed');
      const evidence = await w.send(w.broker, 'POST', `/api/deals/${deal.id}/legal-rep/reveal`);
      assert.equal(evidence.statusCode, 200, evidence.body);
      assert.equal((await w.send(w.buyer, 'POST', `/api/deals/${deal.id}/legal-rep/reveal`)).statusCode, 403);
      assert.equal(
        (await w.send(w.seller, 'POST', `/api/deals/${deal.id}/legal-rep`, { changedOn: today(), evidenceImage: photo('again') }))
          .statusCode,
        409,
      );
    });
  });
}
