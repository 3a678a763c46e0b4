import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { signIn } from '../helpers/test-app.ts';
import {
  client,
  consent,
  createDisclosureWorld,
  grantOf,
  inquire,
  openL1,
  signNda,
  verifyBuyer,
  type DisclosureWorld,
} from './disclosure-fixture.ts';

for (const dialect of DIALECTS) {
  describe(`the disclosure path from teaser to identity on ${dialect}`, () => {
    let w: DisclosureWorld;
    let c: ReturnType<typeof client>;
    before(async () => {
      w = await createDisclosureWorld(dialect);
      c = client(w.t.app);
    });
    after(async () => w.t.close());

    test('a visitor is asked to sign in, and a listing that is not public answers like one that does not exist', async () => {
      assert.equal((await c.post(null, `/api/listings/${w.listing.code}/inquiries`, {})).statusCode, 401);
      const drafts = (await c.get(w.seller, '/api/seller/listings')).json() as { items: { code: string; status: string }[] };
      const draft = drafts.items.find((l) => l.status === 'draft');
      assert.ok(draft);
      const hidden = await c.post(w.buyer, `/api/listings/${draft.code}/inquiries`, {
        buyerType: 'company',
        budgetBand: 'lt50',
        timeline: 'over_6m',
      });
      const missing = await c.post(w.buyer, '/api/listings/SB-2099-NONE/inquiries', {
        buyerType: 'company',
        budgetBand: 'lt50',
        timeline: 'over_6m',
      });
      assert.equal(hidden.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.equal(hidden.json().code, missing.json().code);
    });

    test('a note carrying a phone number is refused with where it is, never what, and nothing is stored', async () => {
      const res = await c.post(w.buyer, `/api/listings/${w.listing.code}/inquiries`, {
        buyerType: 'company',
        budgetBand: 'lt50',
        timeline: 'over_6m',
        note: '方便的话打我电话13912345678',
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'FREE_TEXT_IDENTIFIERS');
      assert.equal(res.json().details.findings[0].field, 'note');
      assert.doesNotMatch(res.body, /13912345678/);
      assert.equal((await w.t.database.db.selectFrom('inquiries').select('id').execute()).length, 0);
    });

    test('the seller and the adviser see the inquiry with the buyer masked — alias, badge and bands — and the buyer sees what is missing', async () => {
      const inquiry = await inquire(w);
      const again = await c.post(w.buyer, `/api/listings/${w.listing.code}/inquiries`, {
        buyerType: 'company',
        budgetBand: 'lt50',
        timeline: 'over_6m',
      });
      assert.equal(again.json().code, 'INQUIRY_EXISTS');
      const sellerSide = (await c.get(w.seller, '/api/seller/inquiries')).json();
      const brokerSide = (await c.get(w.broker, '/api/broker/inquiries')).json();
      for (const side of [sellerSide, brokerSide]) {
        assert.equal(side.items.length, 1);
        assert.match(side.items[0].buyerAlias, /^B-[0-9A-Z]{6}$/);
        assert.equal(side.items[0].buyerVerified, false);
        assert.equal(side.items[0].budgetBand, '100to300');
        const text = JSON.stringify(side);
        assert.ok(!text.includes(w.ids.buyer), 'no buyer account id');
        assert.doesNotMatch(text, /C-200001|欧阳/);
      }
      const mine = (await c.get(w.buyer, '/api/me/inquiries')).json();
      assert.equal(mine.items[0].id, inquiry.id);
      assert.deepEqual(mine.items[0].preconditions, {
        buyerVerified: false,
        ndaSigned: false,
        proofOfFunds: 'not_required',
        sellerConsentL1: 'not_asked',
        sellerConsentL3: 'not_asked',
        buyerConsentL3: 'not_asked',
      });
      assert.deepEqual(
        mine.items[0].levels.map((l: { level: string; state: string }) => [l.level, l.state]),
        [
          ['L1', 'requested'],
          ['L2', 'none'],
          ['L3', 'none'],
        ],
      );
      const notices = (await c.get(w.seller, '/api/me/notifications')).json();
      assert.equal(notices.items[0].kind, 'inquiry_received');
      assert.equal(notices.items[0].params.buyer, sellerSide.items[0].buyerAlias);
    });

    test("L1 opens only when verification, the NDA, the seller's consent naming the buyer and the adviser's approval all hold", async () => {
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      const grantId = await grantOf(w, 'L1');
      const early = await c.post(w.broker, `/api/broker/grants/${grantId}/decision`, { decision: 'approve' });
      assert.equal(early.json().code, 'DISCLOSURE_PRECONDITIONS');
      assert.deepEqual(early.json().details.missing, ['inquiry_not_accepted', 'buyer_not_verified', 'nda_not_signed', 'seller_consent']);
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');

      await verifyBuyer(w);
      await signNda(w, inquiryId);
      await consent(w, 'seller', inquiryId, 'L1');
      const approved = await c.post(w.broker, `/api/broker/grants/${grantId}/decision`, { decision: 'approve', days: 30 });
      assert.equal(approved.statusCode, 200, approved.body);
      const l1 = await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`);
      assert.equal(l1.statusCode, 200, l1.body);
      assert.equal(l1.json().company.name.state, 'revealed');
      assert.match(l1.json().company.name.value, /有限公司$/);
      assert.equal(typeof l1.json().facts.registeredCapitalWan, 'number');

      // The seller sees who read what, by alias and NDA, never by the buyer's customer number.
      const log = (await c.get(w.seller, '/api/me/access-log')).json();
      const entry = log.entries.find((e: { purpose: string }) => e.purpose === 'deal_disclosure');
      assert.ok(entry, "the view is in the seller's access log");
      assert.equal(entry.counterparty.listingCode, w.listing.code);
      assert.match(entry.counterparty.alias, /^B-/);
      assert.ok(entry.counterparty.ndaSignatureId);
      assert.equal(entry.staffNo, null);
      assert.ok(entry.fields.some((f: { key: string }) => f.key === 'listing_companies.company_name'));
    });

    test('another buyer, the admin and another seller cannot open L1 or the inquiry; probes are refused alike', async () => {
      const other = await w.t.app.services.identity.createAccount({
        kind: 'customer',
        loginName: 'other-buyer',
        accountNo: 'C-299999',
        roles: ['buyer'],
        password: 'Seal-bridge harbour 42 lanterns',
      });
      const otherSession = await signIn(w.t.app, 'other-buyer', 'Seal-bridge harbour 42 lanterns');
      assert.ok(other.id);
      assert.equal((await c.get(otherSession, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      assert.equal((await c.get(otherSession, `/api/me/inquiries/${inquiryId}/nda`)).statusCode, 404);
      assert.equal((await c.get(w.admin, `/api/me/disclosures/${w.listing.id}`)).statusCode, 403);
      assert.equal((await c.get(w.buyer, `/api/seller/listings/${w.listing.id}/disclosure`)).statusCode, 403);
    });

    test("L2 needs L1 and the adviser's approval; L3 needs both sides' consents naming each other, and opens contacts both ways", async () => {
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      assert.equal((await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/levels`, { level: 'L2' })).statusCode, 200);
      const l2 = await grantOf(w, 'L2');
      assert.equal((await c.post(w.broker, `/api/broker/grants/${l2}/decision`, { decision: 'approve' })).statusCode, 200);
      assert.ok(await w.t.app.services.disclosure.access.activeGrant(w.listing.id, w.ids.buyer, 'L2'));

      assert.equal((await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/levels`, { level: 'L3' })).statusCode, 200);
      const l3 = await grantOf(w, 'L3');
      const missing = await c.post(w.broker, `/api/broker/grants/${l3}/decision`, { decision: 'approve' });
      assert.deepEqual(missing.json().details.missing, ['seller_consent', 'buyer_consent']);
      await consent(w, 'buyer', inquiryId, 'L3');
      await consent(w, 'seller', inquiryId, 'L3');
      assert.equal((await c.post(w.broker, `/api/broker/grants/${l3}/decision`, { decision: 'approve' })).statusCode, 200);
      const toBuyer = (await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/contacts`)).json();
      const toSeller = (await c.get(w.seller, `/api/seller/inquiries/${inquiryId}/contacts`)).json();
      assert.equal(toBuyer.counterpartyRole, 'seller');
      assert.equal(toBuyer.mobile.state, 'revealed');
      assert.equal(toSeller.counterpartyRole, 'buyer');
      assert.equal(toSeller.name.state, 'revealed');
      // The seller withdraws the L3 consent: contacts close, L1 stays open.
      const withdrawn = await c.post(w.seller, '/api/me/consents/withdraw', {
        purpose: 'deal_execution',
        kind: 'recipient',
        recipient: `inquiry:${inquiryId}`,
      });
      assert.ok([200, 201].includes(withdrawn.statusCode), withdrawn.body);
      assert.equal((await c.get(w.buyer, `/api/me/inquiries/${inquiryId}/contacts`)).json().code, 'GRANT_NOT_ACTIVE');
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
    });

    test('a revoked grant and a withdrawn consent are refused at once — on this instance and on a second one', async () => {
      const second = await w.t.secondInstance();
      const c2 = client(second);
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      assert.equal((await c2.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
      // Withdrawal of the L1 consent closes every level for that buyer.
      const withdrawn = await c.post(w.seller, '/api/me/consents/withdraw', {
        purpose: 'deal_disclosure',
        kind: 'recipient',
        recipient: `inquiry:${inquiryId}`,
      });
      assert.ok([200, 201].includes(withdrawn.statusCode), withdrawn.body);
      assert.equal((await c2.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      assert.equal(await w.t.app.services.disclosure.access.activeGrant(w.listing.id, w.ids.buyer, 'L2'), null);
      const panel = (await c.get(w.seller, `/api/seller/listings/${w.listing.id}/disclosure`)).json();
      assert.equal(panel.buyers[0].levels[0].state, 'consent_withdrawn');
      // Consent again, then the seller revokes the grant itself.
      await consent(w, 'seller', inquiryId, 'L1');
      assert.equal((await c2.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
      const grantId = await grantOf(w, 'L1');
      assert.equal((await c.post(w.seller, `/api/seller/grants/${grantId}/revoke`, { reason: '暂停对外披露' })).statusCode, 200);
      assert.equal((await c2.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      const history = (await c.get(w.seller, `/api/seller/listings/${w.listing.id}/disclosure`)).json().history;
      assert.ok(history.some((e: { action: string; level: string }) => e.action === 'revoked' && e.level === 'L1'));
      // A renewal re-checks everything and opens it again.
      assert.equal((await c.post(w.broker, `/api/broker/grants/${grantId}/renew`, { days: 10 })).statusCode, 409);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`grant states on ${dialect}`, () => {
    let w: DisclosureWorld;
    let c: ReturnType<typeof client>;
    before(async () => {
      w = await createDisclosureWorld(dialect);
      c = client(w.t.app);
    });
    after(async () => w.t.close());

    test('an expired grant is refused and shown as expired; the sweep marks it and tells both sides; a renewal opens it again', async () => {
      const { grantId } = await openL1(w);
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
      await w.t.database.db
        .updateTable('disclosure_grants')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', grantId)
        .execute();
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      assert.equal((await c.get(w.buyer, '/api/me/inquiries')).json().items[0].levels[0].state, 'expired');
      assert.equal(await w.t.app.services.disclosure.grants.expireLapsed(), 1);
      assert.equal((await c.get(w.seller, '/api/me/notifications')).json().items[0].kind, 'level_expired');
      assert.equal((await c.post(w.seller, `/api/seller/grants/${grantId}/renew`, { days: 7 })).statusCode, 200);
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
    });

    test('proof of funds, when the seller asks for it, is sealed, opened only by the adviser, and gates L1', async () => {
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      assert.equal(
        (await c.put(w.seller, `/api/seller/listings/${w.listing.id}/disclosure-settings`, { requiresProofOfFunds: true })).statusCode,
        200,
      );
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      const fakePdf = await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/proof-of-funds`, {
        mediaType: 'application/pdf',
        contentBase64: Buffer.from('GIF89a not a pdf').toString('base64'),
      });
      assert.equal(fakePdf.json().code, 'DOCUMENT_INVALID');
      const canary = 'CANARY-FUNDS-7731';
      const pdf = Buffer.from(`%PDF-1.4\n% ${canary} 招商银行存款证明\n%%EOF\n`);
      const sent = await c.post(w.buyer, `/api/me/inquiries/${inquiryId}/proof-of-funds`, {
        mediaType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().preconditions.proofOfFunds, 'pending');
      const stored = JSON.stringify(await w.t.database.db.selectFrom('proof_of_funds').selectAll().execute());
      assert.ok(!stored.includes(canary) && !stored.includes(pdf.toString('base64')), 'sealed at rest');
      const side = (await c.get(w.broker, '/api/broker/inquiries')).json().items[0];
      const opened = await c.post(w.broker, `/api/broker/proofs/${side.proofOfFundsId}/reveal`, {});
      assert.equal(opened.statusCode, 200, opened.body);
      assert.ok(Buffer.from(opened.json().contentBase64, 'base64').toString('latin1').includes(canary));
      assert.equal((await c.post(w.seller, `/api/broker/proofs/${side.proofOfFundsId}/reveal`, {})).statusCode, 403);
      assert.equal((await c.post(w.broker, `/api/broker/proofs/${side.proofOfFundsId}/review`, { decision: 'approve' })).statusCode, 200);
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).statusCode, 200);
    });

    test('a declined inquiry gives the buyer the reason, closes the levels, and cannot carry a consent any more', async () => {
      const inquiryId = ((await c.get(w.buyer, '/api/me/inquiries')).json().items[0] as { id: string }).id;
      const missingReason = await c.post(w.seller, `/api/seller/inquiries/${inquiryId}/decision`, { decision: 'decline' });
      assert.equal(missingReason.statusCode, 422);
      assert.equal(
        (await c.post(w.seller, `/api/seller/inquiries/${inquiryId}/decision`, { decision: 'decline', reason: '已与其他买方进入洽谈' }))
          .statusCode,
        200,
      );
      const mine = (await c.get(w.buyer, '/api/me/inquiries')).json().items[0];
      assert.equal(mine.status, 'declined');
      assert.equal(mine.decisionReason, '已与其他买方进入洽谈');
      assert.equal(mine.levels[0].state, 'revoked');
      assert.equal((await c.get(w.buyer, `/api/me/disclosures/${w.listing.id}`)).json().code, 'GRANT_NOT_ACTIVE');
      const refused = await c.post(w.seller, `/api/seller/inquiries/${inquiryId}/consent`, {
        level: 'L1',
        decision: 'given',
        noticeVersion: 1,
        uiTextHash: 'a'.repeat(64),
      });
      assert.equal(refused.json().code, 'CONSENT_NOT_OFFERED');
    });
  });
}
