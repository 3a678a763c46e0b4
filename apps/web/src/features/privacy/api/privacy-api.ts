import type { Locale } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

export type SubjectKind = 'customer' | 'staff' | 'company_party';
export type Sensitivity = 'general' | 'sensitive';

/** One declared personal-data field, as the registry-driven data map publishes it. */
export type TDataMapEntry = {
  key: string;
  label: Record<Locale, string>;
  subjectKind: SubjectKind;
  category: string;
  sensitivity: Sensitivity;
  purposes: string[];
  legalBasis: string;
  retention: string;
  masking: string;
  blindIndexed: boolean;
};

export type TDataMap = { generatedAt: string; entries: TDataMapEntry[] };

const SUBJECT_KINDS: readonly string[] = ['customer', 'staff', 'company_party'];

function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('expected a string');
  return value;
}

function parseEntry(raw: unknown): TDataMapEntry {
  const e = (raw ?? {}) as Record<string, unknown>;
  const label = (e.label ?? {}) as Record<string, unknown>;
  if (!SUBJECT_KINDS.includes(str(e.subjectKind))) throw new TypeError('unknown subject kind');
  if (e.sensitivity !== 'general' && e.sensitivity !== 'sensitive') throw new TypeError('unknown sensitivity');
  if (!Array.isArray(e.purposes)) throw new TypeError('purposes must be a list');
  return {
    key: str(e.key),
    label: { 'zh-CN': str(label['zh-CN']), en: str(label.en) },
    subjectKind: e.subjectKind as SubjectKind,
    category: str(e.category),
    sensitivity: e.sensitivity,
    purposes: e.purposes.map(str),
    legalBasis: str(e.legalBasis),
    retention: str(e.retention),
    masking: str(e.masking),
    blindIndexed: e.blindIndexed === true,
  };
}

function parseDataMap(value: unknown): TDataMap {
  const body = (value ?? {}) as Record<string, unknown>;
  if (!Array.isArray(body.entries)) throw new TypeError('entries must be a list');
  return { generatedAt: str(body.generatedAt), entries: body.entries.map(parseEntry) };
}

/** The live data map (RoPA). Rejects with a 404 ApiError until the vault module is deployed. */
export function getDataMap(signal?: AbortSignal): Promise<TDataMap> {
  return apiRequest('/api/privacy/data-map', parseDataMap, { signal });
}
