import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { AuditEventInput } from '../../src/modules/audit/index.ts';
import { publicKeyFromVkey, verifyCheckpointNote } from '../../src/modules/audit/integrity/index.ts';
import type { Services } from '../../src/services.ts';
import { DIALECTS, createTestServices, createTestStore, type TestStore } from '../helpers/test-store.ts';

const event = (n: number): AuditEventInput => ({
  type: 'identity.signed_in',
  actor: { accountId: `acct-${n}`, role: 'buyer', sessionId: `s-${n}` },
  decision: 'allowed',
  requestId: `req-${n}`,
});

for (const dialect of DIALECTS) {
  describe(`the audit log on ${dialect}`, () => {
    let store: TestStore;
    let services: Services;
    before(async () => {
      store = await createTestStore(dialect);
      services = await createTestServices(store);
    });
    after(async () => {
      await services.auditLog.stop();
      await store.cleanup();
    });

    const rows = () => store.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

    test('500 concurrent appends get gapless sequence numbers and one unbroken chain', async () => {
      await Promise.all(Array.from({ length: 500 }, (_, i) => services.auditLog.append(event(i))));
      const all = await rows();
      assert.equal(all.length, 500);
      all.forEach((row, i) => {
        assert.equal(Number(row.seq), i + 1);
        if (i > 0) assert.equal(row.prev_hash, all[i - 1]?.leaf_hash);
      });
      assert.equal(all[0]?.prev_hash, '0'.repeat(64));
    });

    test('an event appended in a transaction that rolls back leaves no record and no gap', async () => {
      const before = (await rows()).length;
      await assert.rejects(
        store.database.db.transaction().execute(async (trx) => {
          await services.auditLog.appendInTransaction(trx, event(9999));
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      await services.auditLog.append(event(10_000));
      const all = await rows();
      assert.equal(all.length, before + 1);
      assert.equal(Number(all.at(-1)?.seq), before + 1);
      assert.equal(all.at(-1)?.request_id, 'req-10000');
    });

    test('an event type nobody declared, or a payload that does not match its schema, is refused', async () => {
      await assert.rejects(services.auditLog.append({ ...event(1), type: 'nobody.declared_this' }), /not declared/);
      await assert.rejects(services.auditLog.append({ ...event(1), type: 'identity.sign_in_failed', data: { reason: 'because' } }));
    });

    test('the database refuses to update or delete audit rows', async () => {
      const db = store.database.db;
      await assert.rejects(db.updateTable('audit_log').set({ action: 'nothing' }).where('seq', '=', 1).execute(), /append-only/);
      await assert.rejects(db.deleteFrom('audit_log').where('seq', '=', 1).execute(), /append-only/);
      if (dialect === 'postgres') await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/);
      assert.equal(Number((await rows())[0]?.seq), 1);
    });

    test('a checkpoint is signed over the whole log, exported for write-once storage, and verifies with the published key', async () => {
      const cp = await services.auditLog.checkpointNow();
      assert.ok(cp && cp.size === (await rows()).length);
      const published = await services.audit.latestCheckpoint();
      assert.ok(published);
      const { publicKey, keyName } = publicKeyFromVkey(published.verifierKey);
      const parsed = verifyCheckpointNote(published.note, publicKey, keyName);
      assert.equal(parsed.size, cp.size);
      assert.equal(parsed.rootHash.toString('hex'), published.rootHash);
      const exported = readFileSync(join(store.config.auditExportDir, 'checkpoints.jsonl'), 'utf8').trim().split('\n');
      assert.equal(JSON.parse(exported.at(-1) ?? '{}').size, cp.size);
    });

    test('verification passes on the intact log', async () => {
      const result = await services.audit.verify();
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.ok(result.checkedCheckpoints >= 1);
    });

    test('a record edited behind the triggers is found and named by the verifier', async () => {
      const db = store.database.db;
      if (dialect === 'sqlite') {
        await sql`drop trigger audit_log_no_update`.execute(db);
        await sql`update audit_log set actor_role = 'admin' where seq = 42`.execute(db);
      } else {
        await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
        await sql`update audit_log set actor_role = 'admin' where seq = 42`.execute(db);
        await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
      }
      const result = await services.audit.verify();
      assert.equal(result.ok, false);
      assert.equal(result.firstBadSeq, 42);
      assert.equal(result.reason, 'leaf_hash_mismatch');
    });
  });
}
