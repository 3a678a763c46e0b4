import { type AGE_BANDS, type CAPITAL_BANDS } from '@sealbridge/contracts';

type AgeBand = (typeof AGE_BANDS)[number];
type CapitalBand = (typeof CAPITAL_BANDS)[number];

/** Generalizes an establishment year to an age band: exact dates re-identify companies in public registries. */
export function ageBand(establishedYear: number, today: Date = new Date()): AgeBand {
  const age = today.getUTCFullYear() - establishedYear;
  if (age < 1) return 'lt1';
  if (age < 3) return '1to3';
  if (age < 5) return '3to5';
  if (age < 10) return '5to10';
  return 'gte10';
}

/** Generalizes registered capital (万元) to a range. */
export function capitalBand(capitalWan: number): CapitalBand {
  if (capitalWan < 100) return 'lt100';
  if (capitalWan < 500) return '100to500';
  if (capitalWan < 1000) return '500to1000';
  if (capitalWan < 5000) return '1000to5000';
  return 'gte5000';
}

/** Social-insurance headcount generalized to a band. */
export function headcountBand(headcount: number | null | undefined): 'none' | 'lt10' | '10to50' | 'gte50' | null {
  if (headcount === null || headcount === undefined) return null;
  if (headcount === 0) return 'none';
  if (headcount < 10) return 'lt10';
  if (headcount < 50) return '10to50';
  return 'gte50';
}

/** Establishment years covered by an age band this year (inclusive), for search filters. */
export function yearsOfAgeBand(band: AgeBand, today: Date = new Date()): [number, number] {
  const y = today.getUTCFullYear();
  switch (band) {
    case 'lt1':
      return [y, 9999];
    case '1to3':
      return [y - 2, y - 1];
    case '3to5':
      return [y - 4, y - 3];
    case '5to10':
      return [y - 9, y - 5];
    default:
      return [0, y - 10];
  }
}

/** Capital (万元) range of a capital band: [min inclusive, max exclusive]. */
export function capitalRangeOfBand(band: CapitalBand): [number, number] {
  switch (band) {
    case 'lt100':
      return [0, 100];
    case '100to500':
      return [100, 500];
    case '500to1000':
      return [500, 1000];
    case '1000to5000':
      return [1000, 5000];
    // The column is a 32-bit integer on PostgreSQL: a larger bound fails the whole query (found by the route property test).
    default:
      return [5000, 2_147_483_647];
  }
}
