import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPgSignerLease } from '../../src/modules/audit/audit-signer-lease.ts';
import { createTestStore, DIALECTS, type TestStore } from '../helpers/test-store.ts';

// The checkpoint signer lease exists on PostgreSQL only (SQLite runs one process); the scale test kills a signer.
if (DIALECTS.includes('postgres')) {
  describe('the audit checkpoint signer lease on postgres', () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore('postgres');
    });
    after(async () => store.cleanup());

    test('one instance holds the lease at a time and another takes it over once it is released', async () => {
      const a = createPgSignerLease(store.database.db, store.logger);
      const b = createPgSignerLease(store.database.db, store.logger);
      assert.equal(await a.acquire(), true);
      assert.equal(await b.acquire(), false);
      assert.equal(await a.acquire(), true, 'the holder keeps it');
      await a.release();
      assert.equal(await b.acquire(), true);
      assert.equal(await a.acquire(), false);
      await b.release();
    });
  });
}
