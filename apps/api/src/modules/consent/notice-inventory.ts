import type { TInventoryItem, TPrivacyCenter } from '@sealbridge/contracts';
import { buildDataMap } from '../vault/index.ts';
import { CONSENT_PURPOSES } from './consent-purposes.ts';

/** Who receives personal data today, from the vendors module's registry (live data, not constants). */
export type LiveRecipients = Pick<TPrivacyCenter, 'thirdParties' | 'crossBorder'>;
const NONE: LiveRecipients = { thirdParties: [], crossBorder: [] };

/**
 * The notice's item-by-item list (清单): one item per registered personal field, taken from the data map (which the
 * registry generates), plus whom it is shared with. Nothing here is written by hand, so it cannot drift.
 */
export function buildInventory(live: LiveRecipients = NONE): TInventoryItem[] {
  return buildDataMap().entries.map((e) => {
    const recipients = CONSENT_PURPOSES.filter((d) => (d.kind === 'recipient' || d.kind === 'cross_border') && d.fields.includes(e.key));
    const sharedWith = [
      ...(recipients.some((d) => d.kind === 'recipient') ? ['counterparty_with_separate_consent'] : []),
      ...live.thirdParties.filter((t) => t.categories.includes(e.category)).map((t) => `vendor:${t.id}`),
      ...live.crossBorder.filter((c) => c.categories.includes(e.category)).map((c) => `destination:${c.code}`),
    ];
    return {
      key: e.key,
      label: e.label,
      subjectKind: e.subjectKind,
      category: e.category,
      sensitivity: e.sensitivity,
      purposes: e.purposes,
      legalBasis: e.legalBasis,
      retention: e.retention,
      sharedWith,
    };
  });
}

/** The data subject's rights (PIPL Art. 44–50), named in every notice. */
export const RIGHTS = [
  'access',
  'copy',
  'portability',
  'correction',
  'deletion',
  'explanation',
  'withdraw_consent',
  'account_closure',
  'complaint',
] as const;

/** Fields whose item changed between two lists (added, removed, or any rule of theirs different). */
export function changedFields(previous: readonly TInventoryItem[], next: readonly TInventoryItem[]): string[] {
  const before = new Map(previous.map((i) => [i.key, JSON.stringify({ ...i, label: undefined })]));
  const after = new Map(next.map((i) => [i.key, JSON.stringify({ ...i, label: undefined })]));
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
