import { FilterOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Drawer, Pagination } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session/session-context.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { errorText } from '../../../shared/api/api-error.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { usePhone } from '../../../shared/ui/responsive-table.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getRegions, searchListings, watchApi } from '../api/listings-api.ts';
import { FilterPanel, type Filters } from '../components/filter-panel.tsx';
import { ListingGrid } from '../components/listing-grid.tsx';

const PAGE_SIZES = [12, 24, 48];

/** Reads a positive integer query parameter, falling back when it is missing or nonsense. */
function readInt(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

/** /listings?…filters…&page= — search over published teasers; everything lives in the URL so searches can be shared. */
export function ListingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  useDocumentTitle('listings');
  const [params, setParams] = useSearchParams();
  const page = readInt(params, 'page', 1, 10_000);
  const pageSize = readInt(params, 'pageSize', 12, 100);
  const filters: Filters = {};
  params.forEach((v, k) => {
    if (k !== 'page' && k !== 'pageSize') filters[k] = v;
  });
  const key = params.toString();
  const query = useApiQuery((signal) => searchListings({ ...filters, page, pageSize }, signal), key);
  const regions = useApiQuery((signal) => getRegions(signal), 'regions');
  const phone = usePhone();
  const [sheetOpen, setSheetOpen] = useState(false);

  const goTo = (nextPage: number, nextSize: number) => {
    setParams({ ...filters, page: String(nextSize === pageSize ? nextPage : 1), pageSize: String(nextSize) });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };
  const saveSearch = async () => {
    try {
      await watchApi.saveSearch(Object.values(filters).join(' ').slice(0, 40) || t('listings.title'), filters);
      void message.success(t('market.filters.saved'));
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };

  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('listings.title')}</h1>
        <p>{t('listings.subtitle')}</p>
        {query.data && (
          // A heading: on phones the filters' own h2 sits in the closed sheet, and the cards' h3 need one above them.
          <h2 className="sb-page-count" data-testid="listings-total">
            {query.data.totalCapped
              ? t('listings.totalCapped', { count: query.data.total })
              : t('listings.total', { count: query.data.total })}
          </h2>
        )}
      </header>
      <Alert className="sb-anonymity-note" type="info" showIcon icon={<LockOutlined />} title={t('listings.anonymityNote')} />
      <div className="sb-market-layout">
        <aside>
          {phone ? (
            // Phones: the results come first; the filters open in a bottom sheet and close once applied.
            <>
              <Button block icon={<FilterOutlined />} onClick={() => setSheetOpen(true)} data-testid="filters-open">
                {t('market.filters.title')} <Badge count={Object.keys(filters).filter((k) => k !== 'sort').length} size="small" />
              </Button>
              <Drawer
                open={sheetOpen}
                onClose={() => setSheetOpen(false)}
                placement="bottom"
                size={Math.round(window.innerHeight * 0.85)}
                title={t('market.filters.title')}
                rootClassName="sb-filter-sheet"
              >
                <FilterPanel
                  key={key}
                  value={filters}
                  regions={regions.data}
                  showTitle={false}
                  onChange={(next) => {
                    setSheetOpen(false);
                    setParams(next);
                  }}
                />
              </Drawer>
            </>
          ) : (
            <FilterPanel key={key} value={filters} regions={regions.data} onChange={(next) => setParams(next)} />
          )}
          {session.account && Object.keys(filters).length > 0 && (
            <Button block className="sb-save-search" onClick={() => void saveSearch()}>
              {t('market.filters.saveSearch')}
            </Button>
          )}
        </aside>
        <section>
          <ListingGrid
            items={query.data?.items}
            loading={query.loading}
            error={query.error}
            onRetry={query.reload}
            skeletonCount={pageSize > 12 ? 12 : pageSize}
            emptyText={Object.keys(filters).length > 0 ? t('listings.noMatch') : undefined}
          />
          {query.data && query.data.total > 0 && (
            <Pagination
              className="sb-pagination"
              current={page}
              pageSize={pageSize}
              total={query.data.total}
              pageSizeOptions={PAGE_SIZES}
              showSizeChanger
              onChange={goTo}
              // Real links (/listings?…&page=N) so crawlers and "open in new tab" reach every page of results.
              itemRender={(target, type, original) =>
                type === 'page' ? (
                  <Link
                    to={`/listings?${new URLSearchParams({ ...filters, page: String(target), pageSize: String(pageSize) }).toString()}`}
                  >
                    {target}
                  </Link>
                ) : (
                  original
                )
              }
            />
          )}
        </section>
      </div>
    </div>
  );
}
