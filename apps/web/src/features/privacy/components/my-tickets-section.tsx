import '../privacy.css';
import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getMyTickets } from '../api/consent-api.ts';
import { TicketStatus } from './ticket-status.tsx';

/** 我的隐私 → my privacy feedback: each ticket's status, clock, answer or refusal, extension and history. */
export function MyTicketsSection() {
  const { t } = useTranslation();
  const query = useApiQuery((s) => getMyTickets(s), 'my-privacy-tickets');
  return (
    <Card title={t('consent.tickets.title')} data-testid="my-tickets">
      <p>{t('consent.tickets.intro', { days: query.data?.slaWorkingDays ?? 15 })}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      <List
        loading={query.loading}
        dataSource={query.data?.tickets ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.tickets.empty')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="my-ticket">
            <div className="sb-ticket-item">
              <strong>
                {r.ticketNo} · {t(`consent.feedback.topics.${r.topic}`)}
              </strong>
              <TicketStatus ticket={r} />
            </div>
          </List.Item>
        )}
      />
      <p>
        <Link to="/privacy#feedback">{t('consent.feedback.title')}</Link>
      </p>
    </Card>
  );
}
