import { SolutionOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorCodeOf, errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { dealsApi } from '../api/deals-api.ts';

/**
 * A buyer holding L1 on the listing starts a deal (the broker takes it forward); the listing's adviser opens one
 * from the buyer's approved L1 grant (`grantId`). Without an active L1 the server answers NOT_FOUND, shown as
 * "ask for the company's details first" — the same answer whatever the listing's state.
 */
export function StartDealButton({ listingId, grantId }: { listingId: string; grantId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const navigate = useNavigate();
  const start = async () => {
    try {
      const deal = await dealsApi.start(listingId, grantId);
      void message.success(t('deals.start.started'));
      void navigate(grantId ? `/console/deals/${deal.id}` : `/account/deals/${deal.id}`);
    } catch (error) {
      void message.info(
        errorCodeOf(error) === 'NOT_FOUND' ? t(grantId ? 'deals.start.brokerNoGrant' : 'deals.start.noGrant') : errorText(error, locale),
      );
    }
  };
  return (
    <Button
      block={!grantId}
      size={grantId ? 'small' : 'middle'}
      icon={<SolutionOutlined />}
      onClick={() => void start()}
      title={t(grantId ? 'deals.start.brokerHint' : 'deals.start.hint')}
      data-testid={grantId ? 'broker-start-deal' : 'start-deal'}
    >
      {t(grantId ? 'deals.start.brokerButton' : 'deals.start.button')}
    </Button>
  );
}
