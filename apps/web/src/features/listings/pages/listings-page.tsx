import { LockOutlined } from '@ant-design/icons';
import { Alert, Pagination } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { listTeasers } from '../api/listings-api.ts';
import { ListingGrid } from '../components/listing-grid.tsx';

const PAGE_SIZES = [12, 24, 48];

/** Reads a positive integer query parameter, falling back when it is missing or nonsense. */
function readInt(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

/** /listings?page=&pageSize= — every published teaser, paginated through the URL so pages can be shared. */
export function ListingsPage() {
  const { t } = useTranslation();
  useDocumentTitle('listings');
  const [params, setParams] = useSearchParams();
  const page = readInt(params, 'page', 1, 10_000);
  const pageSize = readInt(params, 'pageSize', 12, 100);
  const query = useApiQuery((signal) => listTeasers(page, pageSize, signal), `${page}:${pageSize}`);

  const goTo = (nextPage: number, nextSize: number) => {
    setParams({ page: String(nextSize === pageSize ? nextPage : 1), pageSize: String(nextSize) });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('listings.title')}</h1>
        <p>{t('listings.subtitle')}</p>
        {query.data && <p className="sb-page-count">{t('listings.total', { count: query.data.total })}</p>}
      </header>
      <Alert className="sb-anonymity-note" type="info" showIcon icon={<LockOutlined />} title={t('listings.anonymityNote')} />
      <ListingGrid
        items={query.data?.items}
        loading={query.loading}
        error={query.error}
        onRetry={query.reload}
        skeletonCount={pageSize > 12 ? 12 : pageSize}
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
        />
      )}
    </div>
  );
}
