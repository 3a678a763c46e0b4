import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { newId } from '../../src/platform/ids/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { createFakeDisclosure, type FakeDisclosure } from '../fakes/fake-disclosure.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';
import { authHeaders, signIn, TEST_INDEX_HTML, type Session } from '../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';

export const PEOPLE = ['buyer', 'seller', 'broker', 'stranger', 'otherBroker'] as const;
export type Person = (typeof PEOPLE)[number];

export type MessagingTestApp = TestStore & {
  app: FastifyInstance;
  disclosure: FakeDisclosure;
  /** The in-app notices the notifications module stored for an account (optionally of one kind), oldest first. */
  notices: (accountId: string, kind?: string) => Promise<{ kind: string; params: Record<string, string | number>; link: string | null }[]>;
  ids: Record<Person, string>;
  sessions: Record<Person, Session>;
  listingId: string;
  listingCode: string;
  /** Another instance over the same store, Redis and disclosure state (a second server behind the balancer). */
  secondInstance: () => Promise<FastifyInstance>;
  close: () => Promise<void>;
};

/**
 * An app whose disclosure port is the fake (until the disclosure module lands on main): one listing of
 * `seller`, served by `broker`; `buyer` has an inquiry on it; `stranger` (a buyer) and `otherBroker` are in no thread.
 */
export async function createMessagingTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<MessagingTestApp> {
  const store = await createTestStore(dialect, env);
  const webDistDir = join(store.dataDir, 'web-dist');
  mkdirSync(webDistDir, { recursive: true });
  writeFileSync(join(webDistDir, 'index.html'), TEST_INDEX_HTML);
  const disclosure = createFakeDisclosure();
  const build = () =>
    buildApp({
      config: store.config,
      database: store.database,
      keys: store.keys,
      logger: store.logger,
      version: '0.0.0-test',
      webDistDir,
      disclosure: disclosure.port,
    });
  const app = await build();
  await app.ready();
  const identity = app.services.identity;
  const make = async (person: Person, kind: 'customer' | 'staff', role: 'buyer' | 'seller' | 'broker') =>
    (await identity.createAccount({ kind, loginName: `msg-${person}`, accountNo: `M-${person}`, roles: [role], password: `pw-${person}-123` })).id;
  const ids: Record<Person, string> = {
    buyer: await make('buyer', 'customer', 'buyer'),
    seller: await make('seller', 'customer', 'seller'),
    broker: await make('broker', 'staff', 'broker'),
    stranger: await make('stranger', 'customer', 'buyer'),
    otherBroker: await make('otherBroker', 'staff', 'broker'),
  };
  await completeStaffTraining(app.services, ids.broker, ids.otherBroker);
  const sessions = {} as Record<Person, Session>;
  for (const person of PEOPLE) sessions[person] = await signIn(app, `msg-${person}`, `pw-${person}-123`);
  const listingId = newId();
  const listingCode = 'SB-MSG-0001';
  disclosure.addListing({ listingId, listingCode, sellerAccountId: ids.seller, brokerAccountId: ids.broker });
  disclosure.addInquiry(listingId, ids.buyer);
  const others: FastifyInstance[] = [];
  return {
    ...store,
    app,
    disclosure,
    notices: async (accountId, kind) => {
      let q = store.database.db.selectFrom('notifications').select(['kind', 'params', 'link']).where('account_id', '=', accountId);
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => ({ kind: r.kind, params: JSON.parse(r.params) as Record<string, string | number>, link: r.link }));
    },
    ids,
    sessions,
    listingId,
    listingCode,
    secondInstance: async () => {
      const other = await build();
      await other.ready();
      others.push(other);
      return other;
    },
    close: async () => {
      for (const other of others) await other.close();
      await app.close();
      await store.cleanup();
    },
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
    read: (id: string, lane: string, messageId: string) => app.inject({ method: 'POST', url: `/api/me/threads/${id}/read`, headers, payload: { lane, messageId } }),
    callback: (id: string, window = 'afternoon') => app.inject({ method: 'POST', url: `/api/me/threads/${id}/callbacks`, headers, payload: { window } }),
    flags: (status = 'open') => app.inject({ url: `/api/broker/messages/flags?status=${status}`, headers }),
    acknowledge: (id: string) => app.inject({ method: 'POST', url: `/api/broker/messages/flags/${id}/acknowledge`, headers }),
    callbacks: (status = 'open') => app.inject({ url: `/api/broker/messages/callbacks?status=${status}`, headers }),
    done: (id: string, outcome = 'call_held') => app.inject({ method: 'POST', url: `/api/broker/messages/callbacks/${id}/done`, headers, payload: { outcome } }),
    json,
  };
}

/** The text a reader sees, with masked runs as ⟨kind⟩ and withheld runs as «text». */
export function rendered(message: { segments: ({ type: 'text'; text: string } | { type: 'masked'; kind: string } | { type: 'withheld'; kind: string; text: string })[] }): string {
  return message.segments.map((s) => (s.type === 'text' ? s.text : s.type === 'masked' ? `⟨${s.kind}⟩` : `«${s.text}»`)).join('');
}
