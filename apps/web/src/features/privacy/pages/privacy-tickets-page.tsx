import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import type { TTicket } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { closeTicket, getTickets, revealTicket } from '../api/consent-api.ts';

const shown = (f: TTicket['message']) => (f.state === 'masked' || f.state === 'revealed' ? (f.value ?? '') : '—');

/** `/console/privacy/tickets` — feedback and rights requests with their working-day clock (privacy officer). */
export function PrivacyTicketsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('privacyTickets');
  const [round, setRound] = useState(0);
  const query = useApiQuery((s) => getTickets(s), `tickets-${round}`);
  const [revealed, setRevealed] = useState<Record<string, TTicket>>({});
  const [error, setError] = useState<unknown>(undefined);
  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    }
  };
  const rows = (query.data?.tickets ?? []).map((r) => revealed[r.id] ?? r);
  return (
    <Card title={<h1 className="sb-card-page-title">{t('consent.console.ticketsTitle')}</h1>} data-testid="privacy-tickets">
      <p className="sb-muted">{t('consent.console.ticketsIntro', { days: 15 })}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <Table<TTicket>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={rows}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.console.empty')} /> }}
        columns={[
          { title: t('consent.console.ticketNo'), dataIndex: 'ticketNo' },
          { title: t('consent.console.kind'), dataIndex: 'kind', render: (v: TTicket['kind']) => t(`consent.console.kinds.${v}`) },
          { title: t('consent.console.topic'), dataIndex: 'topic', render: (v: TTicket['topic']) => t(`consent.feedback.topics.${v}`) },
          { title: t('consent.console.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
          { title: t('consent.console.dueAt'), dataIndex: 'dueAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('consent.console.clock'),
            key: 'clock',
            render: (_v, r) =>
              r.workingDaysLeft === null ? null : r.overdue ? (
                <Tag color="red">{t('consent.console.overdue', { count: Math.abs(r.workingDaysLeft) })}</Tag>
              ) : (
                <Tag color={r.workingDaysLeft <= 3 ? 'orange' : 'blue'}>{t('consent.console.daysLeft', { count: r.workingDaysLeft })}</Tag>
              ),
          },
          { title: t('consent.console.status'), dataIndex: 'status', render: (v: TTicket['status']) => t(`consent.console.statuses.${v}`) },
          { title: t('consent.console.message'), key: 'message', render: (_v, r) => <span className="sb-break">{shown(r.message)}</span> },
          { title: t('consent.console.contact'), key: 'contact', render: (_v, r) => shown(r.contactEmail) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v, r) => (
              <Space>
                {r.message.state === 'masked' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void run(async () => {
                        const full = await revealTicket(r.id);
                        setRevealed((m) => ({ ...m, [r.id]: full }));
                      })
                    }
                  >
                    {t('consent.console.reveal')}
                  </Button>
                ) : null}
                {r.status === 'open' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void run(async () => {
                        await closeTicket(r.id);
                        setRound((n) => n + 1);
                      })
                    }
                  >
                    {t('consent.console.close')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
