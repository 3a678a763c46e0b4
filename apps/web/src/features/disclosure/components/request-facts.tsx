import type { TSellSideInquiry } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/** What the sell side knows of a buyer: bands and a guarded note, never a name or a number. */
export function RequestFacts({ inquiry }: { inquiry: TSellSideInquiry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="sb-request-facts" data-testid="request-facts">
      <div>
        <dt>{t('disclosure.seller.buyerType')}</dt>
        <dd>{t(`disclosure.buyerTypes.${inquiry.buyerType}`)}</dd>
      </div>
      <div>
        <dt>{t('disclosure.seller.budget')}</dt>
        <dd>{t(`disclosure.budgetBands.${inquiry.budgetBand}`)}</dd>
      </div>
      <div>
        <dt>{t('disclosure.seller.timeline')}</dt>
        <dd>{t(`disclosure.timelines.${inquiry.timeline}`)}</dd>
      </div>
      <div>
        <dt>{t('disclosure.seller.appliedAt')}</dt>
        <dd>{formatDateTime(inquiry.createdAt, locale)}</dd>
      </div>
      <div className="sb-request-note">
        <dt>{t('disclosure.seller.note')}</dt>
        <dd>{inquiry.note || t('disclosure.seller.noNote')}</dd>
      </div>
    </dl>
  );
}
