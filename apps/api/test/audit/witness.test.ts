import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { verifyConsistency } from '../../src/modules/audit/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { createLoggedApp, EMPTY_WITNESS_STATE, newCosigner } from './audit-fixture.ts';
import { appendAndSign, rewriteLog, unlockAuditTables } from './tamper.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`the witness on ${dialect}`, () => {
    test('two checkpoints, a consistency proof between them, a cosignature the log shows on its witness list', async () => {
      const cosigner = newCosigner();
      const t = await createLoggedApp(dialect, { AUDIT_WITNESSES: cosigner.vkey });
      try {
        const a = await t.grow(3);
        const first = await t.witness(EMPTY_WITNESS_STATE, cosigner);
        assert.equal(first.outcome, 'cosigned');
        const b = await t.grow(6);
        const proofRes = await t.app.inject({ url: `/api/audit/proof/consistency?from=${a}&to=${b}` });
        assert.equal(proofRes.statusCode, 200);
        const proof = (proofRes.json() as { proof: string[] }).proof.map((p) => Buffer.from(p, 'base64'));
        assert.ok(proof.length > 0);
        const roots = await t.database.db
          .selectFrom('audit_checkpoints')
          .select(['size', 'root_hash'])
          .where('size', 'in', [a, b])
          .orderBy('size')
          .execute();
        assert.ok(
          verifyConsistency(a, b, Buffer.from(roots[0]?.root_hash ?? '', 'hex'), Buffer.from(roots[1]?.root_hash ?? '', 'hex'), proof),
        );

        const second = await t.witness(first.state, cosigner);
        assert.equal(second.outcome, 'cosigned');
        assert.equal(second.outcome === 'cosigned' && second.previousSize, a);
        assert.equal(second.state.checkpoint?.size, b);
        assert.match(second.state.cosignature ?? '', /^— witness\.test\/w1 /);
        assert.equal((await t.witness(second.state, cosigner)).outcome, 'unchanged');

        const list = (await t.app.inject({ url: '/api/audit/witnesses' })).json() as {
          witnesses: { name: string; vkey: string; latest: { size: number; signatureLine: string } | null }[];
        };
        assert.deepEqual(
          list.witnesses.map((w) => [w.name, w.vkey, w.latest?.size]),
          [['witness.test/w1', cosigner.vkey, b]],
        );
        assert.equal(list.witnesses[0]?.latest?.signatureLine, second.state.cosignature);
      } finally {
        await t.close();
      }
    });

    test("a forked log — history rewritten and re-signed with the log's own key — is refused and the alarm sticks", async () => {
      const cosigner = newCosigner();
      const t = await createLoggedApp(dialect, { AUDIT_WITNESSES: cosigner.vkey });
      try {
        await t.grow(4);
        const seen = await t.witness(EMPTY_WITNESS_STATE, cosigner);
        await t.app.services.auditLog.stop();
        await unlockAuditTables(t.database.db, dialect);
        const { signingKey, origin } = t.app.services.auditLog;
        await rewriteLog(t.database.db, signingKey, origin, 2);
        // Same size, another root: a fork the witness sees without a proof.
        const sameSize = await t.witness(seen.state, cosigner);
        assert.equal(sameSize.state.alarm?.kind, 'fork');
        assert.match(sameSize.state.alarm?.detail ?? '', /two different roots/);
        // A larger forged tree: the log's consistency proof cannot bridge it to what the witness saw.
        await appendAndSign(t.database.db, signingKey, origin, 3);
        const round = await t.witness(seen.state, cosigner);
        assert.equal(round.outcome, 'alarm');
        assert.equal(round.state.alarm?.kind, 'fork');
        assert.match(round.state.alarm?.detail ?? '', /consistency proof fails/);
        assert.ok(round.state.alarm?.seen.proof, 'the failing proof is kept as evidence');
        assert.equal(round.state.checkpoint?.size, seen.state.checkpoint?.size, 'the forked checkpoint is not adopted');
        assert.equal((await t.witness(round.state, cosigner)).outcome, 'alarm', 'no cosignature after an alarm');
      } finally {
        await t.close();
      }
    });

    test('the log takes cosignatures only from configured witnesses, over its own checkpoints, intact', async () => {
      const cosigner = newCosigner();
      const t = await createLoggedApp(dialect, { AUDIT_WITNESSES: cosigner.vkey });
      try {
        await t.grow(2);
        const stranger = newCosigner('witness.test/stranger');
        const { witnessRound } = await import('../../src/modules/audit/index.ts');
        const foreign = await witnessRound({ state: EMPTY_WITNESS_STATE, fetch: t.witnessFetch, cosigner: stranger });
        assert.equal(foreign.outcome, 'cosigned');
        const post = (note: string) => t.app.inject({ method: 'POST', url: '/api/audit/cosignatures', payload: { note } });
        if (foreign.outcome !== 'cosigned') return;
        assert.equal((await post(foreign.cosignedNote)).statusCode, 422);
        const ours = await witnessRound({ state: EMPTY_WITNESS_STATE, fetch: t.witnessFetch, cosigner });
        if (ours.outcome !== 'cosigned') throw new Error('not cosigned');
        const lines = ours.cosignedNote.split('\n');
        const broken = ours.cosignedNote.replace(lines.at(-2) ?? '', (lines.at(-2) ?? '').slice(0, -8) + 'AAAAAA==');
        assert.equal((await post(broken)).statusCode, 422);
        assert.equal((await post(ours.cosignedNote.replace(/\n\d+\n/, '\n999\n'))).statusCode, 404);
        assert.equal((await post(ours.cosignedNote)).statusCode, 200);
      } finally {
        await t.close();
      }
    });

    test('the proof route wants canonical integers, from ≤ to, and a signed size', async () => {
      const t = await createLoggedApp(dialect);
      try {
        const size = await t.grow(3);
        const get = (q: string) => t.app.inject({ url: `/api/audit/proof/consistency?${q}` });
        assert.equal((await get(`from=1&to=${size}`)).statusCode, 200);
        assert.equal((await get(`from=0x1&to=${size}`)).statusCode, 422);
        assert.equal((await get(`from=${size + 1}&to=${size}`)).statusCode, 422);
        assert.equal((await get(`from=1&to=${size + 50}`)).statusCode, 404);
      } finally {
        await t.close();
      }
    });
  });
}

