import assert from 'node:assert/strict';
import { DEAL_CHECKLIST, type DealStage, type TDealView, type TListingInput } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { demoSellerListings, syntheticCreditCode } from '../../src/modules/listings/index.ts';
import { chinaDay } from '../../src/platform/calendar/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { consent, grantOf, INQUIRY, signNda, verifyBuyer, type DisclosureWorld } from '../disclosure/disclosure-fixture.ts';
import { createIdentityTestApp } from '../helpers/identity-app.ts';
import { pngWith } from '../verification/verification-fixture.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';

const CHECKLIST = {
  identity_checked: true,
  registry_checked: true,
  teaser_anonymous: true,
  red_flags_disclosed: true,
  price_reasonable: true,
};
/** A real PNG (noise drawn from the marker) with the marker in its metadata, as base64. */
export const photo = (marker: string) => pngWith(marker).toString('base64');
export const today = () => chinaDay(new Date());

export type DealsWorld = Awaited<ReturnType<typeof createDealsWorld>>;

/** A test app with the demo accounts and helpers to open L1 through the disclosure path and to walk a deal. */
export async function createDealsWorld(dialect: DialectName) {
  const app = await createIdentityTestApp(dialect);
  await seedDemo(app.database, app.app.services);
  await app.app.services.listings.settled();
  const [seller, buyer, broker, admin] = (await Promise.all(
    ['seller', 'buyer', 'broker', 'admin'].map((n) => signIn(app.app, n, DEMO_PASSWORD)),
  )) as [Session, Session, Session, Session];
  const idOf = async (s: Session) =>
    ((await app.app.inject({ method: 'GET', url: '/api/auth/me', headers: authHeaders(s, false) })).json() as { account: { id: string } })
      .account.id;
  const buyerId = await idOf(buyer);
  const sellerId = await idOf(seller);
  const ids = { seller: sellerId, buyer: buyerId, broker: await idOf(broker), admin: await idOf(admin) };
  let buyerVerified = false;

  /**
   * Every step of the disclosure path to an active L1 for the demo buyer on a listing: inquiry, real-name
   * verification (once), the NDA, the seller's separate consent naming the buyer, the adviser's approval.
   */
  async function openL1(listing: { id: string; code: string }) {
    const w: DisclosureWorld = { t: app, seller, buyer, broker, admin, listing, ids };
    const inquiry = await app.app.inject({
      method: 'POST',
      url: `/api/listings/${listing.code}/inquiries`,
      headers: authHeaders(buyer),
      payload: INQUIRY,
    });
    assert.equal(inquiry.statusCode, 200, inquiry.body);
    const inquiryId = (inquiry.json() as { id: string }).id;
    if (!buyerVerified) await verifyBuyer(w);
    buyerVerified = true;
    await signNda(w, inquiryId);
    await consent(w, 'seller', inquiryId, 'L1');
    const grantId = await grantOf(w, 'L1');
    const approved = await app.app.inject({
      method: 'POST',
      url: `/api/broker/grants/${grantId}/decision`,
      headers: authHeaders(broker),
      payload: { decision: 'approve', reason: '', days: 30 },
    });
    assert.equal(approved.statusCode, 200, approved.body);
    return { inquiryId, grantId };
  }

  const send = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.app.inject({
      method,
      url,
      headers: authHeaders(s, method !== 'GET'),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<TDealView> => {
    const res = await send(s, method, url, payload);
    assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
    return res.json() as TDealView;
  };

  /** A listing of a fresh synthetic company, published by the broker. */
  async function publishListing(serial: number) {
    const base = demoSellerListings()[0] as TListingInput;
    const body = {
      ...base,
      company: { ...base.company, name: `杭州澜舟${serial}信息科技有限公司`, creditCode: syntheticCreditCode(serial) },
    };
    const draft = await send(seller, 'POST', '/api/seller/listings', body);
    assert.equal(draft.statusCode, 200, draft.body);
    const { id, code } = draft.json() as { id: string; code: string };
    assert.equal((await send(seller, 'POST', `/api/seller/listings/${id}/submit`, {})).statusCode, 200);
    assert.equal((await send(broker, 'POST', `/api/broker/listings/${id}/company/reveal`, {})).statusCode, 200);
    assert.equal(
      (await send(broker, 'POST', `/api/broker/listings/${id}/review`, { decision: 'approve', comment: '', checklist: CHECKLIST }))
        .statusCode,
      200,
    );
    return { id, code, body };
  }

  /** The buyer, granted L1 on a new listing, starts a deal. */
  async function startDeal(serial: number) {
    const listing = await publishListing(serial);
    await openL1(listing);
    const deal = await ok(buyer, 'POST', '/api/deals', { listingId: listing.id });
    return { listing, deal };
  }

  /** Ticks every applicable item of the current stage as the broker. */
  async function tickStage(deal: TDealView): Promise<TDealView> {
    let view = deal;
    const stage = view.stages.find((s) => s.state === 'current');
    for (const item of stage?.items ?? [])
      if (!item.done) view = await ok(broker, 'PUT', `/api/deals/${deal.id}/checklist/${item.key}`, { done: true });
    return view;
  }

  /** The input the broker gives when leaving `from`. */
  const advanceInput = (from: DealStage) => ({
    from,
    ...(from === 'inquiry' ? { intent: { kind: 'deposit', signedOn: today(), exclusiveUntil: '2099-12-31', depositWan: 10 } } : {}),
    ...(from === 'agreement' ? { agreement: { signedOn: today(), sellerKind: 'individual', priceWan: 300, costBasisWan: 100 } } : {}),
  });

  /** Ticks and advances until the deal is at `target`. */
  async function walkTo(deal: TDealView, target: DealStage): Promise<TDealView> {
    let view = deal;
    while (view.stage !== target) {
      view = await tickStage(view);
      view = await ok(broker, 'POST', `/api/deals/${deal.id}/advance`, advanceInput(view.stage));
    }
    return view;
  }

  /** Photographs, confirms (both sides) and, for seals, records the cancellation of every item in scope. */
  async function completeCustody(deal: TDealView): Promise<TDealView> {
    let view = deal;
    for (const item of view.custody.filter((c) => c.applicable)) {
      await ok(seller, 'POST', `/api/deals/${deal.id}/custody/${item.kind}/photo`, { image: photo(item.kind) });
      await ok(seller, 'POST', `/api/deals/${deal.id}/custody/${item.kind}/confirm`);
      view = await ok(buyer, 'POST', `/api/deals/${deal.id}/custody/${item.kind}/confirm`);
      if (item.seal)
        view = await ok(buyer, 'POST', `/api/deals/${deal.id}/custody/${item.kind}/seal`, {
          oldSealCancelledOn: today(),
          newSealFiledOn: today(),
        });
    }
    return view;
  }

  const notices = (accountId: string, kind: string) =>
    app.database.db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).where('kind', '=', kind).execute();

  return {
    t: app,
    openL1,
    seller,
    broker,
    buyer,
    buyerId,
    sellerId,
    send,
    ok,
    publishListing,
    startDeal,
    tickStage,
    walkTo,
    completeCustody,
    advanceInput,
    notices,
    checklist: DEAL_CHECKLIST,
  };
}
