import type { TDataMapResponse } from '@sealbridge/contracts';
import { PERSONAL_FIELDS } from './personal-data-registry.ts';

/** The record of processing (data map), generated from the registry: nothing here is written by hand. */
export function buildDataMap(now: Date = new Date()): TDataMapResponse {
  return {
    generatedAt: now.toISOString(),
    entries: PERSONAL_FIELDS.map((f) => ({
      key: f.key,
      label: f.label,
      subjectKind: f.subjectKind,
      category: f.category,
      sensitivity: f.sensitivity,
      purposes: [...f.purposes],
      legalBasis: f.legalBasis,
      retention: f.retention,
      masking: f.masking,
      blindIndexed: f.blindIndex !== undefined,
      visibleTo: [...f.visibleTo],
    })),
  };
}
