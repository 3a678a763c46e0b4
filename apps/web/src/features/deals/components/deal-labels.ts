import { CUSTODY_ITEM_LABELS, DEAL_STAGE_LABELS, type CustodyItem, type DealStage } from '@sealbridge/contracts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/** Stage and custody item names: declared once in contracts (notices in e-mails need them too), shown in the UI language. */
export function useDealLabels() {
  const locale = useLocale();
  return {
    locale,
    stage: (stage: DealStage) => DEAL_STAGE_LABELS[stage][locale],
    item: (kind: CustodyItem) => CUSTODY_ITEM_LABELS[kind][locale],
    /** A calendar day `YYYY-MM-DD` as the reader writes dates. */
    day: (day: string | null) =>
      day ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)) : '',
    /** An amount in 万元 with at most four decimals. */
    wan: (amount: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(amount),
  };
}
