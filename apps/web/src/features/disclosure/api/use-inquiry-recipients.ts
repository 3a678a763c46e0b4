import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useSession } from '../../auth/session/session-context.ts';
import { buyerApi, sellerDisclosureApi } from './disclosure-api.ts';

/**
 * Names the consent-ledger recipients of the disclosure path ("inquiry:<id>") the way each side knows them — for a
 * seller "买家 B-7K3QX2 · 挂牌 SB-…", for a buyer "挂牌 SB-… 的卖方"; any other recipient is shown as stored.
 */
export function useInquiryRecipients(): (recipient: string) => string {
  const { t } = useTranslation();
  const roles = useSession().account?.roles ?? [];
  const seller = roles.includes('seller');
  const buyer = roles.includes('buyer');
  const sold = useApiQuery(
    (signal) => (seller ? sellerDisclosureApi.inquiries(undefined, signal) : Promise.resolve({ items: [] })),
    `recipients-seller-${seller}`,
  );
  const bought = useApiQuery((signal) => (buyer ? buyerApi.mine(signal) : Promise.resolve({ items: [] })), `recipients-buyer-${buyer}`);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of sold.data?.items ?? [])
      map.set(
        `inquiry:${i.id}`,
        `${t('disclosure.alias', { alias: i.buyerAlias })} · ${t('disclosure.accessLog.listing', { code: i.listingCode })}`,
      );
    for (const i of bought.data?.items ?? []) map.set(`inquiry:${i.id}`, t('disclosure.sellerOf', { code: i.listingCode }));
    return map;
  }, [sold.data, bought.data, t]);
  return (recipient) => names.get(recipient) ?? recipient;
}
