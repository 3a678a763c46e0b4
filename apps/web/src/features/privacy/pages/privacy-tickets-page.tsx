import '../privacy.css';
import { Button, Card, Empty, Input, List, Space, Tag } from 'antd';
import type { TTicket } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../shared/api/use-action.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useExtendRefuse } from '../../../shared/ui/use-extend-refuse.tsx';
import { answerTicket, closeTicket, extendTicket, getTickets, refuseTicket, revealTicket } from '../api/consent-api.ts';
import { TicketStatus } from '../components/ticket-status.tsx';

const shown = (f: TTicket['message']) => (f.state === 'masked' || f.state === 'revealed' ? (f.value ?? '') : '—');

/** The officer's actions on an open ticket: reveal, answer, extend once (reason to the sender), refuse with a code. */
function Actions({ r, run, onRevealed }: { r: TTicket; run: (work: () => Promise<unknown>) => void; onRevealed: (t: TTicket) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { extend, refuse } = useExtendRefuse('consent.console', text);
  return (
    <Space direction="vertical" className="sb-ticket-actions">
      <Space wrap>
        {r.message.state === 'masked' ? (
          <Button size="small" onClick={() => run(async () => onRevealed(await revealTicket(r.id)))}>
            {t('consent.console.reveal')}
          </Button>
        ) : null}
      </Space>
      {r.status === 'open' ? (
        <>
          <Input.TextArea
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('consent.console.answerLabel')}
            aria-label={t('consent.console.answerLabel')}
            data-testid="ticket-answer-text"
          />
          <Space wrap>
            <Button
              size="small"
              type="primary"
              disabled={!text}
              onClick={() => run(() => answerTicket(r.id, text))}
              data-testid="ticket-answer"
            >
              {t('consent.console.answer')}
            </Button>
            {!r.extension ? extend((days) => run(() => extendTicket(r.id, days, text))) : null}
            {refuse((code) => run(() => refuseTicket(r.id, code, text)))}
            <Button size="small" type="link" onClick={() => run(() => closeTicket(r.id))}>
              {t('consent.console.close')}
            </Button>
          </Space>
        </>
      ) : null}
    </Space>
  );
}

/** `/console/privacy/tickets` — the privacy officer's queue of feedback tickets with their working-day clocks. */
export function PrivacyTicketsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('privacyTickets');
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getTickets(s), `tickets-${round}`);
  const [revealed, setRevealed] = useState<Record<string, TTicket>>({});
  const rows = (query.data?.tickets ?? []).map((r) => {
    const full = revealed[r.id];
    return full ? { ...r, message: full.message, contactEmail: full.contactEmail } : r;
  });
  return (
    <Card title={<h1 className="sb-card-page-title">{t('consent.console.ticketsTitle')}</h1>} data-testid="privacy-tickets">
      <p className="sb-muted">{t('consent.console.ticketsIntro', { days: 15 })}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <List<TTicket>
        loading={query.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.console.empty')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="privacy-ticket">
            <div className="sb-ticket-item">
              <strong>
                {r.ticketNo} · {t(`consent.console.kinds.${r.kind}`)} · {t(`consent.feedback.topics.${r.topic}`)}
              </strong>{' '}
              {r.escalated && r.status === 'open' ? <Tag color="red">{t('consent.console.escalated')}</Tag> : null}
              <p className="sb-muted">
                {t('consent.console.createdAt')}: {formatDateTime(r.createdAt, locale)} ·{' '}
                {r.fromCustomer ? t('consent.console.signedIn') : t('consent.console.anonymous')}
              </p>
              <p className="sb-break">
                {t('consent.console.message')}: {shown(r.message)}
              </p>
              {r.contactEmail.state !== 'absent' ? (
                <p>
                  {t('consent.console.contact')}: {shown(r.contactEmail)}
                </p>
              ) : null}
              <TicketStatus ticket={r} />
              <Actions r={r} run={run} onRevealed={(full) => setRevealed((m) => ({ ...m, [r.id]: full }))} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
