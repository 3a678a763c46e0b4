import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TListingInput } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { demoSellerListings, syntheticCreditCode } from '../../src/modules/listings/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

function listing(overrides: Record<string, unknown> = {}, serial = 700): TListingInput {
  const base = demoSellerListings()[0] as TListingInput;
  return {
    ...base,
    company: { ...base.company, name: `杭州明湖${serial}网络科技有限公司`, creditCode: syntheticCreditCode(serial) },
    ...overrides,
  } as TListingInput;
}

for (const dialect of DIALECTS) {
  describe(`input validation on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    before(async () => {
      t = await createTestApp(dialect);
      await seedDemo(t.database, t.app.services);
      seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
    });
    after(async () => t.close());

    const draft = (body: unknown) =>
      t.app.inject({ method: 'POST', url: '/api/seller/listings', headers: authHeaders(seller), payload: body as object });
    const issuesOf = (res: { json: () => unknown }) => [
      ...new Set(((res.json() as { details?: { issues?: { path: string }[] } }).details?.issues ?? []).map((i) => i.path)),
    ];
    const listingCount = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('listings')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a date that does not exist (2023-02-30) is refused, naming the field, and nothing is written', async () => {
      const before = await listingCount();
      const res = await draft(listing({ establishedOn: '2023-02-30' }));
      assert.equal(res.statusCode, 422);
      assert.deepEqual(issuesOf(res), ['establishedOn']);
      assert.equal(await listingCount(), before);
      assert.equal((await draft(listing({ establishedOn: '2024-02-29' }, 701))).statusCode, 200);
    });

    test('a price of 1e308 万元, a negative or a fraction of a yuan is refused', async () => {
      for (const amountWan of [1e308, -5, 12.34567]) {
        const res = await draft(listing({ price: { kind: 'fixed', amountWan } }));
        assert.equal(res.statusCode, 422, String(amountWan));
        assert.deepEqual(issuesOf(res), ['price.amountWan']);
      }
    });

    test('bidi-override and zero-width characters in names are refused', async () => {
      const flipped = await t.app.inject({
        method: 'PUT',
        url: '/api/me/profile',
        headers: authHeaders(seller),
        payload: { realName: '王\u202e五' },
      });
      assert.equal(flipped.statusCode, 422);
      assert.deepEqual(issuesOf(flipped), ['realName']);
      const hidden = await draft(listing({ title: '整体转让\u200b信息科技公司' }));
      assert.equal(hidden.statusCode, 422);
      assert.deepEqual(issuesOf(hidden), ['title']);
      const shareholder = await draft(
        listing({
          company: {
            name: '杭州明湖702网络科技有限公司',
            creditCode: syntheticCreditCode(702),
            legalRepresentative: '赵\u2067六',
            shareholders: ['赵六'],
          },
        }),
      );
      assert.deepEqual(issuesOf(shareholder), ['company.legalRepresentative']);
    });

    test('a NUL byte anywhere — body, query or a sign-in name — is a 422 naming where, never a 500', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginName: 'seller\u0000', password: 'x' } });
      assert.equal(login.statusCode, 422);
      assert.deepEqual(issuesOf(login), ['loginName']);
      const query = await t.app.inject({ url: '/api/listings?q=%00abc' });
      assert.equal(query.statusCode, 422);
      const nested = await draft(listing({ highlights: ['ok', 'bad\u0000'] }));
      assert.equal(nested.statusCode, 422);
      assert.deepEqual(issuesOf(nested), ['highlights.1']);
      const lone = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"loginName":"\\ud800","password":"x"}',
      });
      assert.equal(lone.statusCode, 422, 'a lone surrogate too');
    });

    test('page numbers are strict integers: 0x10, 1e1 and 0 are refused', async () => {
      for (const page of ['0x10', '1e1', '0', '1.5', '']) {
        const res = await t.app.inject({ url: `/api/listings?page=${page}` });
        assert.equal(res.statusCode, 422, page);
        assert.deepEqual(issuesOf(res), ['page']);
      }
      assert.equal((await t.app.inject({ url: '/api/listings?page=2' })).statusCode, 200);
    });
  });
}
