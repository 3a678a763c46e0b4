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
