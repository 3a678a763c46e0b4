import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createVault, keyProviderFor, type Actor, type Vault } from '../../src/modules/vault/index.ts';
import type { Services } from '../../src/services.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import type { Database } from '../../src/db/schema.ts';
import { DIALECTS, createTestServices, createTestStore, type TestStore } from '../helpers/test-store.ts';
import { completeStaffTraining, createStaffAccounts } from '../helpers/staff-training.ts';

const broker: Actor = { accountId: 'staff-1', roles: ['broker'], kind: 'staff' };
const officer: Actor = { accountId: 'staff-9', roles: ['privacy_officer'], kind: 'staff' };

for (const dialect of DIALECTS) {
  describe(`key rotation and crypto-shredding on ${dialect}`, () => {
    let store: TestStore;
    let services: Services;
    let vault: Vault;
    before(async () => {
      store = await createTestStore(dialect);
      services = await createTestServices(store);
      vault = services.vault;
      await createStaffAccounts(store.database.db, broker, officer);
      await completeStaffTraining(services, broker.accountId, officer.accountId);
    });
    after(async () => {
      await services.auditLog.stop();
      await store.cleanup();
    });

    async function makeRecords(n: number) {
      const records = [];
      for (let i = 0; i < n; i++) {
        const subject = await vault.createSubject('customer');
        const mobile = `139${String(10_000_000 + i).padStart(8, '0')}`;
        const recordId = `rot-${i}`;
        const columns = await vault.sealFields(subject, 'account_profiles', recordId, { mobile });
        records.push({ subject, recordId, columns, mobile: `+86${mobile}` });
      }
      return records;
    }

    test('rotating the key-encryption key while 1,000 reads run fails none of them, and every data key is re-wrapped', async () => {
      const records = await makeRecords(50);
      const before = await vault.keyStatus();
      let failed = 0;
      let wrong = 0;
      const reads = Array.from({ length: 1000 }, async (_, i) => {
        const r = records[i % records.length]!;
        try {
          if (i % 100 === 0) vault.forgetCachedKeys(); // force unwraps under whichever KEK is current
          const out = await vault.reveal({
            actor: broker,
            own: false,
            subjectId: r.subject.subjectId,
            table: 'account_profiles',
            recordId: r.recordId,
            row: r.columns,
            fields: ['mobile'],
            purpose: 'deal_execution',
          });
          if (out.mobile?.state !== 'revealed' || out.mobile.value !== r.mobile) wrong += 1;
        } catch {
          failed += 1;
        }
      });
      const rotation = (async () => {
        const kekId = await vault.rotateKek();
        await vault.rewrapDataKeys(7);
        return kekId;
      })();
      const [newKek] = await Promise.all([rotation, ...reads]);
      assert.equal(failed, 0);
      assert.equal(wrong, 0);
      const afterStatus = await vault.keyStatus();
      assert.equal(afterStatus.keks.find((k) => k.status === 'current')?.kekId, newKek);
      assert.notEqual(before.keks.find((k) => k.status === 'current')?.kekId, newKek);
      assert.deepEqual(
        afterStatus.dataKeysByKek.map((r) => r.kekId),
        [newKek],
      );
      // Old ciphertexts were never touched and still read after re-wrap.
      vault.forgetCachedKeys();
      const r = records[0]!;
      const out = await vault.reveal({
        actor: broker,
        own: false,
        subjectId: r.subject.subjectId,
        table: 'account_profiles',
        recordId: r.recordId,
        row: r.columns,
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.equal(out.mobile?.state, 'revealed');
    });

    test('a shredded subject reads as erased, and so does a restored copy of the data taken before the shred', async () => {
      const [r] = await makeRecords(1);
      assert.ok(r);
      await store.database.db
        .insertInto('account_profiles')
        .values({
          account_id: await accountFor(store),
          subject_id: r.subject.subjectId,
          ...emptyProfile(),
          ...r.columns,
          updated_at: new Date().toISOString(),
        })
        .execute();
      const snapshot = await takeDataSnapshot(store);

      assert.equal(await vault.eraseSubject(r.subject.subjectId, officer, 'deletion request #1'), true);
      const erased = await vault.reveal({
        actor: broker,
        own: false,
        subjectId: r.subject.subjectId,
        table: 'account_profiles',
        recordId: r.recordId,
        row: r.columns,
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.deepEqual(erased.mobile, { state: 'erased' });
      const profile = await store.database.db
        .selectFrom('account_profiles')
        .selectAll()
        .where('subject_id', '=', r.subject.subjectId)
        .executeTakeFirstOrThrow();
      assert.equal(profile.mobile_bidx, null, 'blind indexes are cleared');
      const subjectRow = await store.database.db
        .selectFrom('vault_subjects')
        .selectAll()
        .where('subject_id', '=', r.subject.subjectId)
        .executeTakeFirstOrThrow();
      assert.equal(subjectRow.erased_by, 'staff-9');
      assert.equal(subjectRow.erasure_reason, 'deletion request #1');

      // Restore the data store as it was before the shred (the key store is backed up apart and keeps the erasure).
      const restored = await restoreDataSnapshot(store, snapshot);
      const fresh = await createVault({
        db: restored.db,
        keys: store.keys.db,
        provider: keyProviderFor({ rootKeyBase64: undefined, dataDir: store.dataDir }),
        logger: store.logger,
        audit: services.auditLog,
      });
      const row = await restored.db
        .selectFrom('account_profiles')
        .selectAll()
        .where('subject_id', '=', r.subject.subjectId)
        .executeTakeFirstOrThrow();
      assert.ok(row.mobile_ct, 'the restored copy still holds the ciphertext');
      assert.equal(
        (
          await restored.db
            .selectFrom('vault_subjects')
            .select('erased_at')
            .where('subject_id', '=', r.subject.subjectId)
            .executeTakeFirstOrThrow()
        ).erased_at,
        null,
      );
      const again = await fresh.reveal({
        actor: broker,
        own: false,
        subjectId: r.subject.subjectId,
        table: 'account_profiles',
        recordId: r.recordId,
        row,
        fields: ['mobile'],
        purpose: 'deal_execution',
      });
      assert.deepEqual(again.mobile, { state: 'erased' });
      await restored.close();
    });
  });
}

function emptyProfile() {
  const out: Record<string, null> = {};
  for (const f of ['real_name', 'mobile', 'email', 'wechat', 'id_number', 'address']) {
    out[`${f}_ct`] = null;
  }
  for (const f of ['mobile', 'email', 'id_number']) out[`${f}_bidx`] = null;
  return out;
}

async function accountFor(store: TestStore): Promise<string> {
  const id = `acct-${Math.random().toString(36).slice(2)}`;
  const at = new Date().toISOString();
  await store.database.db
    .insertInto('accounts')
    .values({
      id,
      kind: 'customer',
      login_name: id,
      account_no: id,
      roles: 'buyer',
      password_hash: 'x',
      status: 'active',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

type Snapshot = { file?: string; schema?: string };

/** SQLite: a copy of the database file. PostgreSQL: a copy of the data schema's tables. */
async function takeDataSnapshot(store: TestStore): Promise<Snapshot> {
  if (store.dialect === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.database.db);
    const file = join(store.dataDir, 'backup-before-shred.db');
    copyFileSync(store.database.sqlitePath ?? '', file);
    return { file };
  }
  const schema = `${store.database.pgSchema}_bak`;
  await sql.raw(`CREATE SCHEMA ${schema}`).execute(store.database.db);
  for (const table of ['accounts', 'vault_subjects', 'account_profiles']) {
    await sql.raw(`CREATE TABLE ${schema}.${table} AS SELECT * FROM ${store.database.pgSchema}.${table}`).execute(store.database.db);
  }
  return { schema };
}

async function restoreDataSnapshot(store: TestStore, snapshot: Snapshot) {
  if (snapshot.file) {
    return openDatabase<Database>({ databaseUrl: undefined, dataDir: store.dataDir, sqliteFile: 'backup-before-shred.db' });
  }
  const db = store.database.db;
  await sql
    .raw(`DELETE FROM account_profiles; DELETE FROM vault_subjects;`)
    .execute(db)
    .catch(async () => {
      await sql.raw('DELETE FROM account_profiles').execute(db);
      await sql.raw('DELETE FROM vault_subjects').execute(db);
    });
  await sql.raw(`INSERT INTO vault_subjects SELECT * FROM ${snapshot.schema}.vault_subjects`).execute(db);
  await sql.raw(`INSERT INTO account_profiles SELECT * FROM ${snapshot.schema}.account_profiles`).execute(db);
  await sql.raw(`DROP SCHEMA ${snapshot.schema} CASCADE`).execute(db);
  return { db, close: async () => {} };
}
