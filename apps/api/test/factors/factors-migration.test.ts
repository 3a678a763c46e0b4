import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { down, up } from '../../src/db/migrations/20261128130000_factors_tables.ts';
import { newId } from '../../src/platform/ids/index.ts';
import { DIALECTS, createTestStore } from '../helpers/test-store.ts';
import type { FactorsDb } from './factors-fixture.ts';

const TABLES = [
  'factors',
  'factors_totp',
  'factors_webauthn',
  'factors_recovery_codes',
  'factors_challenges',
  'factors_attempts',
  'factors_step_ups',
];

for (const dialect of DIALECTS) {
  describe(`the factors migration on ${dialect}`, () => {
    test('it reverts and applies again, and allows one TOTP factor per account but several passkeys', async () => {
      const store = await createTestStore(dialect);
      try {
        const db = store.database.db as unknown as FactorsDb;
        const names = async () =>
          (await db.introspection.getTables())
            .filter((t) => !store.database.pgSchema || t.schema === store.database.pgSchema)
            .map((t) => t.name);
        for (const table of TABLES) assert.ok((await names()).includes(table), table);
        await down(db as unknown as Kysely<never>);
        assert.deepEqual(
          (await names()).filter((n) => TABLES.includes(n)),
          [],
        );
        await up(db as unknown as Kysely<never>);

        const accountId = newId();
        const at = new Date().toISOString();
        await db
          .insertInto('accounts')
          .values({
            id: accountId,
            kind: 'customer',
            login_name: 'm@example.test',
            account_no: 'CU000001',
            roles: 'buyer',
            password_hash: 'x',
            status: 'active',
            created_at: at,
            updated_at: at,
          })
          .execute();
        const factor = (kind: 'totp' | 'webauthn') => ({
          id: newId(),
          account_id: accountId,
          kind,
          status: 'active' as const,
          created_at: at,
          confirmed_at: at,
          last_used_at: null,
        });
        await db
          .insertInto('factors')
          .values([factor('webauthn'), factor('webauthn'), factor('totp')])
          .execute();
        await assert.rejects(db.insertInto('factors').values(factor('totp')).execute());
      } finally {
        await store.cleanup();
      }
    });
  });
}
