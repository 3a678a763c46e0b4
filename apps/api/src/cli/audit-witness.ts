import { hostname } from 'node:os';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ZCheckpointResponse, ZConsistencyProofResponse } from '@sealbridge/contracts';
import {
  createFileSigningKey,
  cosignerVkey,
  EMPTY_WITNESS_STATE,
  witnessRound,
  type WitnessFetch,
  type WitnessState,
} from '../modules/audit/index.ts';
import { optionValue, unknownOptions } from './cli-args.ts';

export const WITNESS_USAGE = `audit witness --url <public checkpoint URL> --state <file> [--key <log vkey>] [--name <witness name>]
              [--witness-key <file>] [--interval <seconds>] [--once] [--no-submit]
  Polls the log's public checkpoint (e.g. https://deals.example.cn/api/audit/checkpoint), checks each new one
  against the last it saw with an RFC 9162 consistency proof from the log, stores it in --state and cosigns it
  (C2SP cosignature/v1) with its own Ed25519 key (--witness-key, default <state>.key, created 0600), then hands the
  cosignature to the log (unless --no-submit). A rollback, a fork or a changed key is an ALARM: printed, kept in the
  state file, exit code 1, and no further cosignature until a person clears it. Run it where the log's operator
  has no access. --key pins the log's verifier key (else the first one seen is pinned).`;

async function readState(path: string): Promise<WitnessState> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as WitnessState;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return EMPTY_WITNESS_STATE;
    throw new Error(`cannot read the witness state ${path}: ${error instanceof Error ? error.message : 'unknown'}`, { cause: error });
  }
}

/** Written to a temporary file and renamed: a crash never leaves half a state (and never a lost checkpoint). */
async function writeState(path: string, state: WitnessState): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}

function httpFetch(url: URL): WitnessFetch {
  const get = async (target: URL) => {
    const response = await fetch(target, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`GET ${target.href}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    checkpoint: async () => ZCheckpointResponse.parse(await get(url)),
    consistencyProof: async (from, to) => {
      const target = new URL('/api/audit/proof/consistency', url);
      target.search = new URLSearchParams({ from: String(from), to: String(to) }).toString();
      return ZConsistencyProofResponse.parse(await get(target)).proof;
    },
  };
}

/** `audit witness`: see WITNESS_USAGE. Exit 0 (rounds done), 1 (alarm), 2 (usage), 4 (the log could not be reached with --once). */
export async function runWitness(args: string[]): Promise<number> {
  const unknown = unknownOptions(args, ['--url', '--state', '--key', '--name', '--witness-key', '--interval'], ['--once', '--no-submit']);
  const urlText = optionValue(args, '--url');
  const statePath = optionValue(args, '--state');
  const interval = Number(optionValue(args, '--interval') ?? '60');
  if (unknown.length || !urlText || !statePath || !Number.isInteger(interval) || interval < 1) {
    console.error(`${unknown.length ? `unknown option ${unknown.join(' ')}\n\n` : ''}${WITNESS_USAGE}`);
    return 2;
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    console.error(`--url is not a URL: ${urlText}`);
    return 2;
  }
  const name = optionValue(args, '--name') ?? `witness.${hostname().toLowerCase()}/sealbridge`;
  const key = await createFileSigningKey({ dir: '.', path: optionValue(args, '--witness-key') ?? `${statePath}.key`, keyName: name });
  const cosigner = { keyName: name, privateKey: key.privateKey, publicKey: key.publicKey };
  console.log(`witness ${cosignerVkey(name, key.publicKey)}`);
  const fetchers = httpFetch(url);
  for (;;) {
    let state = await readState(statePath);
    try {
      const round = await witnessRound({ state, fetch: fetchers, cosigner, pinnedVkey: optionValue(args, '--key') });
      state = round.state;
      if (round.outcome === 'alarm') {
        await writeState(statePath, state);
        console.error(
          `ALARM (${state.alarm?.kind}): ${state.alarm?.detail}. Evidence kept in ${statePath}; no further cosignature until it is cleared.`,
        );
        return 1;
      }
      if (round.outcome === 'cosigned') {
        // Stored before it is published: the witness never cosigns two views it has not checked against each other.
        await writeState(statePath, state);
        console.log(`cosigned size ${state.checkpoint?.size} (was ${round.previousSize})`);
        if (!args.includes('--no-submit')) {
          const response = await fetch(new URL('/api/audit/cosignatures', url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ note: round.cosignedNote }),
            signal: AbortSignal.timeout(30_000),
          }).catch(() => undefined);
          if (!response?.ok)
            console.error(`the log did not take the cosignature (HTTP ${response?.status ?? 'unreachable'}); it is kept in ${statePath}`);
        }
      } else console.log(`unchanged at size ${state.checkpoint?.size}`);
    } catch (error) {
      console.error(`round failed: ${error instanceof Error ? error.message : String(error)}`);
      if (args.includes('--once')) return 4;
    }
    if (args.includes('--once')) return 0;
    await new Promise((resolve) => setTimeout(resolve, interval * 1000));
  }
}
