import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { notificationText } from '@sealbridge/contracts';
import type { TNotification } from '@sealbridge/contracts';
import { App, Badge, Button, Card, Empty, List, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { announceNotificationsChanged, inAppLink } from '../api/notification-events.ts';
import { notificationsApi } from '../api/notifications-api.ts';

/** The latest notices, newest first, each rendered from the contracts' registry in the reader's language. */
export function NotificationList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => notificationsApi.list(signal), 'notifications');

  const markRead = async (ids?: string[]) => {
    try {
      await notificationsApi.markRead(ids);
      announceNotificationsChanged();
      query.reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const follow = async (n: TNotification) => {
    const link = inAppLink(n.link);
    if (!n.read) await notificationsApi.markRead([n.id]).then(announceNotificationsChanged, () => undefined);
    if (link) void navigate(link);
  };

  return (
    <Card
      title={t('notifications.title')}
      extra={
        query.data && query.data.unread > 0 ? (
          <Button size="small" icon={<CheckOutlined />} onClick={() => void markRead()} data-testid="notifications-mark-all">
            {t('notifications.markAll')}
          </Button>
        ) : undefined
      }
      data-testid="notification-list"
    >
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {!query.data && query.loading && <Skeleton active paragraph={{ rows: 4 }} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <List
            dataSource={query.data.items}
            renderItem={(n) => (
              <List.Item
                className={n.read ? 'sb-notice' : 'sb-notice is-unread'}
                data-testid="notification"
                data-kind={n.kind}
                data-read={String(n.read)}
              >
                <div className="sb-notice-main">
                  {/* A span may not carry a label without a role: the unread dot is an image named 未读. */}
                  {n.read ? (
                    <Badge status="default" />
                  ) : (
                    <span role="img" aria-label={t('notifications.unread')}>
                      <Badge status="processing" />
                    </span>
                  )}
                  <div>
                    <div className="sb-notice-text">{notificationText(n.kind, n.params, locale)}</div>
                    <div className="sb-muted">
                      {t(`notifications.topics.${n.topic}`)} · {formatDateTime(n.createdAt, locale)}
                    </div>
                  </div>
                </div>
                <div className="sb-notice-actions">
                  {inAppLink(n.link) && (
                    <Button
                      size="small"
                      type="link"
                      icon={<RightOutlined />}
                      iconPlacement="end"
                      onClick={() => void follow(n)}
                      data-testid="notification-open"
                    >
                      {t('notifications.open')}
                    </Button>
                  )}
                  {!n.read && (
                    <Button size="small" type="text" onClick={() => void markRead([n.id])} data-testid="notification-read">
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </div>
              </List.Item>
            )}
          />
        ))}
    </Card>
  );
}
