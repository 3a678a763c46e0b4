import type { TConsistencyProofResponse, TWitnessesResponse } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { AuditRepo } from './audit-repo.ts';
import { consistencyProofRanges, findCosignature, frontierCore, noteBody, type CosignatureVerifier } from './integrity/index.ts';

/** A cosignature dated further ahead than this is refused (clocks drift; a witness from the future does not). */
const MAX_CLOCK_SKEW_SECONDS = 600;
/** Leaf hashes read per page while a proof node is computed. */
const PAGE = 5000;

export type AuditWitnessesDeps = {
  repo: AuditRepo;
  /** The witnesses the operator trusts (AUDIT_WITNESSES): only their cosignatures are kept and shown. */
  witnesses: readonly CosignatureVerifier[];
  now?: () => Date;
};

export type AuditWitnesses = ReturnType<typeof createAuditWitnesses>;

/**
 * What outsiders need to hold the log to its history: RFC 9162 consistency proofs between signed checkpoints
 * (for witnesses and auditors), and the witnesses' C2SP cosignatures of our checkpoints, accepted only from the
 * configured witnesses and only over a checkpoint we signed, byte for byte.
 */
export function createAuditWitnesses(deps: AuditWitnessesDeps) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  /** MTH of the leaves [start, end): streamed through a fresh frontier, O(log n) memory. */
  async function rangeRoot(start: number, end: number): Promise<Buffer> {
    const frontier = frontierCore();
    let after = start;
    while (after < end) {
      const rows = await repo.leafHashes(after, end, PAGE);
      if (rows.length === 0) throw new AppError('SERVICE_UNAVAILABLE', 'the log is shorter than its checkpoint');
      for (const row of rows) frontier.appendTrustedHex(row.leaf_hash);
      after = Number(rows.at(-1)?.seq ?? end);
    }
    return Buffer.from(frontier.rootHex(), 'hex');
  }

  return {
    /**
     * PROOF(from, D[to]) of RFC 9162 §2.1.4.1, base64 hashes in proof order. `to` must be the size of a signed
     * checkpoint (nothing unsigned is proved) and `from` at most `to`.
     */
    async consistencyProof(from: number, to: number): Promise<TConsistencyProofResponse> {
      if (from > to) throw new AppError('VALIDATION_FAILED', 'from is larger than to', { fields: ['from'] });
      if (!(await repo.checkpointAt(to))) throw new AppError('NOT_FOUND', 'no signed checkpoint of that size');
      const proof: string[] = [];
      for (const range of consistencyProofRanges(from, to)) proof.push((await rangeRoot(range.start, range.end)).toString('base64'));
      return { from, to, proof };
    },

    /**
     * Keeps the cosignatures of configured witnesses found on a copy of one of our checkpoints. The note's body
     * must be our stored checkpoint's body exactly; a line by a configured witness that does not verify is refused.
     */
    async acceptCosignedNote(note: string): Promise<{ accepted: number }> {
      let body: string;
      try {
        body = noteBody(note);
      } catch {
        throw new AppError('VALIDATION_FAILED', 'not a signed note', { fields: ['note'] });
      }
      const sizeLine = body.split('\n')[1] ?? '';
      const stored = /^(0|[1-9][0-9]{0,15})$/.test(sizeLine) ? await repo.checkpointAt(Number(sizeLine)) : undefined;
      if (!stored || noteBody(stored.note) !== body) throw new AppError('NOT_FOUND', 'not one of our checkpoints');
      const lines = note
        .slice(body.length + 1)
        .split('\n')
        .filter(Boolean);
      let accepted = 0;
      for (const witness of deps.witnesses) {
        let found;
        try {
          found = findCosignature(lines, body, witness);
        } catch {
          throw new AppError('VALIDATION_FAILED', 'a cosignature does not verify', { fields: ['note'] });
        }
        if (!found) continue;
        if (found.timestamp > now().getTime() / 1000 + MAX_CLOCK_SKEW_SECONDS)
          throw new AppError('VALIDATION_FAILED', 'cosignature from the future', { fields: ['note'] });
        await repo.insertCosignature({
          witness_key_name: found.keyName,
          witness_key_id: found.keyId,
          size: Number(stored.size),
          root_hash: stored.root_hash,
          cosigned_at: found.timestamp,
          signature_line: found.line,
          received_at: now().toISOString(),
        });
        accepted += 1;
      }
      if (accepted === 0) throw new AppError('VALIDATION_FAILED', 'no cosignature by a configured witness', { fields: ['note'] });
      return { accepted };
    },

    /** The configured witnesses and the largest checkpoint each has cosigned. */
    async list(): Promise<TWitnessesResponse> {
      const witnesses = await Promise.all(
        deps.witnesses.map(async (w) => {
          const row = await repo.latestCosignature(w.keyName, w.keyId.toString('hex'));
          return {
            name: w.keyName,
            keyId: w.keyId.toString('hex'),
            vkey: w.vkey,
            latest: row
              ? {
                  size: Number(row.size),
                  rootHash: row.root_hash,
                  cosignedAt: new Date(Number(row.cosigned_at) * 1000).toISOString(),
                  receivedAt: row.received_at,
                  signatureLine: row.signature_line,
                }
              : null,
          };
        }),
      );
      return { witnesses };
    },
  };
}
