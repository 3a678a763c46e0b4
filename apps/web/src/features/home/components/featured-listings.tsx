import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { listTeasers } from '../../listings/api/listings-api.ts';
import { ListingGrid } from '../../listings/components/listing-grid.tsx';

const FEATURED_COUNT = 6;

/** The newest teasers, with a way to the full list. */
export function FeaturedListings() {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => listTeasers(1, FEATURED_COUNT, signal), 'featured');
  return (
    <section className="sb-section">
      <div className="sb-container">
        <header className="sb-section-header sb-section-header-split">
          <div>
            <h2>{t('home.featured.title')}</h2>
            <p>{t('home.featured.subtitle')}</p>
          </div>
          <ButtonLink type="link" to="/listings" icon={<ArrowRightOutlined />} iconPlacement="end">
            {t('home.featured.viewAll')}
          </ButtonLink>
        </header>
        <ListingGrid
          items={query.data?.items}
          loading={query.loading}
          error={query.error}
          onRetry={query.reload}
          skeletonCount={FEATURED_COUNT}
        />
      </div>
    </section>
  );
}
