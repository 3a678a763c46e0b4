import '../listings.css';
import type { TListingTeaser } from '@sealbridge/contracts';
import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ListingCard } from './listing-card.tsx';

type Props = {
  items: TListingTeaser[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  skeletonCount: number;
  /** What an empty result says (default: no company is listed). */
  emptyText?: string;
};

/** The teaser grid with its three other states: skeletons while loading, a translated error, or empty. */
export function ListingGrid({ items, loading, error, onRetry, skeletonCount, emptyText }: Props) {
  const { t } = useTranslation();
  if (error && !loading) return <ApiErrorAlert error={error} onRetry={onRetry} testId="listings-error" />;
  if (loading && !items) {
    return (
      <div className="sb-listing-grid" aria-busy="true">
        {Array.from({ length: skeletonCount }, (_, i) => (
          <Card key={i} className="sb-listing-card">
            <Skeleton active title paragraph={{ rows: 4 }} />
          </Card>
        ))}
      </div>
    );
  }
  if (!items || items.length === 0) {
    return <Empty className="sb-empty" description={emptyText ?? t('listing.empty')} />;
  }
  return (
    <div className={loading ? 'sb-listing-grid is-reloading' : 'sb-listing-grid'} aria-busy={loading}>
      {items.map((teaser) => (
        <ListingCard key={teaser.id} teaser={teaser} />
      ))}
    </div>
  );
}
