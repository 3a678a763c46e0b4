import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

/**
 * Over random sequences of operations, every read of personal data by someone other than the subject has
 * exactly one access event, already committed when the response arrives; the subject's own reads have none.
 */
const FIELDS = ['realName', 'mobile', 'email', 'idNumber', 'address'] as const;
const PURPOSES = ['deal_execution', 'identity_verification', 'customer_support', 'account_service'] as const;

type Op =
  | { kind: 'staff_reveal'; fields: string[]; purpose: string }
  | { kind: 'own_reveal'; fields: string[] }
  | { kind: 'lookup'; purpose: string }
  | { kind: 'masked_view' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('staff_reveal' as const),
    fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
    purpose: fc.constantFrom(...PURPOSES),
  }),
  fc.record({
    kind: fc.constant('own_reveal' as const),
    fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('lookup' as const), purpose: fc.constantFrom(...PURPOSES) }),
  fc.constant({ kind: 'masked_view' as const }),
);

describe('audited reads, as a property', () => {
  let t: TestApp;
  let broker: Session;
  let seller: Session;
  let sellerId: string;
  before(async () => {
    t = await createTestApp('sqlite');
    await seedDemo(t.database, t.app.services);
    await t.app.ready();
    broker = await signIn(t.app, 'broker', DEMO_PASSWORD);
    seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
    sellerId = (await t.app.inject({ url: '/api/me/profile', headers: authHeaders(seller) })).json().accountId;
  });
  after(async () => t.close());

  const accessEvents = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', 'in', ['vault.fields_revealed', 'vault.lookup_matched'])
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('every personal-data read by staff has exactly one access event committed before the response', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          const before = await accessEvents();
          let res;
          if (o.kind === 'staff_reveal') {
            res = await t.app.inject({
              method: 'POST',
              url: `/api/staff/customers/${sellerId}/reveal`,
              headers: authHeaders(broker),
              payload: { fields: o.fields, purpose: o.purpose },
            });
          } else if (o.kind === 'own_reveal') {
            res = await t.app.inject({
              method: 'POST',
              url: '/api/me/profile/reveal',
              headers: authHeaders(seller),
              payload: { fields: o.fields, purpose: 'account_service' },
            });
          } else if (o.kind === 'lookup') {
            res = await t.app.inject({
              method: 'POST',
              url: '/api/staff/customers/lookup',
              payload: { mobile: '13800000001', purpose: o.purpose },
              headers: authHeaders(broker),
            });
          } else {
            res = await t.app.inject({ url: '/api/me/profile', headers: authHeaders(seller) });
          }
          const after = await accessEvents();
          const revealed = res.statusCode === 200 && /"state":"revealed"/.test(res.body);
          const expected = o.kind === 'staff_reveal' || o.kind === 'lookup' ? 1 : 0;
          assert.equal(after - before, expected, `${o.kind} → ${res.statusCode}`);
          if (o.kind === 'staff_reveal' && revealed) assert.equal(res.statusCode, 200);
          if (o.kind === 'masked_view') assert.doesNotMatch(res.body, /"state":"revealed"/);
        }
      }),
      { numRuns: 25 },
    );
  });
});
