import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { DIALECTS } from '../helpers/test-store.ts';
import { createLoggedApp, EMPTY_WITNESS_STATE, newCosigner, type LoggedApp } from './audit-fixture.ts';
import { cutLog, rewriteLog, unlockAuditTables } from './tamper.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A log of three checkpoints, an off-site copy of the export, and a witness that saw the last one. */
async function witnessedLog(dialect: (typeof DIALECTS)[number]) {
  const cosigner = newCosigner();
  const t = await createLoggedApp(dialect, { PORT: '5055', AUDIT_WITNESSES: cosigner.vkey });
  const sizes = [await t.grow(4), await t.grow(5), await t.grow(3)];
  const first = await t.witness(EMPTY_WITNESS_STATE, cosigner);
  assert.equal(first.outcome, 'cosigned');
  const statePath = join(t.dataDir, 'witness-state.json');
  writeFileSync(statePath, JSON.stringify(first.state));
  return { t, cosigner, sizes, offsite: t.offsiteCopy('offsite'), statePath };
}

async function verify(t: LoggedApp, evidence: string) {
  return t.app.services.audit.verify({ external: t.evidence(evidence) });
}

for (const dialect of DIALECTS) {
  describe(`audit verify against outside evidence on ${dialect}`, () => {
    test('an untouched log verifies against the exported checkpoints and a witness state', async () => {
      const { t, offsite, statePath } = await witnessedLog(dialect);
      try {
        const byExport = await verify(t, offsite);
        assert.equal(byExport.ok, true, byExport.detail);
        assert.ok((byExport.externalCheckpoints ?? 0) >= 3);
        assert.equal((await verify(t, statePath)).ok, true);
      } finally {
        await t.close();
      }
    });

    test('wiping the whole log and its checkpoints is caught at record 1', async () => {
      const { t, offsite, statePath } = await witnessedLog(dialect);
      try {
        await unlockAuditTables(t.database.db, dialect);
        await cutLog(t.database.db, 0);
        assert.equal((await t.app.services.audit.verify()).ok, true, 'the database alone cannot tell');
        for (const evidence of [offsite, statePath]) {
          const result = await verify(t, evidence);
          assert.equal(result.ok, false);
          assert.equal(result.reason, 'truncated_below_checkpoint');
          assert.equal(result.firstBadSeq, 1);
        }
      } finally {
        await t.close();
      }
    });

    test('deleting the newest records with their checkpoints is caught at the first missing record', async () => {
      const { t, offsite, sizes, statePath } = await witnessedLog(dialect);
      try {
        await unlockAuditTables(t.database.db, dialect);
        await cutLog(t.database.db, sizes[1] as number);
        for (const evidence of [offsite, statePath]) {
          const result = await verify(t, evidence);
          assert.equal(result.reason, 'truncated_below_checkpoint');
          assert.equal(result.firstBadSeq, (sizes[1] as number) + 1);
          assert.match(result.detail ?? '', new RegExp(`covers ${sizes[2]} records`));
        }
      } finally {
        await t.close();
      }
    });

    test('rewriting a record with every hash and checkpoint re-signed by the local key is caught by the outside copy', async () => {
      const { t, offsite, sizes, statePath } = await witnessedLog(dialect);
      try {
        await unlockAuditTables(t.database.db, dialect);
        const key = t.app.services.auditLog.signingKey;
        await rewriteLog(t.database.db, key, t.app.services.auditLog.origin, 6);
        assert.equal((await t.app.services.audit.verify()).ok, true, 'inside the database the rewrite is consistent');
        const result = await verify(t, offsite);
        assert.equal(result.ok, false);
        assert.equal(result.reason, 'checkpoint_root_mismatch');
        assert.equal(result.firstBadSeq, (sizes[0] as number) + 1, 'the edit lies after the last checkpoint that still matches');
        assert.match(result.detail ?? '', /offsite\.jsonl line 2/);
        assert.equal((await verify(t, statePath)).reason, 'checkpoint_root_mismatch');
      } finally {
        await t.close();
      }
    });

    test('a log rolled back to an old state (an old backup and its old checkpoint) is caught by a later witness state', async () => {
      const { t, cosigner, sizes } = await witnessedLog(dialect);
      try {
        // The witness goes on watching: it sees two more checkpoints.
        const rounds = [await t.grow(2), await t.grow(2)];
        const state = (await t.witness(EMPTY_WITNESS_STATE, cosigner)).state;
        const laterState = join(t.dataDir, 'later-state.json');
        writeFileSync(laterState, JSON.stringify(state));
        await unlockAuditTables(t.database.db, dialect);
        await cutLog(t.database.db, sizes[2] as number);
        const result = await verify(t, laterState);
        assert.equal(result.reason, 'truncated_below_checkpoint');
        assert.equal(result.firstBadSeq, (sizes[2] as number) + 1);
        // The replayed old checkpoint is what the public URL now serves: the witness raises its alarm.
        const round = await t.witness(state, cosigner);
        assert.equal(round.outcome, 'alarm');
        assert.equal(round.state.alarm?.kind, 'rollback');
        assert.match(round.state.alarm?.detail ?? '', new RegExp(`after it had signed ${rounds[1]}`));
      } finally {
        await t.close();
      }
    });

    test('a pinned verifier key refuses checkpoints signed by another key', async () => {
      const { t, offsite } = await witnessedLog(dialect);
      try {
        const stranger = newCosigner('sealbridge.test/other');
        const result = await t.app.services.audit.verify({
          external: t.evidence(offsite),
          verifier: { publicKey: stranger.publicKey, keyName: t.app.services.auditLog.origin },
        });
        assert.equal(result.ok, false);
        assert.equal(result.reason, 'checkpoint_signature_invalid');
        assert.match(result.detail ?? '', /size \d+ \(database\) is rejected/);
      } finally {
        await t.close();
      }
    });
  });
}

describe('npm run cli -- audit verify', () => {
  const cli = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run.mjs', 'apps/api/src/cli/main.ts', 'audit', 'verify', ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });

  test('an untouched log verifies with no PORT or PUBLIC_URL set, against the export; a cut one fails naming the record', async () => {
    const { t, offsite, sizes } = await witnessedLog('sqlite');
    try {
      await t.app.services.auditLog.stop();
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      delete env.PORT;
      delete env.PUBLIC_URL;
      const ok = cli(env);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /audit trail intact: \d+ records, \d+ signed checkpoints verified \(\d+ from outside the database\)/);
      await unlockAuditTables(t.database.db, 'sqlite');
      await cutLog(t.database.db, sizes[0] as number);
      const bad = cli(env, '--checkpoints', offsite, '--key', t.app.services.auditLog.signingKey.vkey);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, new RegExp(`first bad sequence number ${(sizes[0] as number) + 1} \\(truncated_below_checkpoint\\)`));
      const none = cli({ ...env, AUDIT_EXPORT_DIR: join(t.dataDir, 'nowhere') });
      assert.equal(none.status, 3, 'no outside evidence is not a pass');
      assert.match(none.stderr, /no outside evidence/);
    } finally {
      await t.close();
    }
  });
});
