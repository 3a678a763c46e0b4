import type { TInventoryItem } from '@sealbridge/contracts';
import { buildDataMap } from '../vault/index.ts';
import { CONSENT_PURPOSES, CROSS_BORDER_DESTINATIONS, THIRD_PARTIES } from './consent-purposes.ts';

/**
 * The notice's item-by-item list (清单): one item per registered personal field, taken from the data map (which the
 * registry generates), plus whom it is shared with. Nothing here is written by hand, so it cannot drift.
 */
export function buildInventory(): TInventoryItem[] {
  return buildDataMap().entries.map((e) => {
    const recipients = CONSENT_PURPOSES.filter((d) => (d.kind === 'recipient' || d.kind === 'cross_border') && d.fields.includes(e.key));
    const sharedWith = [
      ...(recipients.some((d) => d.kind === 'recipient') ? ['counterparty_with_separate_consent'] : []),
      ...THIRD_PARTIES.filter((t) => t.categories.includes(e.category)).map((t) => `vendor:${t.id}`),
      ...(recipients.some((d) => d.kind === 'cross_border') ? CROSS_BORDER_DESTINATIONS.map((c) => `destination:${c.code}`) : []),
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
