import { CALLBACK_OUTCOMES, type CallbackOutcome, type TCallbackView, type TMaskingFlag } from '@sealbridge/contracts';
import { App, Button, Card, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { brokerMessagesApi } from '../api/messages-api.ts';
import { ThreadWorkspace } from '../components/thread-workspace.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

function FlagsTab({ openThread }: { openThread: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'acknowledged'>('open');
  const query = useApiQuery((signal) => brokerMessagesApi.flags(status, signal), `flags-${status}`);
  const [error, setError] = useState<unknown>(undefined);
  const acknowledge = async (id: string) => {
    try {
      await brokerMessagesApi.acknowledge(id);
      void message.success(t('messages.broker.statusDone'));
      query.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('messages.broker.flagsNote')}</Typography.Paragraph>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'acknowledged')}
        options={[
          { value: 'open', label: t('messages.broker.statusOpen') },
          { value: 'acknowledged', label: t('messages.broker.statusDone') },
        ]}
      />
      {(query.error ?? error) !== undefined && <ApiErrorAlert error={query.error ?? error} onRetry={query.reload} />}
      <ResponsiveTable<TMaskingFlag>
        actionsColumn="action"
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('messages.broker.flagsEmpty') }}
        pagination={false}
        data-testid="flags-table"
        columns={[
          { title: t('messages.broker.columns.listing'), dataIndex: 'listingCode' },
          { title: t('messages.broker.columns.buyer'), dataIndex: 'buyerAlias' },
          {
            title: t('messages.broker.columns.party'),
            dataIndex: 'partyRole',
            render: (r: TMaskingFlag['partyRole']) => t(`messages.roles.${r}`),
          },
          { title: t('messages.broker.columns.attempts'), dataIndex: 'attempts' },
          {
            title: t('messages.broker.columns.kinds'),
            dataIndex: 'kinds',
            render: (kinds: TMaskingFlag['kinds']) =>
              kinds.map((k) => <Tag key={k.kind}>{`${t(`messages.kinds.${k.kind}`)} × ${k.count}`}</Tag>),
          },
          { title: t('messages.broker.columns.lastAt'), dataIndex: 'lastAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('messages.broker.columns.action'),
            key: 'action',
            render: (_: unknown, row) => (
              <Space wrap>
                <Button size="small" onClick={() => openThread(row.threadId)}>
                  {t('messages.broker.openThread')}
                </Button>
                {row.status === 'open' && (
                  <Button size="small" type="primary" onClick={() => void acknowledge(row.id)} data-testid="flag-acknowledge">
                    {t('messages.broker.acknowledge')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function CallbacksTab({ openThread }: { openThread: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const query = useApiQuery((signal) => brokerMessagesApi.callbacks(status, signal), `callbacks-${status}`);
  const [outcomes, setOutcomes] = useState<Record<string, CallbackOutcome>>({});
  const [error, setError] = useState<unknown>(undefined);
  const done = async (id: string) => {
    try {
      await brokerMessagesApi.done(id, outcomes[id] ?? 'call_held');
      query.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <Space wrap className="sb-msg-toolbar">
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'done')}
          options={[
            { value: 'open', label: t('messages.broker.statusOpen') },
            { value: 'done', label: t('messages.broker.statusDone') },
          ]}
        />
        <Link to="/console/customers/lookup">{t('messages.broker.lookup')}</Link>
      </Space>
      {(query.error ?? error) !== undefined && <ApiErrorAlert error={query.error ?? error} onRetry={query.reload} />}
      <ResponsiveTable<TCallbackView>
        actionsColumn="open"
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('messages.broker.callbacksEmpty') }}
        pagination={false}
        data-testid="callbacks-table"
        columns={[
          { title: t('messages.broker.columns.listing'), dataIndex: 'listingCode' },
          { title: t('messages.broker.columns.buyer'), dataIndex: 'buyerAlias' },
          {
            title: t('messages.broker.columns.requester'),
            dataIndex: 'requesterRole',
            render: (r: TCallbackView['requesterRole']) => t(`messages.roles.${r}`),
          },
          {
            title: t('messages.broker.columns.window'),
            dataIndex: 'window',
            render: (w: TCallbackView['window']) => t(`messages.callback.windows.${w}`),
          },
          { title: t('messages.broker.columns.requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('messages.broker.columns.outcome'),
            key: 'outcome',
            render: (_: unknown, row) =>
              row.status === 'open' ? (
                <Space wrap>
                  <Select<CallbackOutcome>
                    size="small"
                    value={outcomes[row.id] ?? 'call_held'}
                    onChange={(v) => setOutcomes((o) => ({ ...o, [row.id]: v }))}
                    options={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`messages.broker.outcomes.${o}`) }))}
                    style={{ minWidth: 120 }}
                  />
                  <Button size="small" type="primary" onClick={() => void done(row.id)} data-testid="callback-done">
                    {t('messages.broker.done')}
                  </Button>
                </Space>
              ) : row.outcome ? (
                t(`messages.broker.outcomes.${row.outcome}`)
              ) : null,
          },
          {
            title: t('messages.broker.columns.action'),
            key: 'open',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => openThread(row.threadId)}>
                {t('messages.broker.openThread')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** /console/messages — the broker's conversations, contact-detail flags and call-back queue. */
export function BrokerMessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle('brokerMessages');
  const [params, setParams] = useSearchParams();
  const threadId = params.get('thread');
  const tab = params.get('tab') ?? 'threads';
  const go = (next: { tab?: string; thread?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.tab) p.set('tab', next.tab);
    if (next.thread === null) p.delete('thread');
    else if (next.thread) p.set('thread', next.thread);
    setParams(p);
  };
  const openThread = (id: string) => go({ tab: 'threads', thread: id });
  return (
    <Card
      title={<h1 className="sb-card-page-title">{t('messages.broker.title')}</h1>}
      className="sb-msg-card"
      data-testid="broker-messages-page"
    >
      <Typography.Paragraph type="secondary">{t('messages.broker.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key })}
        items={[
          {
            key: 'threads',
            label: t('messages.broker.tabs.threads'),
            children: <ThreadWorkspace selectedId={threadId} onSelect={(id) => go({ thread: id })} />,
          },
          { key: 'flags', label: t('messages.broker.tabs.flags'), children: <FlagsTab openThread={openThread} /> },
          { key: 'callbacks', label: t('messages.broker.tabs.callbacks'), children: <CallbacksTab openThread={openThread} /> },
        ]}
      />
    </Card>
  );
}
