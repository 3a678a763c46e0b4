import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DialectName } from '../../src/platform/db/index.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import type { IdentityTestApp } from '../helpers/identity-app.ts';
import {
  client as disclosureClient,
  consent,
  createDisclosureWorld,
  grantOf,
  openL1,
  signNda,
  verifyBuyer,
  type DisclosureWorld,
} from '../disclosure/disclosure-fixture.ts';

export const PEOPLE = ['buyer', 'seller', 'broker', 'stranger', 'otherBroker'] as const;
export type Person = (typeof PEOPLE)[number];

export type MessagingTestApp = IdentityTestApp & {
  world: DisclosureWorld;
  ids: Record<Person, string>;
  sessions: Record<Person, Session>;
  listingId: string;
  listingCode: string;
  /** The in-app notices the notifications module stored for an account (optionally of one kind), oldest first. */
  notices: (accountId: string, kind?: string) => Promise<{ kind: string; params: Record<string, string | number>; link: string | null }[]>;
  /** The real disclosure path, step by step (grants read from the database on every request). */
  grants: {
    /** The buyer's inquiry on the demo seller's published listing (a thread can be opened from then on). */
    inquire: () => Promise<string>;
    /** Verification, NDA, the seller's consent naming the buyer, the broker's approval: L1 opens. */
    openL1: () => Promise<void>;
    /** L3: the buyer asks, both sides consent naming each other, the broker approves. */
    openL3: () => Promise<void>;
    /** The seller withdraws (or gives again) the L3 consent naming the buyer: contacts close (or open) at once. */
    sellerL3Consent: (decision: 'withdraw' | 'give') => Promise<void>;
    /** The broker revokes a grant. */
    revoke: (level: 'L1' | 'L3') => Promise<void>;
  };
  /** The listing's broker becomes another one (the adviser module's reassignment moves the seller's listings). */
  moveListingTo: (brokerAccountId: string) => Promise<void>;
};

/**
 * The demo world (seller with a published listing, buyer, broker) over a fresh store with the real disclosure module,
 * plus `stranger` (a buyer without an inquiry) and `otherBroker` (a trained broker not serving the listing).
 */
export async function createMessagingTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<MessagingTestApp> {
  const world = await createDisclosureWorld(dialect, env);
  const t = world.t;
  const identity = t.app.services.identity;
  const stranger = await identity.createAccount({
    kind: 'customer',
    loginName: 'msg-stranger',
    accountNo: 'M-stranger',
    roles: ['buyer'],
    password: 'pw-stranger-123',
  });
  const otherBroker = await identity.createAccount({
    kind: 'staff',
    loginName: 'msg-broker-2',
    accountNo: 'M-broker-2',
    roles: ['broker'],
    password: 'pw-broker-2-123',
  });
  await completeStaffTraining(t.app.services, world.ids.broker, otherBroker.id);
  const ids: Record<Person, string> = {
    buyer: world.ids.buyer,
    seller: world.ids.seller,
    broker: world.ids.broker,
    stranger: stranger.id,
    otherBroker: otherBroker.id,
  };
  const sessions: Record<Person, Session> = {
    buyer: world.buyer,
    seller: world.seller,
    broker: world.broker,
    stranger: await signIn(t.app, 'msg-stranger', 'pw-stranger-123'),
    otherBroker: await signIn(t.app, 'msg-broker-2', 'pw-broker-2-123'),
  };
  const c = disclosureClient(t.app);
  let inquiryId: string | undefined;
  const inquiry = () => {
    assert.ok(inquiryId, 'the buyer has inquired');
    return inquiryId;
  };
  return {
    ...t,
    world,
    ids,
    sessions,
    listingId: world.listing.id,
    listingCode: world.listing.code,
    notices: async (accountId, kind) => {
      let q = t.database.db.selectFrom('notifications').select(['kind', 'params', 'link']).where('account_id', '=', accountId);
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => ({ kind: r.kind, params: JSON.parse(r.params) as Record<string, string | number>, link: r.link }));
    },
    grants: {
      inquire: async () => {
        const res = await c.post(world.buyer, `/api/listings/${world.listing.code}/inquiries`, {
          buyerType: 'company',
          budgetBand: '100to300',
          timeline: '1to3m',
          note: '希望了解资质和纳税情况',
        });
        assert.equal(res.statusCode, 200, res.body);
        inquiryId = (res.json() as { id: string }).id;
        return inquiryId;
      },
      openL1: async () => {
        // openL1 inquires itself; with an inquiry already made, finish the remaining steps the same way.
        if (!inquiryId) {
          inquiryId = (await openL1(world)).inquiryId;
          return;
        }
        await verifyBuyer(world);
        await signNda(world, inquiryId);
        await consent(world, 'seller', inquiryId, 'L1');
        const res = await c.post(world.broker, `/api/broker/grants/${await grantOf(world, 'L1')}/decision`, {
          decision: 'approve',
          reason: '',
          days: 30,
        });
        assert.equal(res.statusCode, 200, res.body);
      },
      openL3: async () => {
        assert.equal((await c.post(world.buyer, `/api/me/inquiries/${inquiry()}/levels`, { level: 'L3' })).statusCode, 200);
        await consent(world, 'buyer', inquiry(), 'L3');
        await consent(world, 'seller', inquiry(), 'L3');
        const res = await c.post(world.broker, `/api/broker/grants/${await grantOf(world, 'L3')}/decision`, { decision: 'approve' });
        assert.equal(res.statusCode, 200, res.body);
      },
      sellerL3Consent: async (decision) => {
        if (decision === 'give') return consent(world, 'seller', inquiry(), 'L3');
        const res = await c.post(world.seller, '/api/me/consents/withdraw', {
          purpose: 'deal_execution',
          kind: 'recipient',
          recipient: `inquiry:${inquiry()}`,
        });
        assert.ok([200, 201].includes(res.statusCode), res.body);
      },
      revoke: async (level) => {
        const res = await c.post(world.broker, `/api/broker/grants/${await grantOf(world, level)}/revoke`, { reason: '暂停对外披露' });
        assert.equal(res.statusCode, 200, res.body);
      },
    },
    moveListingTo: (brokerAccountId) => t.app.services.listings.moveSellerListings(world.ids.seller, brokerAccountId),
  };
}

