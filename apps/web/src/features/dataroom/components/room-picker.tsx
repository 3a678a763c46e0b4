import type { TListingSummary } from '@sealbridge/contracts';
import { Button, Card, Empty, List, Skeleton, Tag } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

type Props = {
  /** The caller's own listings (seller) or assigned ones (adviser), where a room can be opened. */
  listings?: { title: string; load: (signal: AbortSignal) => Promise<{ items: TListingSummary[] }> };
  onOpen: (listingId: string) => void;
};

/** The rooms the caller takes part in, and — for the sell side — the listings whose room they can open. */
export function RoomPicker({ listings, onOpen }: Props) {
  const { t } = useTranslation();
  const rooms = useApiQuery((signal) => dataroomApi.rooms(signal), 'dataroom-rooms');
  const mine = useApiQuery(
    (signal) => (listings ? listings.load(signal) : Promise.resolve({ items: [] as TListingSummary[] })),
    'dataroom-listings',
  );
  if (rooms.error) return <ApiErrorAlert error={rooms.error} onRetry={rooms.reload} />;
  if (!rooms.data) return <Skeleton active />;
  const opened = new Set(rooms.data.items.map((r) => r.listingId));
  const openable = (mine.data?.items ?? []).filter((l) => !opened.has(l.id) && l.status !== 'draft');
  return (
    <div className="sb-dr-picker">
      <Card title={t('dataroom.listTitle')} size="small">
        {rooms.data.items.length === 0 ? (
          <Empty description={t('dataroom.listEmpty')} data-testid="rooms-empty" />
        ) : (
          <List
            dataSource={rooms.data.items}
            renderItem={(r) => (
              <List.Item
                data-testid="room-row"
                actions={[
                  <Button
                    key="open"
                    type="primary"
                    icon={<FolderOpenOutlined />}
                    onClick={() => onOpen(r.listingId)}
                    data-testid={`open-room-${r.listingCode}`}
                  >
                    {t('dataroom.open')}
                  </Button>,
                ]}
              >
                <ItemMeta
                  title={t('dataroom.listingCode', { code: r.listingCode })}
                  description={<Tag>{t(`dataroom.roles.${r.role}`)}</Tag>}
                />
                {t('dataroom.documentsCount', { count: r.documents })}
              </List.Item>
            )}
          />
        )}
      </Card>
      {listings && openable.length > 0 && (
        <Card title={listings.title} size="small">
          <p className="sb-dr-hint">{t('dataroom.brokerPickHint')}</p>
          <List
            dataSource={openable}
            renderItem={(l) => (
              <List.Item
                actions={[
                  <Button key="open" icon={<FolderOpenOutlined />} onClick={() => onOpen(l.id)} data-testid={`open-listing-${l.code}`}>
                    {t('dataroom.open')}
                  </Button>,
                ]}
              >
                <ItemMeta title={l.title} description={l.code} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
