import { DesktopOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Popconfirm, Skeleton, Space, Tag } from 'antd';
import type { TSessionSummary } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { endOtherSessions, endSession, listSessions } from '../api/sessions-api.ts';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

/** Current session first, then the most recently active. */
function ordered(sessions: readonly TSessionSummary[]): TSessionSummary[] {
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/** My signed-in devices: the current one marked; end one, or all others at once. */
export function SessionsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => listSessions(signal), 'my-sessions');
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const act = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    setError(undefined);
    try {
      await work();
      query.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const endOne = (id: string) =>
    act(id, async () => {
      await endSession(id);
      void message.success(t('security.sessions.ended'));
    });
  const endOthers = () =>
    act('others', async () => {
      const { ended } = await endOtherSessions();
      void message.success(t('security.sessions.endedOthers', { count: ended }));
    });

  if (!query.data) {
    if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="sessions-error" />;
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  const sessions = ordered(query.data.sessions);
  const others = sessions.filter((s) => !s.current).length;

  return (
    <Card
      title={t('security.sessions.count', { count: sessions.length })}
      className="sb-security-card"
      data-testid="sessions-panel"
      extra={
        <Popconfirm title={t('security.sessions.endOthersConfirm')} onConfirm={() => void endOthers()} disabled={others === 0}>
          <Button danger icon={<LogoutOutlined />} disabled={others === 0} loading={busy === 'others'} data-testid="sessions-end-others">
            {t('security.sessions.endOthers')}
          </Button>
        </Popconfirm>
      }
    >
      <p className="sb-muted">{t('security.sessions.intro')}</p>
      {error !== undefined && <ApiErrorAlert error={error} testId="sessions-action-error" className="sb-security-alert" />}
      <List
        dataSource={sessions}
        rowKey="id"
        locale={{ emptyText: t('security.sessions.empty') }}
        renderItem={(session) => (
          <List.Item
            data-testid="session-row"
            data-session-id={session.id}
            data-current={session.current ? 'true' : 'false'}
            data-stage={session.stage}
            actions={
              session.current
                ? [
                    <span key="hint" className="sb-muted">
                      {t('security.sessions.currentHint')}
                    </span>,
                  ]
                : [
                    <Popconfirm key="end" title={t('security.sessions.endConfirm')} onConfirm={() => void endOne(session.id)}>
                      <Button danger type="text" loading={busy === session.id} data-testid="session-end">
                        {t('security.sessions.end')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <ItemMeta
              avatar={<DesktopOutlined className="sb-factor-icon" />}
              title={
                <Space size={6} wrap>
                  {t('security.sessions.device', {
                    browser: session.device.browser ?? t('security.sessions.unknownBrowser'),
                    os: session.device.os ?? t('security.sessions.unknownOs'),
                  })}
                  {session.current && (
                    <Tag color="green" data-testid="session-current">
                      {t('security.sessions.current')}
                    </Tag>
                  )}
                  {session.stage !== 'active' && <Tag color="orange">{t(`security.sessions.stage.${session.stage}`)}</Tag>}
                </Space>
              }
              description={
                <Space size={12} wrap className="sb-muted">
                  <span>{t('security.sessions.createdAt', { time: formatDateTime(session.createdAt, locale) })}</span>
                  <span>{t('security.sessions.lastSeenAt', { time: formatDateTime(session.lastSeenAt, locale) })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
