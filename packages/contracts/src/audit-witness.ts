import { z } from 'zod';
import { zQueryInt } from './text-input.ts';

/**
 * Witnesses (issue 15): outsiders who poll the public checkpoint, check each new one against the last they saw with
 * an RFC 9162 consistency proof, and cosign it (C2SP tlog-cosignature, cosignature/v1).
 */
export const ZConsistencyProofQuery = z.object({
  from: zQueryInt(0, Number.MAX_SAFE_INTEGER),
  to: zQueryInt(1, Number.MAX_SAFE_INTEGER),
});
export type TConsistencyProofQuery = z.infer<typeof ZConsistencyProofQuery>;

/** PROOF(from, D[to]) of RFC 9162 §2.1.4.1: the hashes in proof order, each 32 bytes in standard base64. */
export const ZConsistencyProofResponse = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(z.string()),
});
export type TConsistencyProofResponse = z.infer<typeof ZConsistencyProofResponse>;

/** A copy of one of our checkpoint notes carrying the witness's cosignature line(s). */
export const ZCosignedNoteRequest = z.object({ note: z.string().min(10).max(20_000) });
export const ZCosignedNoteResponse = z.object({ accepted: z.number().int() });

export const ZWitnessView = z.object({
  /** The witness's key name, e.g. "witness.example.org/sealbridge". */
  name: z.string(),
  keyId: z.string(),
  /** Its verifier key (cosignature/v1), as configured in AUDIT_WITNESSES. */
  vkey: z.string(),
  /** The largest checkpoint it has cosigned, or null before its first cosignature. */
  latest: z
    .object({
      size: z.number().int(),
      rootHash: z.string(),
      /** The time in the cosignature, as the witness signed it. */
      cosignedAt: z.string(),
      receivedAt: z.string(),
      signatureLine: z.string(),
    })
    .nullable(),
});
export const ZWitnessesResponse = z.object({ witnesses: z.array(ZWitnessView) });
export type TWitnessesResponse = z.infer<typeof ZWitnessesResponse>;
export type TWitnessView = z.infer<typeof ZWitnessView>;