describe('npm run cli -- audit witness', () => {
  test('polls the public checkpoint over HTTP, keeps its state and hands in its cosignature', async () => {
    const probe = newCosigner('witness.test/cli');
    const t = await createLoggedApp('sqlite');
    try {
      const witnessKey = join(t.dataDir, 'w.key');
      // The operator configures the witness by its vkey; the witness prints it on start.
      const statePath = join(t.dataDir, 'w-state.json');
      await t.grow(3);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/audit/checkpoint`;
      const run = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              'scripts/run.mjs',
              'apps/api/src/cli/main.ts',
              'audit',
              'witness',
              '--url',
              url,
              '--state',
              statePath,
              '--witness-key',
              witnessKey,
              '--name',
              'witness.test/cli',
              '--once',
            ],
            { cwd: ROOT },
          );
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('exit', (code) => resolve({ code, out }));
        });
      const first = await run();
      assert.equal(first.code, 0, first.out);
      assert.match(first.out, /witness witness\.test\/cli\+[0-9a-f]{8}\+/);
      assert.match(first.out, /cosigned size 3 \(was 0\)/);
      assert.match(first.out, /did not take the cosignature/, 'a witness the log does not know is refused');
      await t.grow(2);
      const second = await run();
      assert.equal(second.code, 0, second.out);
      assert.match(second.out, /cosigned size 5 \(was 3\)/);
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as { checkpoint: { size: number }; cosignature: string };
      assert.equal(state.checkpoint.size, 5);
      assert.notEqual(probe.vkey, '');
    } finally {
      await t.close();
    }
  });
});
