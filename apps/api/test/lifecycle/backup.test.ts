import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { createBackup, restoreBackup, restoredConfig, verifyBackup, type LiveStores } from '../../src/cli/backup.ts';
import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { createLogger } from '../../src/platform/logger/index.ts';
import { openKeyStore, openStore } from '../../src/runtime.ts';
import { createServices } from '../../src/services.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

/** Issue 14 item 7: backup → restore → verify, the canary, and an erasure that outlives a backup. */
const CANARY = '灯塔备份巷九号';

for (const dialect of DIALECTS) {
  describe(`backups on ${dialect}`, () => {
    let t: TestApp;
    let live: LiveStores;
    let work: string;
    const ids: Record<'kept' | 'erased', string> = { kept: '', erased: '' };
    const subjects: Record<'kept' | 'erased', string> = { kept: '', erased: '' };
    const file = () => join(work, 'backup.sbk');

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      work = mkdtempSync(join(tmpdir(), 'sealbridge-backup-test-'));
      const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
      for (const who of ['kept', 'erased'] as const) {
        ids[who] = (
          await identity.createAccount({
            kind: 'customer',
            loginName: who,
            accountNo: `C-${who}`,
            roles: ['seller'],
            password: `pw-${who}-123`,
          })
        ).id;
        const session = await signIn(t.app, who, `pw-${who}-123`);
        const put = await t.app.inject({
          method: 'PUT',
          url: '/api/me/profile',
          headers: authHeaders(session),
          payload: { realName: '司马相如', address: `四川省成都市${CANARY}${who}` },
        });
        assert.equal(put.statusCode, 200, put.body);
        subjects[who] = (await t.app.services.profiles.ensureSubject(ids[who])).subjectId;
      }
      live = { config: t.config, database: t.database, keys: t.keys, vault: t.app.services.vault };
    });
    after(async () => {
      await t.close();
      rmSync(work, { recursive: true, force: true });
    });

    test('a backup restores into a scratch store where the audit trail verifies and every table has its rows', async () => {
      const created = await createBackup(live, file());
      assert.ok(created.rows > 0 && created.keyRows > 0, JSON.stringify(created));
      const drill = await verifyBackup(live, file());
      assert.equal(drill.audit.ok, true, JSON.stringify(drill.audit));
      assert.ok(drill.audit.checkedRecords > 0);
      assert.equal(drill.rowsMatch, true, JSON.stringify(drill.rows.filter((r) => r.expected !== r.restored)));
      assert.equal(drill.rows.find((r) => r.table === 'account_profiles')?.restored, 2);
    });

    test('the canary planted before the backup is not in plaintext in either backup file, nor is the store recognisable', () => {
      for (const path of [file(), `${file()}.keys`]) {
        const bytes = readFileSync(path);
        for (const needle of [CANARY, ids.kept, subjects.kept, 'account_profiles', 'SQLite format', 'PGDMP', 'vault_data_key']) {
          assert.equal(bytes.indexOf(Buffer.from(needle, 'utf8')), -1, `${needle} in ${path}`);
        }
      }
    });

    test('a changed byte or a swapped part makes the drill fail', async () => {
      const bytes = readFileSync(file());
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 1;
      writeFileSync(join(work, 'tampered.sbk'), bytes);
      writeFileSync(join(work, 'tampered.sbk.keys'), readFileSync(`${file()}.keys`));
      await assert.rejects(verifyBackup(live, join(work, 'tampered.sbk')));
      writeFileSync(join(work, 'swapped.sbk'), readFileSync(`${file()}.keys`));
      await assert.rejects(verifyBackup(live, join(work, 'swapped.sbk')), /keys part, not the data part/);
    });

    test('a person erased after the backup stays erased after the restore, and the others come back whole', async () => {
      await t.app.services.erasure.eraseAccount(
        ids.erased,
        { accountId: 'officer', roles: ['privacy_officer'], kind: 'staff' },
        'DR-2026-0002',
      );
      // Disaster: the data store is lost, the key store (kept and backed up on its own) is not.
      const target = mkdtempSync(join(tmpdir(), 'sealbridge-restore-'));
      let config = { ...t.config, dataDir: target };
      if (dialect === 'sqlite') {
        const keys = new DatabaseSync(t.keys.sqlitePath ?? '');
        await sqliteBackup(keys, join(target, 'vault-keys.db'));
        keys.close();
      } else {
        const client = new pg.Client({ connectionString: t.config.databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA ${t.database.pgSchema} CASCADE`);
        await client.end();
        config = t.config;
      }
      const report = await restoreBackup(live, file(), {
        dataDir: target,
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      });
      assert.equal(report.keyStore, 'kept the newer key store already there');
      assert.ok(report.replayed.accounts >= 1 && report.replayed.subjects >= 1, JSON.stringify(report.replayed));
      assert.equal(report.audit.ok, true, JSON.stringify(report.audit));

      // The restored instance runs with the live root key and audit signing key (never part of a backup).
      config = await restoredConfig(t.config, { dataDir: target, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
      const logger = createLogger({ level: 'silent' });
      const schema = dialect === 'postgres' ? t.database.pgSchema : undefined;
      const database = await openStore(config, logger, schema);
      const keys = await openKeyStore(config, logger, schema);
      try {
        const services = await createServices({ config, database, keys, logger });
        await services.auditLog.stop();
        assert.equal((await services.vault.findSubject(subjects.erased))?.erased, true, 'the erasure was replayed');
        const read = async (who: 'kept' | 'erased') => {
          const row = await database.db
            .selectFrom('account_profiles')
            .selectAll()
            .where('account_id', '=', ids[who])
            .executeTakeFirstOrThrow();
          return services.vault.reveal({
            actor: { accountId: ids[who], roles: ['seller'], kind: 'customer' },
            own: true,
            subjectId: row.subject_id,
            table: 'account_profiles',
            recordId: ids[who],
            row: row as unknown as Record<string, unknown>,
            fields: ['address'],
            purpose: 'account_service',
          });
        };
        assert.equal((await read('erased'))['address']?.state, 'erased');
        const kept = (await read('kept'))['address'];
        assert.equal(kept?.state, 'revealed');
        assert.match(kept?.state === 'revealed' ? kept.value : '', new RegExp(CANARY));
      } finally {
        await database.close();
        await keys.close();
        rmSync(target, { recursive: true, force: true });
      }
    });
  });
}
