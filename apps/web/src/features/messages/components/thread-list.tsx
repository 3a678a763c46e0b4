import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { TThreadSummary } from '@sealbridge/contracts';
import { Badge, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

type Props = { items: TThreadSummary[]; selectedId: string | null; onSelect: (id: string) => void; loading: boolean };

const lastActivity = (t: TThreadSummary) =>
  t.lanes.reduce((max, l) => (l.lastMessageAt && l.lastMessageAt > max ? l.lastMessageAt : max), t.createdAt);

/** The caller's threads: listing code, the buyer's alias, the caller's role, unread counts, whether contacts are open. */
export function ThreadList({ items, selectedId, onSelect, loading }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <List<TThreadSummary>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('messages.empty')} /> }}
      renderItem={(thread) => {
        const unread = thread.lanes.reduce((n, l) => n + l.unread, 0);
        return (
          <List.Item
            key={thread.id}
            className={thread.id === selectedId ? 'sb-msg-thread-item is-selected' : 'sb-msg-thread-item'}
            onClick={() => onSelect(thread.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onSelect(thread.id);
            }}
            // Focusable and opened by Enter or Space, but no button role: a list may hold only list items.
            tabIndex={0}
            aria-current={thread.id === selectedId ? 'true' : undefined}
            data-testid="thread-item"
          >
            <div className="sb-msg-thread-item-main">
              <div className="sb-msg-thread-item-title">
                <strong>{t('messages.listing', { code: thread.listingCode })}</strong>
                <Badge count={unread} size="small" title={t('messages.unread', { count: unread })} data-testid="thread-unread" />
              </div>
              <div className="sb-msg-thread-item-sub">
                <span>{t('messages.buyerAlias', { alias: thread.buyerAlias })}</span>
                <Tag>{t(`messages.myRole.${thread.myRole}`)}</Tag>
                {thread.contactsOpen ? (
                  <UnlockOutlined aria-label={t('messages.contactsOpen')} />
                ) : (
                  <LockOutlined aria-label={t('messages.contactsClosed')} />
                )}
              </div>
              <time className="sb-msg-thread-item-time" dateTime={lastActivity(thread)}>
                {formatDateTime(lastActivity(thread), locale)}
              </time>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
