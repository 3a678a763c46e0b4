import {
  checkpointVerifier,
  cosignCheckpoint,
  noteBody,
  publicKeyFromVkey,
  verifyConsistency,
  type Checkpoint,
  type Cosigner,
} from './integrity/index.ts';

/**
 * The witness (`npm run cli -- audit witness`): anyone can run it, on a machine the log's operator does not
 * control. Each round it fetches the public checkpoint, checks the log's signature with the key it pinned, checks
 * that the new tree extends the last one it saw (RFC 9162 consistency proof served by the log), stores the new
 * checkpoint, and only then cosigns it (C2SP cosignature/v1). A smaller tree (rollback), a different root for the
 * same size or a proof that fails (fork), a new key or origin: an alarm, kept in the state, after which the
 * witness cosigns nothing until a person looks. Pure logic: the CLI supplies fetching and the state file.
 */
export type WitnessAlarmKind = 'rollback' | 'fork' | 'key_changed' | 'origin_changed' | 'bad_signature';

export type WitnessState = {
  version: 1;
  log: { origin: string; vkey: string } | null;
  /** The largest consistent checkpoint seen: size, root (base64) and the log's signed note. */
  checkpoint: { size: number; rootHash: string; note: string } | null;
  /** The cosignature line this witness made over `checkpoint`. */
  cosignature: string | null;
  /** Set once, never cleared by the witness itself: the evidence a person needs. */
  alarm: { kind: WitnessAlarmKind; at: string; detail: string; seen: { note: string; proof?: string[] } } | null;
};

export const EMPTY_WITNESS_STATE: WitnessState = { version: 1, log: null, checkpoint: null, cosignature: null, alarm: null };

export type WitnessFetch = {
  /** The public checkpoint (GET /api/audit/checkpoint): the signed note and the log's verifier key. */
  checkpoint: () => Promise<{ note: string; verifierKey: string }>;
  /** PROOF(from, D[to]) as base64 hashes (GET /api/audit/proof/consistency). */
  consistencyProof: (from: number, to: number) => Promise<string[]>;
};

export type WitnessRound =
  | { outcome: 'cosigned'; state: WitnessState; cosignedNote: string; previousSize: number }
  | { outcome: 'unchanged'; state: WitnessState }
  | { outcome: 'alarm'; state: WitnessState };

export async function witnessRound(options: {
  state: WitnessState;
  fetch: WitnessFetch;
  cosigner: Cosigner;
  /** A vkey given by the operator (`--key`); without it the first checkpoint's key is pinned (trust on first use). */
  pinnedVkey?: string | undefined;
  now?: () => Date;
}): Promise<WitnessRound> {
  const now = options.now ?? (() => new Date());
  const state = options.state;
  if (state.alarm) return { outcome: 'alarm', state };
  const alarm = (kind: WitnessAlarmKind, detail: string, note: string, proof?: string[]): WitnessRound => ({
    outcome: 'alarm',
    state: { ...state, alarm: { kind, at: now().toISOString(), detail, seen: { note, ...(proof ? { proof } : {}) } } },
  });

  const served = await options.fetch.checkpoint();
  const vkey = options.pinnedVkey ?? state.log?.vkey ?? served.verifierKey;
  if (state.log && state.log.vkey !== vkey)
    return alarm('key_changed', `the log's key changed from ${state.log.vkey} to ${vkey}`, served.note);
  if (served.verifierKey.trim() !== vkey.trim())
    return alarm('key_changed', `the log now publishes the key ${served.verifierKey}, not ${vkey}`, served.note);
  const { keyName, publicKey } = publicKeyFromVkey(vkey);
  let cp: Checkpoint;
  try {
    cp = checkpointVerifier(publicKey, keyName)(served.note);
  } catch (error) {
    return alarm(
      'bad_signature',
      `the checkpoint is not validly signed by ${keyName}: ${error instanceof Error ? error.message : 'unknown'}`,
      served.note,
    );
  }
  if (state.log && cp.origin !== state.log.origin)
    return alarm('origin_changed', `the log's origin changed from ${state.log.origin} to ${cp.origin}`, served.note);

  const rootHash = cp.rootHash.toString('base64');
  const old = state.checkpoint;
  let previousSize = 0;
  if (old) {
    previousSize = old.size;
    if (cp.size < old.size) return alarm('rollback', `the log shows ${cp.size} records after it had signed ${old.size}`, served.note);
    if (cp.size === old.size) {
      if (rootHash !== old.rootHash) return alarm('fork', `two different roots signed for size ${cp.size}`, served.note);
      return { outcome: 'unchanged', state };
    }
    const proof = await options.fetch.consistencyProof(old.size, cp.size);
    const hashes = proof.map((p) => Buffer.from(p, 'base64'));
    if (!verifyConsistency(old.size, cp.size, Buffer.from(old.rootHash, 'base64'), cp.rootHash, hashes)) {
      return alarm(
        'fork',
        `the checkpoint at size ${cp.size} does not extend the one at size ${old.size}: the consistency proof fails`,
        served.note,
        proof,
      );
    }
  }
  const cosignature = cosignCheckpoint(noteBody(served.note), options.cosigner, Math.floor(now().getTime() / 1000));
  return {
    outcome: 'cosigned',
    previousSize,
    cosignedNote: `${served.note}${cosignature.line}\n`,
    state: {
      version: 1,
      log: { origin: cp.origin, vkey },
      checkpoint: { size: cp.size, rootHash, note: served.note },
      cosignature: cosignature.line,
      alarm: null,
    },
  };
}