/** Shorthands for the HTTP calls a person's browser would make. */
export function client(app: FastifyInstance, session: Session) {
  const headers = authHeaders(session);
  const json = <T>(res: LightMyRequestResponse) => res.json() as T;
  return {
    open: (listingId: string) => app.inject({ method: 'POST', url: '/api/me/threads', headers, payload: { listingId } }),
    threads: () => app.inject({ url: '/api/me/threads', headers }),
    thread: (id: string) => app.inject({ url: `/api/me/threads/${id}`, headers }),
    messages: (id: string, lane: string, extra = '') => app.inject({ url: `/api/me/threads/${id}/messages?lane=${lane}${extra}`, headers }),
    send: (id: string, lane: string, text: string, attachments: string[] = []) =>
      app.inject({ method: 'POST', url: `/api/me/threads/${id}/messages`, headers, payload: { lane, text, attachments } }),
    read: (id: string, lane: string, messageId: string) =>
      app.inject({ method: 'POST', url: `/api/me/threads/${id}/read`, headers, payload: { lane, messageId } }),
    callback: (id: string, window = 'afternoon') =>
      app.inject({ method: 'POST', url: `/api/me/threads/${id}/callbacks`, headers, payload: { window } }),
    flags: (status = 'open') => app.inject({ url: `/api/broker/messages/flags?status=${status}`, headers }),
    acknowledge: (id: string) => app.inject({ method: 'POST', url: `/api/broker/messages/flags/${id}/acknowledge`, headers }),
    callbacks: (status = 'open') => app.inject({ url: `/api/broker/messages/callbacks?status=${status}`, headers }),
    done: (id: string, outcome = 'call_held') =>
      app.inject({ method: 'POST', url: `/api/broker/messages/callbacks/${id}/done`, headers, payload: { outcome } }),
    json,
  };
}

/** The text a reader sees, with masked runs as ⟨kind⟩ and withheld runs as «text». */
export function rendered(message: {
  segments: ({ type: 'text'; text: string } | { type: 'masked'; kind: string } | { type: 'withheld'; kind: string; text: string })[];
}): string {
  return message.segments.map((s) => (s.type === 'text' ? s.text : s.type === 'masked' ? `⟨${s.kind}⟩` : `«${s.text}»`)).join('');
}
