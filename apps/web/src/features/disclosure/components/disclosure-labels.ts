import { DISCLOSURE_CONSENT_PURPOSES, DISCLOSURE_LEVEL_CONTENTS } from '@sealbridge/contracts';
import type { DisclosureLevel, Locale, TTextFinding } from '@sealbridge/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/api-error.ts';

/** A level's name from the one declaration in the contracts ("L1 公司身份与财务概要"). */
export const levelLabel = (level: DisclosureLevel, locale: Locale): string => DISCLOSURE_LEVEL_CONTENTS[level].label[locale];

/** The names of what a level opens: its personal fields, then its listing facts, in the declaration's order. */
export function levelFieldNames(level: DisclosureLevel, t: TFunction): string[] {
  const contents = DISCLOSURE_LEVEL_CONTENTS[level];
  return [
    ...contents.personalFields.map((key) => t(`disclosure.fields.${key}`)),
    ...contents.listingFacts.map((key) => t(`disclosure.facts.${key}`)),
  ];
}

/** `YYYY-MM-DD` of an instant in the reader's calendar (an expiry is a day to a person, not an instant). */
export function dayOf(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** The free-text guard's findings of a refusal (FREE_TEXT_IDENTIFIERS), or []. */
export function findingsOf(error: unknown): TTextFinding[] {
  if (!(error instanceof ApiError) || error.code !== 'FREE_TEXT_IDENTIFIERS') return [];
  const findings = error.details?.['findings'];
  return Array.isArray(findings) ? (findings as TTextFinding[]) : [];
}

/** One finding as a sentence pointing at the characters, never repeating them. */
export function findingText(finding: TTextFinding, t: TFunction): string {
  return t('disclosure.inquire.finding', {
    start: finding.start + 1,
    end: finding.end,
    kind: t(`market.seller.findingKinds.${finding.kind}`),
  });
}

/** The exact lines of the separate consent a seller gives (or refuses) naming one buyer, for L1 or L3. */
export function sellerConsentLines(
  input: { alias: string; verified: boolean; code: string; level: 'L1' | 'L3' },
  t: TFunction,
  locale: Locale,
): string[] {
  const { alias, verified, code, level } = input;
  return [
    t('disclosure.consentDialog.sellerTitle', { alias, level: levelLabel(level, locale) }),
    t('disclosure.consentDialog.recipientBuyer', {
      alias,
      code,
      verification: verified ? t('disclosure.verified') : t('disclosure.unverified'),
    }),
    t('disclosure.consentDialog.purpose', { purpose: t(`codes.purposes.${DISCLOSURE_CONSENT_PURPOSES[level]}`) }),
    t('disclosure.consentDialog.content', { fields: levelFieldNames(level, t).join(t('disclosure.listSeparator')) }),
    t('disclosure.consentDialog.basis'),
    level === 'L1' ? t('disclosure.consentDialog.withdrawL1') : t('disclosure.consentDialog.withdrawL3'),
    t('disclosure.consentDialog.recorded'),
  ];
}

/** The exact lines of the buyer's own separate consent (L3) naming this listing's seller. */
export function buyerConsentLines(code: string, t: TFunction): string[] {
  return [
    t('disclosure.consentDialog.buyerTitle', { code }),
    t('disclosure.consentDialog.recipientSeller', { code }),
    t('disclosure.consentDialog.purpose', { purpose: t(`codes.purposes.${DISCLOSURE_CONSENT_PURPOSES.L3}`) }),
    t('disclosure.consentDialog.content', { fields: levelFieldNames('L3', t).join(t('disclosure.listSeparator')) }),
    t('disclosure.consentDialog.basis'),
    t('disclosure.consentDialog.withdrawL3'),
    t('disclosure.consentDialog.recorded'),
  ];
}
