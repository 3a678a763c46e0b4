import { App, Button, Card, Skeleton, Switch, Table } from 'antd';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TOPICS } from '@sealbridge/contracts';
import type { NotificationChannel, NotificationTopic, TNotificationSettings } from '@sealbridge/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { notificationsApi } from '../api/notifications-api.ts';

type Channels = TNotificationSettings['channels'];

/** E-mail and text-message copies per topic (in-app is always on; text messages are off until turned on). */
export function NotificationSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => notificationsApi.settings(signal), 'notification-settings');
  const [channels, setChannels] = useState<Channels | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.data) setChannels(query.data.channels);
  }, [query.data]);

  const value = (topic: NotificationTopic, channel: NotificationChannel) => channels?.[topic]?.[channel] ?? channel === 'email';
  const toggle = (topic: NotificationTopic, channel: NotificationChannel, on: boolean) =>
    setChannels(
      (current) => ({ ...current, [topic]: { email: value(topic, 'email'), sms: value(topic, 'sms'), [channel]: on } }) as Channels,
    );
  const save = async () => {
    if (!channels) return;
    setBusy(true);
    try {
      const full = Object.fromEntries(
        NOTIFICATION_TOPICS.map((topic) => [topic, { email: value(topic, 'email'), sms: value(topic, 'sms') }]),
      ) as Channels;
      setChannels((await notificationsApi.saveSettings({ channels: full })).channels);
      void message.success(t('notifications.saved'));
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('notifications.settingsTitle')} data-testid="notification-settings">
      <p className="sb-muted">{t('notifications.settingsIntro')}</p>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {!channels ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Table
            rowKey="topic"
            size="small"
            pagination={false}
            dataSource={NOTIFICATION_TOPICS.map((topic) => ({ topic }))}
            columns={[
              {
                title: t('notifications.topic'),
                dataIndex: 'topic',
                render: (topic: NotificationTopic) => t(`notifications.topics.${topic}`),
              },
              ...NOTIFICATION_CHANNELS.map((channel) => ({
                title: t(`notifications.channels.${channel}`),
                key: channel,
                render: (_: unknown, row: { topic: NotificationTopic }) => (
                  <Switch
                    size="small"
                    checked={value(row.topic, channel)}
                    onChange={(on) => toggle(row.topic, channel, on)}
                    aria-label={`${t(`notifications.topics.${row.topic}`)} · ${t(`notifications.channels.${channel}`)}`}
                    data-testid={`channel-${row.topic}-${channel}`}
                  />
                ),
              })),
            ]}
          />
          <Button
            type="primary"
            loading={busy}
            onClick={() => void save()}
            className="sb-settings-save"
            data-testid="notification-settings-save"
          >
            {t('notifications.save')}
          </Button>
        </>
      )}
    </Card>
  );
}
