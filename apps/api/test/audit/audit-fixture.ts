import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DialectName } from '../../src/platform/db/index.ts';
import {
  SYSTEM_ACTOR,
  cosignerVkey,
  parseEvidence,
  witnessRound,
  EMPTY_WITNESS_STATE,
  type Cosigner,
  type WitnessFetch,
  type WitnessState,
} from '../../src/modules/audit/index.ts';
import { generateSigningKeySeed, signingKeyFromEnv } from '../../src/modules/audit/integrity/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A witness's own key (cosignature/v1), made fresh for a test. */
export function newCosigner(name = 'witness.test/w1'): Cosigner & { vkey: string } {
  const key = signingKeyFromEnv(generateSigningKeySeed(), name);
  return { keyName: name, privateKey: key.privateKey, publicKey: key.publicKey, vkey: cosignerVkey(name, key.publicKey) };
}

export type LoggedApp = TestApp & {
  /** Appends `n` events and signs a checkpoint over them; returns the new size. */
  grow: (n: number) => Promise<number>;
  /** The exported checkpoints.jsonl as it is now (a copy an auditor shipped off the machine). */
  offsiteCopy: (name: string) => string;
  evidence: (path: string) => ReturnType<typeof parseEvidence>;
  /** The witness's view of the log over HTTP (inject). */
  witnessFetch: WitnessFetch;
  /** One witness round; a cosignature is handed to the log as the CLI does. */
  witness: (state: WitnessState, cosigner: Cosigner) => Promise<Awaited<ReturnType<typeof witnessRound>>>;
};

export async function createLoggedApp(dialect: DialectName, env: Record<string, string> = {}): Promise<LoggedApp> {
  const t = await createTestApp(dialect, env);
  const log = t.app.services.auditLog;
  const exportFile = join(t.config.auditExportDir, 'checkpoints.jsonl');
  const witnessFetch: WitnessFetch = {
    checkpoint: async () => (await t.app.inject({ url: '/api/audit/checkpoint' })).json() as { note: string; verifierKey: string },
    consistencyProof: async (from, to) => {
      const res = await t.app.inject({ url: `/api/audit/proof/consistency?from=${from}&to=${to}` });
      if (res.statusCode !== 200) throw new Error(`proof: ${res.statusCode} ${res.body}`);
      return (res.json() as { proof: string[] }).proof;
    },
  };
  return {
    ...t,
    witnessFetch,
    async grow(n) {
      for (let i = 0; i < n; i++)
        await log.append({ type: 'audit.integrity_checked', actor: SYSTEM_ACTOR, decision: 'allowed', data: { ok: true, size: i } });
      const signed = await log.checkpointNow();
      if (!signed) throw new Error('no checkpoint was signed');
      return signed.size;
    },
    offsiteCopy(name) {
      const target = join(t.dataDir, `${name}.jsonl`);
      copyFileSync(exportFile, target);
      return target;
    },
    evidence: (path) => parseEvidence(readFileSync(path, 'utf8'), path),
    async witness(state, cosigner) {
      const round = await witnessRound({ state, fetch: witnessFetch, cosigner });
      if (round.outcome === 'cosigned') {
        const res = await t.app.inject({ method: 'POST', url: '/api/audit/cosignatures', payload: { note: round.cosignedNote } });
        if (res.statusCode !== 200) throw new Error(`cosignature refused: ${res.statusCode} ${res.body}`);
      }
      return round;
    },
  };
}

export { EMPTY_WITNESS_STATE };
