import { ArrowLeftOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { MessageLane, TMessageView, TThreadSummary } from '@sealbridge/contracts';
import { Alert, Badge, Button, Segmented, Spin, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { messagesApi } from '../api/messages-api.ts';
import { CallbackButton } from './callback-button.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { MessageComposer } from './message-composer.tsx';

/** A live event for the open thread (ids only): which lane changed, and how. */
export type ThreadPing = { n: number; threadId?: string; lane?: MessageLane; type: string };

type Props = { threadId: string; ping: ThreadPing; onBack: () => void; onChanged: () => void };

function firstLane(thread: TThreadSummary): MessageLane {
  const readable = thread.lanes.filter((l) => l.readable);
  return (readable.find((l) => l.unread > 0) ?? readable[0] ?? thread.lanes[0])?.lane ?? 'parties';
}

const merge = (older: TMessageView[], newer: TMessageView[]) => {
  const byId = new Map([...older, ...newer].map((m) => [m.id, m]));
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
};

/** One thread: lane tabs, the messages of the chosen lane (fetched again on live events), the composer. */
export function ThreadView({ threadId, ping, onBack, onChanged }: Props) {
  const { t } = useTranslation();
  const summary = useApiQuery((signal) => messagesApi.thread(threadId, signal), threadId);
  const thread = summary.data;
  const [lane, setLane] = useState<MessageLane | null>(null);
  const [items, setItems] = useState<TMessageView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);
  const current = lane ?? (thread ? firstLane(thread) : null);
  const laneState = thread?.lanes.find((l) => l.lane === current);

  useEffect(() => {
    setLane(null);
  }, [threadId]);

  /** Marks the lane read up to its newest message from someone else. */
  const markRead = useCallback(
    (list: TMessageView[]) => {
      const last = [...list].reverse().find((m) => !m.sender.self);
      if (last && current) void messagesApi.markRead(threadId, current, last.id).then(onChanged, () => undefined);
    },
    [threadId, current, onChanged],
  );

  // The lane's latest page, again whenever the thread or lane changes.
  useEffect(() => {
    if (!current || !laneState?.readable) return undefined;
    const controller = new AbortController();
    setLoading(true);
    messagesApi.messages(threadId, current, {}, controller.signal).then(
      (page) => {
        setItems(page.items);
        setHasMore(page.hasMore);
        setError(undefined);
        setLoading(false);
        markRead(page.items);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [threadId, current, laneState?.readable]);

  // Live: a new message in this lane → fetch what came after the last one shown; a receipt → refresh the page.
  useEffect(() => {
    if (ping.n === 0 || ping.threadId !== threadId) return;
    if (ping.type === 'callback') summary.reload();
    if (!current || ping.lane !== current || !laneState?.readable) return;
    const last = items.at(-1)?.id;
    const page = ping.type === 'message' && last ? { after: last } : {};
    void messagesApi.messages(threadId, current, page).then((p) => {
      setItems((xs) =>
        ping.type === 'message' && last
          ? merge(xs, p.items)
          : merge(
              xs.filter((x) => x.id < (p.items[0]?.id ?? '')),
              p.items,
            ),
      );
      if (ping.type === 'message') markRead(p.items);
    }, setError);
  }, [ping.n]);

  // Braces matter: newer browsers return a promise from scrollIntoView, and an effect may return only a cleanup.
  useEffect(() => {
    void bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [items.length]);

  const older = async () => {
    if (!current || !items[0]) return;
    const page = await messagesApi.messages(threadId, current, { before: items[0].id }).catch((failure: unknown) => {
      setError(failure);
      return null;
    });
    if (page) {
      setItems((xs) => merge(page.items, xs));
      setHasMore(page.hasMore);
    }
  };

  const send = async (text: string, attachments: string[]) => {
    if (!current) return false;
    try {
      const sent = await messagesApi.send(threadId, current, text, attachments);
      setItems((xs) => merge(xs, [sent]));
      setError(undefined);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

  if (summary.error) return <ApiErrorAlert error={summary.error} onRetry={summary.reload} testId="thread-error" />;
  if (!thread || !current) return <Spin className="sb-msg-spin" />;
  const laneLabel = (l: MessageLane) => (l === 'parties' ? t('messages.lanes.parties') : t(`messages.lanes.${l}.${thread.myRole}`));
  const customer = thread.myRole !== 'broker';

  return (
    <section className="sb-msg-thread-inner" aria-label={t('messages.listing', { code: thread.listingCode })} data-testid="thread-view">
      <header className="sb-msg-thread-header">
        <Button
          type="text"
          className="sb-msg-back"
          icon={<ArrowLeftOutlined />}
          onClick={onBack}
          aria-label={t('messages.back')}
          data-testid="thread-back"
        />
        <div className="sb-msg-thread-title">
          <strong>{t('messages.listing', { code: thread.listingCode })}</strong>
          <span>{t('messages.buyerAlias', { alias: thread.buyerAlias })}</span>
        </div>
        <Tag
          icon={thread.contactsOpen ? <UnlockOutlined /> : <LockOutlined />}
          color={thread.contactsOpen ? 'green' : 'default'}
          data-testid="contacts-state"
        >
          {thread.contactsOpen ? t('messages.contactsOpen') : t('messages.contactsClosed')}
        </Tag>
        {customer && <CallbackButton thread={thread} onRequested={summary.reload} />}
      </header>
      <div className="sb-msg-lanes">
        <Segmented<MessageLane>
          value={current}
          onChange={(v) => setLane(v)}
          options={thread.lanes.map((l) => ({
            value: l.lane,
            disabled: !l.readable,
            label: (
              <span data-testid={`lane-${l.lane}`}>
                {laneLabel(l.lane)} {l.unread > 0 && l.lane !== current ? <Badge count={l.unread} size="small" /> : null}
              </span>
            ),
          }))}
        />
      </div>
      {thread.lanes.some((l) => l.lane === 'parties' && !l.readable) && (
        <Alert type="info" showIcon className="sb-msg-alert" title={t('messages.laneClosed')} data-testid="lane-closed" />
      )}
      {laneState?.readable && !laneState.open && (
        <Alert type="info" showIcon className="sb-msg-alert" title={t('messages.brokerReadOnly')} />
      )}
      {error !== undefined && <ApiErrorAlert error={error} className="sb-msg-alert" testId="message-error" />}
      <div className="sb-msg-list-scroll" aria-live="polite">
        {hasMore && (
          <Button type="link" onClick={() => void older()}>
            {t('messages.loadOlder')}
          </Button>
        )}
        {loading && items.length === 0 ? <Spin /> : items.length === 0 ? <p className="sb-msg-empty">{t('messages.noMessages')}</p> : null}
        {items.map((m) => (
          <MessageBubble key={m.id} message={m} listingId={thread.listingId} myRole={thread.myRole} />
        ))}
        <div ref={bottom} />
      </div>
      {laneState?.open && <MessageComposer onSend={send} />}
    </section>
  );
}
