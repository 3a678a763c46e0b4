import { Tag, Timeline } from 'antd';
import type { TMyTicket } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const COLORS: Record<string, string> = { answered: 'green', refused: 'red', closed: 'default', open: 'blue' };

/** A privacy ticket's state, clock, answer or refusal, extension and history — the same block for sender and officer. */
export function TicketStatus({ ticket }: { ticket: TMyTicket }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = ticket;
  return (
    <div className="sb-ticket-status">
      <p>
        <Tag color={COLORS[r.status]} data-testid="ticket-status">
          {t(`consent.console.statuses.${r.status}`)}
        </Tag>
        {r.workingDaysLeft === null ? null : r.overdue ? (
          <Tag color="red">{t('consent.tickets.overdue', { count: Math.abs(r.workingDaysLeft) })}</Tag>
        ) : (
          <Tag color={r.workingDaysLeft <= 3 ? 'orange' : 'default'}>{t('consent.tickets.daysLeft', { count: r.workingDaysLeft })}</Tag>
        )}
      </p>
      <p className="sb-muted">
        {t('consent.tickets.due')}: {formatDateTime(r.dueAt, locale)} {r.dueProvisional ? t('consent.tickets.provisional') : null}
      </p>
      {r.extension ? (
        <p className="sb-break">{t('consent.tickets.extension', { days: r.extension.workingDays, reason: r.extension.reason })}</p>
      ) : null}
      {r.answer ? (
        <p className="sb-break" data-testid="ticket-answer">
          <strong>{t('consent.tickets.answer')}：</strong>
          {r.answer}
        </p>
      ) : null}
      {r.refusal ? (
        <p className="sb-break" data-testid="ticket-refusal">
          <strong>{t('consent.tickets.refusal')}：</strong>
          {t(`rights.refusals.${r.refusal.code}`)} — {r.refusal.text}
        </p>
      ) : null}
      <details>
        <summary>{t('consent.tickets.historyTitle')}</summary>
        <Timeline
          items={r.history.map((h) => ({
            children: `${formatDateTime(h.at, locale)} · ${t(`consent.tickets.history.${h.event}`)} · ${t(`consent.console.statuses.${h.status}`)}`,
          }))}
        />
      </details>
    </div>
  );
}
