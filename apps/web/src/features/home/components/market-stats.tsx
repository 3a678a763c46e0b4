import { Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getMarketStats } from '../../listings/api/listings-api.ts';

/** Live counts from /api/market/stats, in a card that sits in the hero. */
export function MarketStats() {
  const { t } = useTranslation();
  const stats = useApiQuery((signal) => getMarketStats(signal), 'market-stats');
  const items = [
    { key: 'publishedListings', title: t('home.stats.publishedListings'), value: stats.data?.publishedListings },
    { key: 'provinces', title: t('home.stats.provinces'), value: stats.data?.provinces },
    { key: 'industries', title: t('home.stats.industries'), value: stats.data?.industries },
  ];
  return (
    <aside className="sb-hero-stats" data-testid="market-stats">
      {stats.error && !stats.loading ? (
        <ApiErrorAlert error={stats.error} onRetry={stats.reload} testId="market-stats-error" />
      ) : (
        items.map((item) =>
          stats.loading && !stats.data ? (
            <Skeleton.Button key={item.key} active block className="sb-stat-skeleton" />
          ) : (
            <Statistic key={item.key} className="sb-stat" title={item.title} value={item.value ?? 0} />
          ),
        )
      )}
    </aside>
  );
}
