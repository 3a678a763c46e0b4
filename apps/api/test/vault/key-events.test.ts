import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, createTestStore, type TestStore } from '../helpers/test-store.ts';
import { completeStaffTraining, createStaffAccounts } from '../helpers/staff-training.ts';

const officer = { accountId: 'staff-9', roles: ['privacy_officer'], kind: 'staff' as const };
const broker = { accountId: 'staff-1', roles: ['broker'], kind: 'staff' as const };

/** Two app instances over one PostgreSQL store and one Redis, as in a scale-out deployment. */
for (const dialect of DIALECTS.filter((d) => d === 'postgres' && process.env.REDIS_URL)) {
  describe('key events between instances', () => {
    let store: TestStore;
    let a: FastifyInstance;
    let b: FastifyInstance;
    before(async () => {
      store = await createTestStore(dialect, { REDIS_URL: process.env.REDIS_URL ?? '' });
      const deps = { config: store.config, database: store.database, keys: store.keys, logger: store.logger, version: 't' };
      a = await buildApp(deps);
      b = await buildApp(deps);
      await createStaffAccounts(store.database.db, broker);
      await completeStaffTraining(a.services, broker.accountId);
    });
    after(async () => {
      await a.close();
      await b.close();
      await store.cleanup();
    });

    test('an erasure on one instance is announced to the others and reads as erased there at once', async (t) => {
      const listener = new Redis(process.env.REDIS_URL ?? '');
      t.after(() => listener.disconnect());
      const messages: string[] = [];
      await listener.subscribe('sealbridge:vault-key-events');
      listener.on('message', (_channel: string, message: string) => messages.push(message));
      const subject = await a.services.vault.createSubject('customer');
      const columns = await a.services.vault.sealFields(subject, 'account_profiles', 'rec-1', { mobile: '13912345678' });
      const read = () =>
        b.services.vault.reveal({
          actor: broker,
          own: false,
          subjectId: subject.subjectId,
          table: 'account_profiles',
          recordId: 'rec-1',
          row: columns,
          fields: ['mobile'],
          purpose: 'deal_execution',
        });
      assert.equal((await read()).mobile?.state, 'revealed', 'instance b has the data key cached now');
      await a.services.vault.eraseSubject(subject.subjectId, officer, 'request DR-1');
      const deadline = Date.now() + 1000;
      let state = (await read()).mobile?.state;
      while (state !== 'erased' && Date.now() < deadline) {
        await sleep(20);
        state = (await read()).mobile?.state;
      }
      assert.equal(state, 'erased');
      while (messages.length === 0 && Date.now() < deadline + 1000) await sleep(20);
      assert.deepEqual(JSON.parse(messages[0] ?? '{}'), { type: 'dek-destroyed', dekId: subject.dekId });
    });
  });
}
