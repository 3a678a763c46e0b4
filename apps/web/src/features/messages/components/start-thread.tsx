import { MessageOutlined } from '@ant-design/icons';
import type { TThreadSummary } from '@sealbridge/contracts';
import { Button, Card, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { messagesApi } from '../api/messages-api.ts';

type Props = { threads: TThreadSummary[]; autoOpenListingId: string | null; onOpened: (threadId: string) => void };

/**
 * A buyer's way in: every inquiry still open or accepted that has no thread yet gets a "联系顾问" button; a link to
 * /account/messages?listing=<id> (from the inquiry pages) opens that thread at once.
 */
export function StartThread({ threads, autoOpenListingId, onOpened }: Props) {
  const { t } = useTranslation();
  const inquiries = useApiQuery((signal) => messagesApi.myInquiries(signal), 'my-inquiries');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const auto = useRef<string | null>(null);
  const open = async (listingId: string) => {
    setBusy(listingId);
    setError(undefined);
    try {
      onOpened((await messagesApi.open(listingId)).id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  useEffect(() => {
    if (autoOpenListingId && auto.current !== autoOpenListingId) {
      auto.current = autoOpenListingId;
      void open(autoOpenListingId);
    }
  }, [autoOpenListingId]);
  const withThread = new Set(threads.map((x) => x.listingId));
  const candidates = (inquiries.data?.items ?? []).filter(
    (i) => (i.status === 'open' || i.status === 'accepted') && !withThread.has(i.listingId),
  );
  if (candidates.length === 0 && error === undefined) return null;
  return (
    <Card size="small" className="sb-msg-start" title={t('messages.start.title')} data-testid="start-thread">
      <Space wrap>
        {candidates.map((i) => (
          <Button
            key={i.id}
            icon={<MessageOutlined />}
            loading={busy === i.listingId}
            onClick={() => void open(i.listingId)}
            data-testid="start-thread-button"
          >
            {t('messages.start.button', { code: i.listingCode })}
          </Button>
        ))}
      </Space>
      {error !== undefined && <ApiErrorAlert error={error} className="sb-msg-alert" />}
    </Card>
  );
}
