import { MAX_BLIND_INDEX_BITS } from './blind-index.ts';
import { VaultCryptoError } from './vault-crypto-errors.ts';

/**
 * Rough sizes of input domains (number of possible normalized values). Only their order of magnitude matters:
 * the domain bound binds only for small domains, where a blind index would otherwise be a 1:1 map of values.
 */
export const BLIND_INDEX_DOMAINS = {
  /** Allocated mainland mobile numbers (+86 1[3-9]xxxxxxxxx), about 1.9e9. */
  mobileCn: 1.9e9,
  /** Resident ID (18 digits): ~3,500 region codes × 36,525 birth dates (100 years) × 1,000 sequence numbers. */
  residentIdCn: 1.28e11,
  /** Unified social credit code (18 characters): effectively unbounded for this purpose. */
  creditCodeCn: 2 ** 53,
  /** E-mail addresses: effectively unbounded. */
  email: 2 ** 53,
} as const;

export type BlindIndexPlanInput = {
  /** Records that will carry the index. Plan with a conservative (low) estimate: fewer rows, fewer collisions. */
  population: number;
  /** Number of possible normalized input values (see BLIND_INDEX_DOMAINS). */
  domainSize: number;
  /** Floor on records (and on possible inputs) sharing one index value; 2 unless you need more. */
  minCoincidence?: number;
};

export type BlindIndexPlan = {
  bits: number;
  /** Expected records per index value at the planned population: population / 2^bits (≥ minCoincidence). */
  expectedRecordsPerValue: number;
  /** Rows a lookup of an existing value returns on average (the true one plus false positives). */
  expectedCandidatesPerLookup: number;
  /** Which constraint chose `bits`. */
  limitedBy: 'population' | 'domain';
  /**
   * CipherSweet's upper safety bound: records per index value should stay ≤ √population (or 2 × minCoincidence
   * for tiny populations), otherwise the index is too coarse to be worth having (every lookup decrypts a large
   * share of the table). Only a small domain can push it over.
   */
  withinLookupBound: boolean;
};

/**
 * Chooses the blind-index width, after CipherSweet's FieldIndexPlanner: the largest `bits` such that
 *   population / 2^bits ≥ minCoincidence   (each index value is shared by ≥ 2 records: an index value alone
 *                                           never singles out a person — the k-anonymity-ish floor), and
 *   domainSize / 2^bits ≥ minCoincidence   (each index value covers ≥ 2 possible inputs, so even a full
 *                                           dictionary of the domain cannot invert a value to one input).
 *
 * Sizing at a planned population of 1,000,000 persons (minCoincidence 2):
 *   field          domain      bits  records/value  candidates/lookup  limited by
 *   mobile (+86)   1.9e9       18    3.81           4.81               population
 *   resident ID    1.28e11     18    3.81           4.81               population
 *   e-mail         ~2^53       18    3.81           4.81               population
 * Other populations (any of these fields): 100,000 → 15 bits (3.05/value); 10,000,000 → 22 bits (2.38/value);
 * companies' credit codes at 200,000 → 16 bits (3.05/value).
 * Below the planned population the floor weakens (fewer rows per value): plan with the population already
 * reached, and re-index with more bits later if lookups return too many candidates.
 */
export function planBlindIndexBits(input: BlindIndexPlanInput): BlindIndexPlan {
  const { population, domainSize } = input;
  const minCoincidence = input.minCoincidence ?? 2;
  if (!(population >= 1) || !(domainSize >= 1) || !(minCoincidence >= 1)) {
    throw new VaultCryptoError('INVALID_ARGUMENT', 'population, domainSize and minCoincidence must be ≥ 1');
  }
  const byPopulation = Math.floor(Math.log2(population / minCoincidence));
  const byDomain = Math.floor(Math.log2(domainSize / minCoincidence));
  const bits = Math.min(byPopulation, byDomain, MAX_BLIND_INDEX_BITS);
  if (bits < 1) {
    throw new VaultCryptoError(
      'PLAN_IMPOSSIBLE',
      `no blind index width gives ≥ ${minCoincidence} records and inputs per value for population ${population} and domain ${domainSize}`,
    );
  }
  const perValue = population / 2 ** bits;
  return {
    bits,
    expectedRecordsPerValue: perValue,
    expectedCandidatesPerLookup: 1 + (population - 1) / 2 ** bits,
    limitedBy: byDomain < byPopulation ? 'domain' : 'population',
    withinLookupBound: perValue <= Math.max(minCoincidence * 2, Math.sqrt(population)),
  };
}
