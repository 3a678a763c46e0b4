import { DeleteOutlined, HeartFilled } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, List, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { watchApi } from '../api/listings-api.ts';
import { ListingGrid } from '../components/listing-grid.tsx';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

/** A saved search's filters as the /listings address that runs it again. */
function searchHref(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `/listings?${text}` : '/listings';
}

function Favourites() {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => watchApi.favorites(signal), 'favorites');
  return (
    <ListingGrid
      items={query.data?.items}
      loading={query.loading}
      error={query.error}
      onRetry={query.reload}
      skeletonCount={3}
      emptyText={t('market.watch.noFavorites')}
    />
  );
}

function SavedSearches() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => watchApi.savedSearches(signal), 'saved-searches');
  const remove = async (id: string) => {
    try {
      await watchApi.deleteSavedSearch(id);
      query.reload();
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  return (
    <List
      loading={query.loading}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('market.watch.noSearches')} /> }}
      data-testid="saved-searches"
      renderItem={(item) => (
        <List.Item
          actions={[
            <Button key="delete" type="text" danger icon={<DeleteOutlined />} onClick={() => void remove(item.id)}>
              {t('market.watch.deleteSearch')}
            </Button>,
          ]}
        >
          <ItemMeta
            title={<Link to={searchHref(item.query)}>{item.name}</Link>}
            description={t('market.watch.savedAt', { when: formatDateTime(item.createdAt, currentLocale()) })}
          />
        </List.Item>
      )}
    />
  );
}

function Alerts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => watchApi.alerts(signal), 'listing-alerts');
  const markRead = async () => {
    try {
      await watchApi.markAlertsRead();
      query.reload();
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  const items = query.data?.items ?? [];
  return (
    <>
      {items.some((a) => !a.read) && (
        <Button onClick={() => void markRead()} data-testid="alerts-mark-read" className="sb-watch-mark-read">
          {t('market.watch.markRead')}
        </Button>
      )}
      <List
        loading={query.loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('market.watch.noAlerts')} /> }}
        data-testid="listing-alerts"
        renderItem={(alert) => (
          <List.Item>
            <ItemMeta
              title={
                <Badge dot={!alert.read} offset={[6, 0]}>
                  <Link to={`/listings/${alert.listing.code}`}>{alert.listing.title}</Link>
                </Badge>
              }
              description={t('market.watch.alertFor', {
                search: alert.savedSearchName,
                when: formatDateTime(alert.createdAt, currentLocale()),
              })}
            />
          </List.Item>
        )}
      />
    </>
  );
}

/** /account/watchlist — the listings I saved (♥), my saved searches and the alerts they raised. */
export function WatchlistPage() {
  const { t } = useTranslation();
  useDocumentTitle('watchlist');
  return (
    <div className="sb-container sb-page" data-testid="watchlist-page">
      <header className="sb-page-header">
        <h1>
          <HeartFilled /> {t('market.watch.title')}
        </h1>
        <p>{t('market.watch.subtitle')}</p>
      </header>
      <CustomerGate path="/account/watchlist" errorTestId="watchlist-session-error">
        <Card>
          <Tabs
            items={[
              { key: 'favorites', label: t('market.watch.favorites'), children: <Favourites /> },
              { key: 'searches', label: t('market.watch.searches'), children: <SavedSearches /> },
              { key: 'alerts', label: t('market.watch.alerts'), children: <Alerts /> },
            ]}
          />
        </Card>
      </CustomerGate>
    </div>
  );
}
