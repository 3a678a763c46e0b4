import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { detect, idNumberCheckChar } from '@sealbridge/cn-identifiers';
import { ZListingInput, type TListingInput } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { demoSellerListings, syntheticCreditCode } from '../../src/modules/listings/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

const CHECKLIST = {
  identity_checked: true,
  registry_checked: true,
  teaser_anonymous: true,
  red_flags_disclosed: true,
  price_reasonable: true,
};

function input(overrides: Partial<TListingInput> = {}, serial = 100): TListingInput {
  const base = demoSellerListings()[0] as TListingInput;
  return {
    ...base,
    company: { ...base.company, name: `上海澜舟${serial}信息科技有限公司`, creditCode: syntheticCreditCode(serial) },
    ...overrides,
  };
}

for (const dialect of DIALECTS) {
  describe(`the marketplace on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let broker: Session;
    let buyer: Session;
    const post = (s: Session, url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: authHeaders(s), payload: payload as Record<string, unknown> });
    const put = (s: Session, url: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url, headers: authHeaders(s), payload: payload as Record<string, unknown> });
    const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, ...(s ? { headers: authHeaders(s, false) } : {}) });

    async function draft(body: TListingInput) {
      const res = await post(seller, '/api/seller/listings', body);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { id: string; code: string; status: string };
    }
    async function publish(body: TListingInput) {
      const d = await draft(body);
      assert.equal((await post(seller, `/api/seller/listings/${d.id}/submit`, {})).statusCode, 200);
      assert.equal((await post(broker, `/api/broker/listings/${d.id}/company/reveal`, {})).statusCode, 200);
      const res = await post(broker, `/api/broker/listings/${d.id}/review`, { decision: 'approve', comment: '', checklist: CHECKLIST });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { id: string; code: string; status: string };
    }

    /** Takes or ends the company lock as a deal's letter of intent / deposit and its cancellation do (test/deals). */
    const actor = { accountId: 'marketplace-test', role: 'broker', sessionId: null };
    const lockFor = (listingId: string, kind: 'loi' | 'deposit') =>
      t.database.db.transaction().execute((trx) =>
        t.app.services.dealLock.lock(trx, {
          listingId,
          dealId: `deal-${listingId}`,
          buyerAccountId: 'buyer-test',
          kind,
          actor,
          requestId: null,
        }),
      );
    const unlock = (listingId: string) =>
      t.database.db
        .transaction()
        .execute((trx) =>
          t.app.services.dealLock.end(trx, { listingId, dealId: `deal-${listingId}`, outcome: 'cancelled', actor, requestId: null }),
        );

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      await seedDemo(t.database, t.app.services);
      seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      broker = await signIn(t.app, 'broker', DEMO_PASSWORD);
      buyer = await signIn(t.app, 'buyer', DEMO_PASSWORD);
    });
    after(async () => t.close());

    test('a draft goes submitted → changes requested → submitted → published, each step audited and shown to the seller', async () => {
      const d = await draft(input({}, 201));
      assert.equal(d.status, 'draft');
      assert.equal((await get(null, `/api/listings/${d.code}`)).statusCode, 404);
      assert.equal((await post(seller, `/api/seller/listings/${d.id}/submit`, {})).json().status, 'submitted');
      const back = await post(broker, `/api/broker/listings/${d.id}/review`, {
        decision: 'request_changes',
        comment: '请补充社保人数说明',
        checklist: { ...CHECKLIST, price_reasonable: false },
      });
      assert.equal(back.json().status, 'changes_requested');
      const own = (await get(seller, `/api/seller/listings/${d.id}`)).json();
      assert.equal(own.events.at(-1).comment, '请补充社保人数说明');
      assert.equal((await put(seller, `/api/seller/listings/${d.id}`, input({ socialInsuranceHeadcount: 15 }, 201))).statusCode, 200);
      await post(seller, `/api/seller/listings/${d.id}/submit`, {});
      await post(broker, `/api/broker/listings/${d.id}/company/reveal`, {});
      const approved = await post(broker, `/api/broker/listings/${d.id}/review`, {
        decision: 'approve',
        comment: '',
        checklist: CHECKLIST,
      });
      assert.equal(approved.json().status, 'published');
      assert.equal((await get(null, `/api/listings/${d.code}`)).statusCode, 200);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['type', 'data'])
        .where('type', '=', 'listings.status_changed')
        .orderBy('seq')
        .execute();
      const steps = audit
        .map((a) => JSON.parse(String(a.data)) as { listingId: string; action: string })
        .filter((a) => a.listingId === d.id)
        .map((a) => a.action);
      assert.deepEqual(steps, ['submit', 'request_changes', 'submit', 'approve']);
    });

    test('approval needs every checklist item, and a change request needs a comment', async () => {
      const d = await draft(input({}, 202));
      await post(seller, `/api/seller/listings/${d.id}/submit`, {});
      const partial = await post(broker, `/api/broker/listings/${d.id}/review`, {
        decision: 'approve',
        comment: '',
        checklist: { ...CHECKLIST, registry_checked: false },
      });
      assert.equal(partial.statusCode, 422);
      assert.deepEqual(partial.json().details.fields, ['checklist.registry_checked']);
      assert.equal(
        (await post(broker, `/api/broker/listings/${d.id}/review`, { decision: 'request_changes', comment: '', checklist: CHECKLIST }))
          .statusCode,
        422,
      );
    });

    test('a seller can withdraw a draft, and a withdrawn listing cannot be submitted (offers and sales: test/deals)', async () => {
      const w = await draft(input({}, 204));
      assert.equal((await post(seller, `/api/seller/listings/${w.id}/withdraw`, {})).json().status, 'withdrawn');
      assert.equal((await post(seller, `/api/seller/listings/${w.id}/submit`, {})).statusCode, 409);
    });

    test("a phone number, an ID number or the company's own name in free text is refused with where it is, never what", async () => {
      const res = await post(
        seller,
        '/api/seller/listings',
        input({ description: '有意者请联系13812345678，云启团队', title: '上海澜舟205信息科技有限公司整体转让' }, 205),
      );
      assert.equal(res.statusCode, 422);
      const body = res.json();
      assert.equal(body.code, 'FREE_TEXT_IDENTIFIERS');
      const kinds = body.details.findings.map((f: { field: string; kind: string }) => `${f.field}:${f.kind}`);
      assert.ok(kinds.includes('description:mobile'), kinds.join());
      assert.ok(kinds.includes('title:company_name'), kinds.join());
      const mobile = body.details.findings.find((f: { kind: string }) => f.kind === 'mobile');
      assert.equal('有意者请联系13812345678，云启团队'.slice(mobile.start, mobile.end), '13812345678');
      assert.doesNotMatch(res.body, /13812345678|澜舟/);
      const named = input({ description: '澜舟品牌运营多年' }, 205);
      const byTradeName = await post(seller, '/api/seller/listings', {
        ...named,
        company: { ...named.company, name: '上海澜舟信息科技有限公司' },
      });
      assert.equal(byTradeName.json().details.findings[0].kind, 'company_name');
      const doc = await post(
        seller,
        '/api/seller/listings',
        input({ documentNames: [`法人身份证${'11010119900307123'}${idNumberCheckChar('11010119900307123')}.jpg`] }, 205),
      );
      assert.equal(doc.statusCode, 422);
      const refused = await t.database.db.selectFrom('audit_log').select('type').where('type', '=', 'listings.guard_refused').execute();
      assert.ok(refused.length >= 3);
    });

    test("on the seller's confirmation the findings are redacted instead of refused", async () => {
      const res = await post(seller, '/api/seller/listings', input({ description: '电话13812345678', redactOnConfirm: true }, 206));
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().input.description, '电话[手机号]');
    });

    test('an invalid credit code is refused before anything is written', async () => {
      const before = (await get(seller, '/api/seller/listings')).json().items.length;
      const res = await post(
        seller,
        '/api/seller/listings',
        input(
          { company: { name: '上海某某科技有限公司', creditCode: '91310104MA1000001X', legalRepresentative: '陈', shareholders: ['陈'] } },
          207,
        ),
      );
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().code, 'INVALID_IDENTIFIER');
      assert.equal((await get(seller, '/api/seller/listings')).json().items.length, before);
    });

    test('the same company listed twice is flagged to the broker only, cannot go live twice, and is locked while a deal is open', async () => {
      const first = await publish(input({}, 208));
      const second = await draft(input({}, 208));
      await t.app.services.listings.settled();
      assert.equal((await get(seller, `/api/seller/listings/${second.id}`)).json().reviewFlag, null);
      await post(seller, `/api/seller/listings/${second.id}/submit`, {});
      await t.app.services.listings.settled();
      assert.equal((await get(broker, `/api/broker/listings/${second.id}`)).json().reviewFlag, 'duplicate');
      await post(broker, `/api/broker/listings/${second.id}/company/reveal`, {});
      const refused = await post(broker, `/api/broker/listings/${second.id}/review`, {
        decision: 'approve',
        comment: '',
        checklist: CHECKLIST,
      });
      assert.equal(refused.json().code, 'LISTING_DUPLICATE');
      await lockFor(first.id, 'deposit');
      // The seller drafting the locked company hears nothing of the lock; the broker's queue does.
      const third = await post(seller, '/api/seller/listings', input({}, 208));
      assert.equal(third.statusCode, 200);
      assert.equal((await post(seller, `/api/seller/listings/${third.json().id}/submit`, {})).statusCode, 200);
      await t.app.services.listings.settled();
      assert.equal((await get(broker, `/api/broker/listings/${third.json().id}`)).json().reviewFlag, 'locked');
      await post(broker, `/api/broker/listings/${third.json().id}/company/reveal`, {});
      assert.equal(
        (
          await post(broker, `/api/broker/listings/${third.json().id}/review`, { decision: 'approve', comment: '', checklist: CHECKLIST })
        ).json().code,
        'LISTING_LOCKED',
      );
      await unlock(first.id);
    });

    test("a seller's answers are identical, field by field, for a fresh credit code and for one already listed or locked", async () => {
      const listed = await publish(input({}, 220));
      const lockedListing = await publish(input({}, 221));
      await lockFor(lockedListing.id, 'loi');
      // Ids, codes, times and the masked echo of what the seller typed differ by construction; everything else must not.
      const normalize = (body: unknown) =>
        JSON.parse(
          JSON.stringify(body)
            .replace(/"(id|code|updatedAt|at|publishedAt|submittedAt)":"[^"]*"/g, '"$1":"·"')
            .replace(/"company":\{.*?\}\}/g, '"company":"·"')
            .replace(/SB-[0-9A-Z-]+/g, 'SB-·'),
        ) as unknown;
      const journey = async (serial: number) => {
        const created = await post(seller, '/api/seller/listings', input({}, serial));
        const id = (created.json() as { id: string }).id;
        const submitted = await post(seller, `/api/seller/listings/${id}/submit`, {});
        await t.app.services.listings.settled();
        const view = await get(seller, `/api/seller/listings/${id}`);
        const list = (await get(seller, '/api/seller/listings')).json() as { items: { id: string }[] };
        return [created, submitted, view]
          .map((r) => ({ status: r.statusCode, body: normalize(r.json()) }))
          .concat([{ status: 200, body: normalize(list.items.find((i) => i.id === id)) }]);
      };
      const fresh = await journey(222);
      assert.deepEqual(await journey(220), fresh, 'already listed');
      assert.deepEqual(await journey(221), fresh, 'locked by a letter of intent');
      await unlock(lockedListing.id);
      assert.ok(listed.id);
    });

    test('the registry item of the checklist counts only after the broker opened the company, and that opening is audited', async () => {
      const d = await draft(input({}, 223));
      await post(seller, `/api/seller/listings/${d.id}/submit`, {});
      const early = await post(broker, `/api/broker/listings/${d.id}/review`, { decision: 'approve', comment: '', checklist: CHECKLIST });
      assert.equal(early.statusCode, 422);
      assert.deepEqual(early.json().details.fields, ['checklist.registry_checked']);
      assert.equal((await get(broker, `/api/broker/listings/${d.id}`)).json().companyRevealed, false);
      const opened = await post(broker, `/api/broker/listings/${d.id}/company/reveal`, {});
      assert.equal(opened.statusCode, 200);
      assert.match(opened.json().name, /澜舟223/);
      assert.equal(opened.json().creditCode, syntheticCreditCode(223));
      assert.equal((await get(broker, `/api/broker/listings/${d.id}`)).json().companyRevealed, true);
      assert.equal(
        (await post(broker, `/api/broker/listings/${d.id}/review`, { decision: 'approve', comment: '', checklist: CHECKLIST })).statusCode,
        200,
      );
      await t.app.services.auditLog.drain();
      const reveals = await t.database.db
        .selectFrom('audit_log')
        .select(['purpose', 'decision'])
        .where('type', '=', 'vault.fields_revealed')
        .where('purpose', '=', 'listing_review')
        .execute();
      assert.ok(reveals.some((r) => r.decision === 'allowed'));
      assert.equal((await post(buyer, `/api/broker/listings/${d.id}/company/reveal`, {})).statusCode, 403);
    });

    test('the company identity is stored sealed: no plaintext name or credit code in the database', async () => {
      await draft(input({}, 209));
      const rows = await t.database.db.selectFrom('listing_companies').selectAll().execute();
      const dump = JSON.stringify(rows) + JSON.stringify(await t.database.db.selectFrom('listings').selectAll().execute());
      assert.doesNotMatch(dump, /澜舟209|陈演示/);
      assert.ok(!dump.includes(syntheticCreditCode(209)));
    });

    test('brokers see only the listings of their assigned sellers; buyers cannot use seller or broker routes', async () => {
      assert.ok((await get(broker, '/api/broker/listings')).json().items.length > 0);
      assert.equal((await get(buyer, '/api/seller/listings')).statusCode, 403);
      assert.equal((await get(buyer, '/api/broker/listings')).statusCode, 403);
      const own = (await get(seller, '/api/seller/listings')).json().items[0];
      assert.equal((await get(buyer, `/api/broker/listings/${own.id}`)).statusCode, 403);
    });

    test('the preview is exactly the public teaser and carries the re-identification count', async () => {
      const p = await publish(input({ districtCode: '540102', industry: '环保科技' }, 210));
      const own = (await get(seller, `/api/seller/listings/${p.id}`)).json();
      const pub = (await get(null, `/api/listings/${p.code}`)).json();
      assert.deepEqual(pub, own.preview);
      assert.equal(pub.city, '拉萨市');
      assert.ok(own.reidentification.warn, JSON.stringify(own.reidentification));
      assert.doesNotMatch(JSON.stringify(pub), /城关区|2018-05-16|"registeredCapitalWan"/);
    });

    test('search filters on attributes, finds Chinese text of two and of three characters or more, sorts and pages', async () => {
      const p = await publish(
        input(
          { title: '青岛崂山海洋生物科技公司转让', description: '海洋生物提取技术储备', districtCode: '370212', industry: '信息技术' },
          211,
        ),
      );
      const byText = (await get(null, '/api/listings?q=海洋生物')).json();
      assert.deepEqual(
        byText.items.map((i: { code: string }) => i.code),
        [p.code],
      );
      assert.ok((await get(null, '/api/listings?q=海洋')).json().items.some((i: { code: string }) => i.code === p.code));
      const filtered = (await get(null, '/api/listings?cityCode=3702&industry=信息技术&taxCreditGrade=A&licence=icp&pageSize=100')).json();
      assert.ok(filtered.items.some((i: { code: string }) => i.code === p.code));
      assert.ok(filtered.items.every((i: { city: string }) => i.city === '青岛市'));
      const cheap = (await get(null, '/api/listings?sort=price_asc&priceKind=fixed&pageSize=50')).json();
      const prices = cheap.items.map((i: { price: { amountWan: number } }) => i.price.amountWan);
      assert.deepEqual(
        prices,
        [...prices].sort((a: number, b: number) => a - b),
      );
      const aged = (await get(null, '/api/listings?ageBand=gte10,5to10&capitalBand=lt100&pageSize=100')).json();
      assert.ok(
        aged.items.every(
          (i: { ageBand: string; capitalBand: string }) => ['gte10', '5to10'].includes(i.ageBand) && i.capitalBand === 'lt100',
        ),
      );
      const page2 = (await get(null, '/api/listings?page=2&pageSize=5')).json();
      assert.equal(page2.items.length, 5);
      assert.ok(page2.total > 30);
      assert.equal((await get(null, '/api/listings?ageBand=ancient')).statusCode, 422);
    });

    test('a saved search raises an in-app alert when a matching listing is published; favorites keep listings', async () => {
      const saved = await post(buyer, '/api/me/saved-searches', { name: '拉萨环保', query: { cityCode: '5401', industry: '医疗器械' } });
      assert.equal(saved.statusCode, 200, saved.body);
      const p = await publish(input({ districtCode: '540102', industry: '医疗器械' }, 212));
      const alerts = (await get(buyer, '/api/me/listing-alerts')).json();
      assert.deepEqual(
        alerts.items.map((a: { listing: { code: string } }) => a.listing.code),
        [p.code],
      );
      assert.equal(
        (await t.app.inject({ method: 'PUT', url: `/api/me/favorites/${p.code}`, headers: authHeaders(buyer) })).statusCode,
        204,
      );
      assert.deepEqual(
        (await get(buyer, '/api/me/favorites')).json().items.map((i: { code: string }) => i.code),
        [p.code],
      );
    });

    test('a saved search with e-mail alerts sends the buyer one message through the delivery port, naming only listing codes', async () => {
      const saved = await post(buyer, '/api/me/saved-searches', {
        name: '西宁物流',
        query: { cityCode: '6301', industry: '物流运输' },
        emailAlerts: true,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const sent = async () =>
        (
          await t.database.db
            .selectFrom('delivery_outbox')
            .select(['template', 'channel'])
            .where('template', '=', 'listing_alert')
            .execute()
        ).length;
      const before = await sent();
      await publish(input({ districtCode: '630102', industry: '物流运输' }, 213));
      assert.equal(await sent(), before + 1);
    });

    test('every public response over the demo data is free of unmasked identifiers and full company names', async () => {
      const list = (await get(null, '/api/listings?pageSize=100')).json();
      const bodies = [JSON.stringify(list), (await get(null, '/api/market/stats')).body];
      for (const item of list.items as { code: string }[]) bodies.push((await get(null, `/api/listings/${item.code}`)).body);
      const names = demoSellerListings().map((l) => ZListingInput.parse(l).company);
      // Record ids are random UUIDs, not identifiers; a run of their hex digits can look like a landline number.
      const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
      for (const body of bodies) {
        assert.deepEqual(
          detect(body.replace(UUID, 'uuid')).map((f) => f.type),
          [],
        );
        for (const c of names) {
          assert.ok(
            !body.includes(c.name) && !body.includes(c.creditCode) && !body.includes(c.legalRepresentative),
            'company identity leaked',
          );
        }
      }
    });
  });
}
