import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { messagesApi } from '../api/messages-api.ts';
import { useMessageStream } from '../api/use-message-stream.ts';
import { StartThread } from './start-thread.tsx';
import { ThreadList } from './thread-list.tsx';
import { ThreadView, type ThreadPing } from './thread-view.tsx';
import '../messages.css';

type Props = {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Buyers: offer to start a thread on each inquiry without one (and open one for `?listing=`). */
  start?: { autoOpenListingId: string | null };
};

/**
 * The thread list beside the open thread (desktop); on a phone the list and the thread are separate screens (the
 * route says which). One live stream feeds both: the list refreshes, the open thread fetches what changed.
 */
export function ThreadWorkspace({ selectedId, onSelect, start }: Props) {
  const { t } = useTranslation();
  const list = useApiQuery((signal) => messagesApi.threads(signal), 'threads');
  const [ping, setPing] = useState<ThreadPing>({ n: 0, type: 'none' });
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reloadList = list.reload;
  // A burst of events refreshes the list once.
  const refreshList = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(reloadList, 250);
  }, [reloadList]);

  useMessageStream((type, data) => {
    if (type === 'signed_out') return;
    refreshList();
    setPing((p) => ({
      n: p.n + 1,
      type,
      ...(data.threadId ? { threadId: data.threadId } : {}),
      ...(data.lane ? { lane: data.lane } : {}),
    }));
  });

  return (
    <div className={selectedId ? 'sb-msg-layout has-selection' : 'sb-msg-layout'} data-testid="messages-workspace">
      <aside className="sb-msg-list" aria-label={t('messages.listTitle')}>
        {start && list.data && (
          <StartThread
            threads={list.data.items}
            autoOpenListingId={start.autoOpenListingId}
            onOpened={(id) => {
              list.reload();
              onSelect(id);
            }}
          />
        )}
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.reload} />
        ) : (
          <ThreadList items={list.data?.items ?? []} selectedId={selectedId} onSelect={onSelect} loading={list.loading && !list.data} />
        )}
      </aside>
      <div className="sb-msg-thread">
        {selectedId ? (
          <ThreadView key={selectedId} threadId={selectedId} ping={ping} onBack={() => onSelect(null)} onChanged={refreshList} />
        ) : (
          <p className="sb-msg-pick">{t('messages.pick')}</p>
        )}
      </div>
    </div>
  );
}
