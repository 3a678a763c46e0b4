import type { TListingTeaser } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/**
 * 一口价 shows as "¥ 85 万" in Chinese and "¥850,000" in English; 面议 as "面议" / "Negotiable".
 * Both units are offered to the message so each language picks the one its readers expect.
 */
export function ListingPrice({ price }: { price: TListingTeaser['price'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (price.kind === 'negotiable') {
    return <span className="sb-price sb-price-negotiable">{t('listing.priceNegotiable')}</span>;
  }
  const format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
  return (
    <span className="sb-price">
      {t('listing.priceFixed', { wan: format.format(price.amountWan), yuan: format.format(price.amountWan * 10_000) })}
    </span>
  );
}
